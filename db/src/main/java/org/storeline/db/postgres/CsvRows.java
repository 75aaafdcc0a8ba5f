package org.storeline.db.postgres;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jooq.JSON;

/**
 * Rows in the CSV form of PostgreSQL's {@code COPY ... WITH (FORMAT csv)}: a null is an empty unquoted field,
 * every text is quoted (so an empty text stays empty, not null), a quote inside is doubled.
 */
final class CsvRows {
    private CsvRows() {}

    static String of(List<Object[]> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 128);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, row[i]);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        switch (value) {
            case null -> {}
            case String text -> quoted(out, text);
            case JSON json -> quoted(out, json.data());
            case UUID id -> out.append(id);
            // An array literal, {a,b}: UUIDs need no quoting inside it.
            case UUID[] ids ->
                quoted(
                        out,
                        "{"
                                + String.join(
                                        ",",
                                        Arrays.stream(ids).map(UUID::toString).toList()) + "}");
            case Integer n -> out.append(n);
            case Long n -> out.append(n);
            case Short n -> out.append(n);
            case Boolean b -> out.append(b ? "t" : "f");
            case BigDecimal amount -> out.append(amount.toPlainString());
            // Written in UTC with its offset, so the session's time zone cannot shift it.
            case OffsetDateTime time ->
                out.append(time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            default ->
                throw new IllegalArgumentException(
                        "No COPY form for a " + value.getClass().getName());
        }
    }

    private static void quoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}
