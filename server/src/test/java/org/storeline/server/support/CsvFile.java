package org.storeline.server.support;

import java.util.ArrayList;
import java.util.List;

/** Reads a CSV answer as RFC 4180 writes it (quoted fields, doubled quotes, CRLF rows), refusing anything else. */
public final class CsvFile {
    private CsvFile() {}

    /** The rows, the header first; fails on a bare LF between rows or a quote where RFC 4180 allows none. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            StringBuilder field = new StringBuilder();
            if (text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new AssertionError("An unterminated quoted field in: " + text);
                    }
                    char c = text.charAt(i++);
                    if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        break;
                    } else {
                        field.append(c);
                    }
                }
            } else {
                while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    char c = text.charAt(i++);
                    if (c == '"' || c == '\n') {
                        throw new AssertionError("A quote or line break in an unquoted field of: " + text);
                    }
                    field.append(c);
                }
            }
            row.add(field.toString());
            if (i < text.length() && text.charAt(i) == ',') {
                i++;
                continue;
            }
            if (!text.startsWith("\r\n", i)) {
                throw new AssertionError("A row not ended by CRLF at " + i + " of: " + text);
            }
            i += 2;
            rows.add(row);
            row = new ArrayList<>();
        }
        return rows;
    }
}
