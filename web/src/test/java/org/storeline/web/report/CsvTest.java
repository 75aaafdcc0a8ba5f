package org.storeline.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** RFC 4180 fields, and text that a spreadsheet would run as a formula kept as text. */
class CsvTest {

    @Test
    void writesAHeaderAndRowsEndedByCrlfQuotingOnlyWhatMustBe() {
        String csv = Csv.write(
                List.of("sku", "name", "total"),
                List.of(
                        List.of(Csv.text("A1"), Csv.text("Plain name"), Csv.value("12.50")),
                        List.of(Csv.text("B,2"), Csv.text("Say \"hi\"\nand bye"), Csv.value("-5.00"))));

        assertThat(csv)
                .isEqualTo("sku,name,total\r\n" + "A1,Plain name,12.50\r\n"
                        + "\"B,2\",\"Say \"\"hi\"\"\nand bye\",-5.00\r\n");
    }

    @Test
    void textStartingLikeAFormulaGetsALeadingApostrophe() {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR")) {
            String field = Csv.field(Csv.text(formula));

            assertThat(field).as(formula).contains("'" + formula.charAt(0));
            assertThat(unquote(field)).as(formula).isEqualTo("'" + formula);
        }
        assertThat(Csv.field(Csv.text("=1,2"))).isEqualTo("\"'=1,2\"");
        assertThat(Csv.field(Csv.text("a=b"))).isEqualTo("a=b");
        assertThat(Csv.field(Csv.text(""))).isEmpty();
        assertThat(Csv.field(Csv.text(null))).isEmpty();
    }

    @Test
    void valuesStorelineFormatsItselfAreWrittenAsTheyAreSoRefundsStayNegativeNumbers() {
        assertThat(Csv.field(Csv.value("-12.50"))).isEqualTo("-12.50");
        assertThat(Csv.field(Csv.value(-3L))).isEqualTo("-3");
        assertThat(Csv.field(Csv.value(null))).isEmpty();
        assertThat(Csv.field(Csv.value(true))).isEqualTo("true");
    }

    @Test
    void aReaderOfRfc4180GetsBackEveryFieldAsWritten() {
        List<String> awkward = List.of(
                "",
                "plain",
                "comma, inside",
                "quote \" inside",
                "\"\"",
                "line\nbreak",
                "carriage\r\nreturn",
                "  spaces  ",
                ",",
                "émoji 🛒");
        String csv = Csv.write(
                List.of("a"), awkward.stream().map(t -> List.of(Csv.text(t))).toList());

        List<String> read = readColumn(csv);

        assertThat(read)
                .containsExactlyElementsOf(
                        Stream.concat(Stream.of("a"), awkward.stream()).toList());
    }

    private static String unquote(String field) {
        return field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
    }

    /** A minimal RFC 4180 reader for a one-column file: fields, quotes doubled inside quoted ones, CRLF rows. */
    private static List<String> readColumn(String csv) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (i < csv.length()) {
            StringBuilder field = new StringBuilder();
            if (csv.charAt(i) == '"') {
                i++;
                while (true) {
                    char c = csv.charAt(i++);
                    if (c == '"' && i < csv.length() && csv.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        break;
                    } else {
                        field.append(c);
                    }
                }
            } else {
                while (csv.charAt(i) != '\r') {
                    field.append(csv.charAt(i++));
                }
            }
            assertThat(csv.substring(i, i + 2)).isEqualTo("\r\n");
            i += 2;
            fields.add(field.toString());
        }
        return fields;
    }
}
