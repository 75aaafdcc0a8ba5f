package org.storeline.channels.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PlatformJsonTest {
    private static JsonNode json(String text) {
        return PlatformJson.parse(text, "test payload");
    }

    @Test
    void amountsReadTheSameAsJsonNumbersAndAsStringsAndAbsentIsZero() {
        JsonNode order = json("{\"a\": 12.5, \"b\": \"12.50\", \"c\": null}");

        assertThat(PlatformJson.decimal(order, "a")).isEqualByComparingTo("12.50");
        assertThat(PlatformJson.decimal(order, "b")).isEqualByComparingTo("12.50");
        assertThat(PlatformJson.decimal(order, "c")).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void anAmountThatIsNotANumberIsAFinalErrorNamingTheFieldAndTheValue() {
        assertThatThrownBy(() -> PlatformJson.decimal(json("{\"total\": \"12,50\"}"), "total"))
                .isInstanceOf(UnreadableFieldException.class)
                .hasMessage("total '12,50' is not a number")
                .satisfies(e -> assertThat(((PlatformCallException) e).retryable()).isFalse());
    }

    @Test
    void wholeQuantitiesReadInEveryShapeAndAFractionIsAFinalErrorNamingTheField() {
        JsonNode line = json("{\"q1\": 3, \"q2\": \"3\", \"q3\": 3.0, \"q4\": \"1.5\"}");

        assertThat(PlatformJson.quantity(line, "q1")).isEqualTo(3);
        assertThat(PlatformJson.quantity(line, "q2")).isEqualTo(3);
        assertThat(PlatformJson.quantity(line, "q3")).isEqualTo(3);
        assertThatThrownBy(() -> PlatformJson.quantity(line, "q4"))
                .isInstanceOf(UnreadableFieldException.class).hasMessage("q4 '1.5' is not a whole number");
    }

    @Test
    void anUnreadableFieldSaidOfAPartAndThenOfAnOrderNamesThePlatformTheOrderThePathAndTheValueAndStaysFinal() {
        UnreadableFieldException unreadable = new UnreadableFieldException("amount", "N/A", "a number", null);

        PlatformCallException said = unreadable.within("applied_discounts[]").inOrder("BigCommerce", "118");

        assertThat(said).hasMessage("BigCommerce order 118 cannot be read: applied_discounts[].amount 'N/A' is not a number");
        assertThat(said.retryable()).isFalse();
    }

    @Test
    @Timeout(5)
    void aNumberBeyondWhatStorelineRecordsIsAFinalErrorAndIsNeverExpanded() {
        JsonNode order = json("{\"a\": 1e999999999, \"b\": \"1e999999999\", \"c\": 1e-999999999,"
                + " \"d\": 0.30000000000000004}");

        for (String field : new String[] {"a", "b", "c"}) {
            assertThatThrownBy(() -> PlatformJson.money(order, field, Currency.getInstance("EUR")))
                    .isInstanceOf(UnreadableFieldException.class).hasMessageStartingWith(field + " '");
        }
        assertThat(PlatformJson.money(order, "d", Currency.getInstance("EUR")).amount()).isEqualByComparingTo("0.30");
    }

    @Test
    void aPayloadThatIsNoJsonSaysWhereItBreaksButNotWhatParsedIt() {
        assertThatThrownBy(() -> PlatformJson.parse("{\"a\": NaN}".getBytes(StandardCharsets.UTF_8), "The delivery"))
                .isInstanceOf(PlatformCallException.class)
                .hasMessage("The delivery is not valid JSON (it breaks at line 1, column 10)");
    }

    @Test
    void textLosesItsNulCharacters() {
        assertThat(PlatformJson.text(json("{\"name\": \"Ann\\u0000e\"}"), "name")).contains("Anne");
    }
}
