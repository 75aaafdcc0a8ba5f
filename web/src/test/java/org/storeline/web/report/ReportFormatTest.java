package org.storeline.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV when the client prefers it; JSON in every other case, never a 406. */
class ReportFormatTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/csv",
                "TEXT/CSV",
                "text/csv; charset=utf-8",
                "text/*",
                "text/csv, */*",
                "text/csv, */*;q=0.8",
                "application/json;q=0.5, text/csv",
                "text/csv;q=0.9, application/json;q=0.1",
                "text/html, text/csv;q=0.9, */*;q=0.8"
            })
    void answersCsvWhenTheClientPrefersIt(String accept) {
        assertThat(ReportFormat.from(accept)).isEqualTo(ReportFormat.CSV);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "*/*",
                "application/json",
                "application/json, text/csv",
                "text/csv;q=0.5, application/json",
                "text/csv;q=0",
                "text/csv;q=banana",
                "text/csv;q=2",
                "text/html",
                "image/png",
                "garbage",
                ",,,;;;",
                "text/csv/extra",
                "text/*, application/json",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
            })
    void answersJsonOtherwise(String accept) {
        assertThat(ReportFormat.from(accept)).isEqualTo(ReportFormat.JSON);
    }

    @Test
    void answersJsonWithoutTheHeader() {
        assertThat(ReportFormat.from(null)).isEqualTo(ReportFormat.JSON);
    }
}
