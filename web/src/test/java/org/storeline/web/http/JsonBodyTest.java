package org.storeline.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/** Request bodies are bounded and checked when they are read; their errors speak of fields, not of our parser. */
class JsonBodyTest {
    private static final List<String> INTERNALS =
            List.of("com.fasterxml", "jackson", "Feature", "Constraints", "`", "java.", "Exception");

    @Test
    @Timeout(5)
    void refusesAHugeExponentInAMoneyFieldNamingIt() {
        for (String unitPrice : List.of("1e999999999", "\"1e999999999\"", "1e309", "\"-1e309\"")) {
            JsonBody line = body("{\"lines\": [{\"unit_price\": " + unitPrice + "}]}")
                    .objectList("lines")
                    .get(0);

            assertRefused(
                    () -> line.optionalDecimal("unit_price"),
                    ErrorCode.NUMBER_OUT_OF_RANGE,
                    "lines[0].unit_price is too large");
        }
    }

    @Test
    void givesBackBoundedAmountsInPlainDigits() {
        JsonBody body = body("{\"a\": \"12.50\", \"b\": 1E+3, \"c\": 0.1, \"d\": \"999999999999999.99\"}");

        assertThat(body.optionalDecimal("a")).contains("12.50");
        assertThat(body.optionalDecimal("b")).contains("1000");
        assertThat(body.optionalDecimal("c")).contains("0.1");
        assertThat(body.decimal("d")).isEqualTo("999999999999999.99");
    }

    @Test
    void refusesANumberOfFourHundredDigitsWhileParsingNamingItsField() {
        String payment = "{\"payments\": [{\"amount\": " + "9".repeat(400) + "}]}";

        assertRefused(
                () -> body(payment),
                ErrorCode.NUMBER_OUT_OF_RANGE,
                "payments[0].amount is a number of more than 100 characters");
        assertRefused(() -> body("{\"quantity\": " + "9".repeat(400) + "}"), ErrorCode.NUMBER_OUT_OF_RANGE, "quantity");
    }

    @Test
    void refusesAWholeNumberBeyondALong() {
        JsonBody body = body("{\"quantity\": 92233720368547758070}");

        assertRefused(() -> body.wholeNumber("quantity"), ErrorCode.NUMBER_OUT_OF_RANGE, "quantity is too large");
    }

    @Test
    @Timeout(5)
    void refusesJsonNestedTwentyThousandLevelsDeep() {
        String lists = "[".repeat(20_000) + "]".repeat(20_000);
        String objects = "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000);

        assertRefused(() -> body(lists), ErrorCode.MALFORMED_JSON, "more than 50 levels deep");
        assertRefused(() -> body(objects), ErrorCode.MALFORMED_JSON, "levels deep");
    }

    @Test
    void refusesNulAndHalfSurrogatesInTextListsAndNames() {
        JsonBody nul = body("{\"name\": \"a\\u0000b\"}");
        JsonBody half = body("{\"name\": \"a\\ud800b\"}");
        JsonBody list = body("{\"barcodes\": [\"1\", \"2\\u0000\"]}");
        JsonBody names =
                body("{\"m\": {\"a\\u0000\": \"x\"}}").optionalObject("m").orElseThrow();

        assertRefused(() -> nul.text("name"), ErrorCode.INVALID_TEXT, "name contains a NUL");
        assertRefused(() -> half.text("name"), ErrorCode.INVALID_TEXT, "name contains half");
        assertRefused(() -> list.textList("barcodes"), ErrorCode.INVALID_TEXT, "barcodes[1]");
        assertRefused(names::fieldNames, ErrorCode.INVALID_TEXT, "m.a");
    }

    @Test
    void saysWhatIsWrongWithMalformedJsonWithoutNamingTheParser() {
        List<String> bodies = List.of(
                "{\"price\": NaN}",
                "{/* note */ \"a\": 1}",
                "{\"a\": 1} {\"b\": 2}",
                "{\"a\": ",
                "{'a': 1}",
                "{\"a\": 1}}",
                "{\"a\": 01}",
                "\u00ff\u00fe");
        for (String malformed : bodies) {
            assertThatThrownBy(() -> body(malformed)).isInstanceOfSatisfying(StorelineException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
                assertThat(e.getMessage()).as(malformed).doesNotContain(INTERNALS);
            });
        }
    }

    @Test
    void pointsAtWhereTheJsonBreaks() {
        assertRefused(() -> body("{\n  \"name\": \"x\",\n  oops\n}"), ErrorCode.MALFORMED_JSON, "line 3");
    }

    @Test
    void readsAnEmptyBodyAsAnEmptyObject() {
        assertThat(JsonBody.of(new byte[0]).fieldNames()).isEmpty();
    }

    private static JsonBody body(String json) {
        return JsonBody.of(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code, String says) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StorelineException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(says).doesNotContain(INTERNALS);
        });
    }
}
