package org.storeline.web.report;

import java.util.List;

/**
 * Comma-separated values as RFC 4180 writes them: one header row, CRLF after every row, a field quoted when it holds
 * a comma, a quote or a line break, a quote inside it doubled.
 *
 * <p>Text that people or platforms typed (product names, SKUs, payment type names) may start like a spreadsheet
 * formula ({@code =HYPERLINK(...)}, {@code +1+1}, {@code -2+3}, {@code @SUM(...)}); opened in a spreadsheet such a
 * cell would run. Such text is written with a leading apostrophe, which spreadsheets read as "this is text" and do
 * not show. Values Storeline formats itself (amounts, which may be negative, counts, ids, times) are written as
 * they are, so a refund of {@code -5.00} stays a number.
 */
final class Csv {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** One field of a row. */
    record Cell(String value, boolean fromPeople) {}

    private Csv() {}

    /** Text from people or platforms: neutralised when it starts like a formula. */
    static Cell text(String value) {
        return new Cell(value == null ? "" : value, true);
    }

    /** A value Storeline formats itself (an amount, a count, an id, a time, a code): written as it is. */
    static Cell value(Object value) {
        return new Cell(value == null ? "" : value.toString(), false);
    }

    static String write(List<String> header, List<List<Cell>> rows) {
        StringBuilder out = new StringBuilder();
        appendRow(out, header.stream().map(Csv::value).toList());
        rows.forEach(row -> appendRow(out, row));
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<Cell> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String field(Cell cell) {
        String value = cell.value();
        if (cell.fromPeople() && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
