package org.storeline.db.postgres;

import java.util.HashMap;
import java.util.Map;

/**
 * A string map as text, one {@code name: value} per line (raw headers, query parameters, credentials),
 * with backslash escapes for the few characters that would break the lines. Cheap on the webhook path,
 * and readable when someone looks at a stored delivery in SQL.
 */
public final class PropertiesText {
    private PropertiesText() {
    }

    public static String encode(Map<String, String> values) {
        StringBuilder text = new StringBuilder(values.size() * 32);
        values.forEach((name, value) -> text.append(escape(name, true)).append(": ").append(escape(value, false)).append('\n'));
        return text.toString();
    }

    public static Map<String, String> decode(String text) {
        Map<String, String> map = new HashMap<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            int separator = line.indexOf(": ");
            if (separator >= 0) {
                map.put(unescape(line.substring(0, separator)), unescape(line.substring(separator + 2)));
            }
            start = end + 1;
        }
        return map;
    }

    private static String escape(String value, boolean name) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case ':' -> out.append(name ? "\\c" : ":");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'c' -> ':';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
