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
                .satisfies(
                        e -> assertThat(((PlatformCallException) e).retryable()).isFalse());
    }

    @Test
    void wholeQuantitiesReadInEveryShapeAndAFractionIsAFinalErrorNamingTheField() {
        JsonNode line = json("{\"q1\": 3, \"q2\": \"3\", \"q3\": 3.0, \"q4\": \"1.5\"}");

        assertThat(PlatformJson.quantity(line, "q1")).isEqualTo(3);
        assertThat(PlatformJson.quantity(line, "q2")).isEqualTo(3);
        assertThat(PlatformJson.quantity(line, "q3")).isEqualTo(3);
        assertThatThrownBy(() -> PlatformJson.quantity(line, "q4"))
                .isInstanceOf(UnreadableFieldException.class)
                .hasMessage("q4 '1.5' is not a whole number");
    }

    @Test
    void anUnreadableFieldSaidOfAPartAndThenOfAnOrderNamesThePlatformTheOrderThePathAndTheValueAndStaysFinal() {
        UnreadableFieldException unreadable = new UnreadableFieldException("amount", "N/A", "a number", null);

        PlatformCallException said = unreadable.within("applied_discounts[]").inOrder("BigCommerce", "118");

        assertThat(said)
                .hasMessage("BigCommerce order 118 cannot be read: applied_discounts[].amount 'N/A' is not a number");
        assertThat(said.retryable()).isFalse();
    }

    @Test
    void anObjectWhereAnAmountBelongsIsAFinalErrorRatherThanZeroAndAnEmptyOneIsAbsent() {
        JsonNode order = json("{\"total\": {\"amount\": 5}, \"tax\": [], \"fee\": \"\"}");

        assertThatThrownBy(() -> PlatformJson.decimal(order, "total"))
                .isInstanceOf(UnreadableFieldException.class)
                .hasMessage("total '{\"amount\":5}' is not a number");
        assertThat(PlatformJson.optionalDecimal(order, "tax")).isEmpty();
        assertThat(PlatformJson.optionalDecimal(order, "fee")).isEmpty();
        assertThat(PlatformJson.optionalDecimal(order, "missing")).isEmpty();
        assertThat(PlatformJson.decimal(order, "tax")).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void aCurrencyIsReadInAnyCaseAndAbsentWhenMissingOrBlank() {
        JsonNode order = json("{\"a\": \"EUR\", \"b\": \" hkd \", \"c\": \"\", \"d\": null}");

        assertThat(PlatformJson.currency(order, "a")).contains(Currency.getInstance("EUR"));
        assertThat(PlatformJson.currency(order, "b")).contains(Currency.getInstance("HKD"));
        assertThat(PlatformJson.currency(order, "c")).isEmpty();
        assertThat(PlatformJson.currency(order, "d")).isEmpty();
        assertThat(PlatformJson.currency(order, "e")).isEmpty();
    }

    @Test
    void aCurrencyThatIsNotAnIsoCodeIsAFinalErrorThatSaysSoOfTheOrder() {
        JsonNode order = json("{\"currency\": \"Hong Kong dollars\"}");

        assertThatThrownBy(() -> PlatformJson.currency(order, "currency"))
                .isInstanceOfSatisfying(UnreadableFieldException.class, e -> {
                    assertThat(e).hasMessage("currency 'Hong Kong dollars' is not an ISO 4217 currency code");
                    assertThat(e.inOrder("Shopify", "1071"))
                            .hasMessage("Shopify order 1071 cannot be read: "
                                    + "currency 'Hong Kong dollars' is not an ISO 4217 currency code");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void aMissingFieldIsNamedFromItsPartAndItsOrder() {
        PlatformCallException said = UnreadableFieldException.missing("quantityOrdered")
                .within("products[3515302]")
                .inOrder("Lightspeed", "1623550");

        assertThat(said)
                .hasMessage("Lightspeed order 1623550 cannot be read: products[3515302].quantityOrdered is missing");
        assertThat(said.retryable()).isFalse();
    }

    @Test
    @Timeout(5)
    void aNumberBeyondWhatStorelineRecordsIsAFinalErrorAndIsNeverExpanded() {
        JsonNode order = json(
                "{\"a\": 1e999999999, \"b\": \"1e999999999\", \"c\": 1e-999999999," + " \"d\": 0.30000000000000004}");

        for (String field : new String[] {"a", "b", "c"}) {
            assertThatThrownBy(() -> PlatformJson.money(order, field, Currency.getInstance("EUR")))
                    .isInstanceOf(UnreadableFieldException.class)
                    .hasMessageStartingWith(field + " '");
        }
        assertThat(PlatformJson.money(order, "d", Currency.getInstance("EUR")).amount())
                .isEqualByComparingTo("0.30");
    }

    @Test
    void aPayloadThatIsNoJsonSaysWhereItBreaksButNotWhatParsedIt() {
        assertThatThrownBy(() -> PlatformJson.parse("{\"a\": NaN}".getBytes(StandardCharsets.UTF_8), "The delivery"))
                .isInstanceOf(PlatformCallException.class)
                .hasMessage("The delivery is not valid JSON (it breaks at line 1, column 10)");
    }

    @Test
    void textLosesItsNulCharacters() {
        assertThat(PlatformJson.text(json("{\"name\": \"Ann\\u0000e\"}"), "name"))
                .contains("Anne");
    }
}
