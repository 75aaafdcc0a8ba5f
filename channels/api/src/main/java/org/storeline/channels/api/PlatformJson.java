package org.storeline.channels.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.money.Decimals;
import org.storeline.core.money.Money;

/**
 * Reading platform JSON safely: floats are read as exact decimals (Ecwid and Lightspeed send money as
 * JSON numbers), ids are read as strings whatever their JSON type (Shopify's exceed 2^53), and missing,
 * null and empty values are all "absent".
 */
public final class PlatformJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private PlatformJson() {}

    public static JsonNode parse(byte[] body, String what) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // The parser's own message names its classes and settings: only where it stopped is said.
            JsonLocation at = e.getLocation();
            throw PlatformCallException.unreadable(
                    what + " is not valid JSON"
                            + (at == null || at.getLineNr() < 0
                                    ? ""
                                    : " (it breaks at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
                    e);
        } catch (IOException e) {
            throw PlatformCallException.unreadable(what + " is not valid JSON", e);
        }
    }

    public static JsonNode parse(String body, String what) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw PlatformCallException.unreadable(what + " is not valid JSON", e);
        }
    }

    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        // NUL is dropped: PostgreSQL cannot store it, and a platform's text with one is still the same order.
        String text = value.isNumber()
                ? value.numberValue().toString()
                : value.asText().replace("\u0000", "");
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    /** An id, as a string: {@code 450789469} and {@code "450789469"} read the same. */
    public static Optional<String> id(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isIntegralNumber()) {
            // 0 means "none" on these platforms (a guest customer, a simple product's variation).
            return value.bigIntegerValue().signum() == 0
                    ? Optional.empty()
                    : Optional.of(value.bigIntegerValue().toString());
        }
        return text(node, field).filter(v -> !v.equals("0"));
    }

    /**
     * A decimal field; absent is zero; anything else that is not a number, or is one beyond {@link Decimals}' bounds
     * ({@code 1e999999999}), is an {@link UnreadableFieldException}.
     */
    public static BigDecimal decimal(JsonNode node, String field) {
        return optionalDecimal(node, field).orElse(BigDecimal.ZERO);
    }

    /**
     * A decimal field that may be absent (missing, null, blank, or an empty list or object); anything else that is
     * not a number, an object such as {@code {"amount": 5}} included, is an {@link UnreadableFieldException}.
     */
    public static Optional<BigDecimal> optionalDecimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isContainerNode() && !value.isEmpty()) {
            // Read as text it would be blank, so absent, so zero: an amount nobody could read would cost nothing.
            throw new UnreadableFieldException(field, value.toString(), "a number", null);
        }
        try {
            if (value.isNumber()) {
                return Optional.of(Decimals.boundedForRounding(field, value.decimalValue()));
            }
            return text(node, field).map(text -> Decimals.parseForRounding(field, text));
        } catch (StorelineException e) {
            String shown = value.isNumber() ? value.numberValue().toString() : value.asText();
            String expected = e.code() != ErrorCode.NUMBER_OUT_OF_RANGE
                    ? "a number"
                    : "a number of at most " + Decimals.MAX_INTEGER_DIGITS + " digits before the point";
            throw new UnreadableFieldException(
                    field, shown.length() > 40 ? shown.substring(0, 40) + "..." : shown, expected, e);
        }
    }

    /** A money field; amounts with more places than the currency (BigCommerce sends 4) are rounded half-up. */
    public static Money money(JsonNode node, String field, Currency currency) {
        return Money.rounded(decimal(node, field), currency);
    }

    /**
     * A currency code: {@code "EUR"} and {@code "eur"} read the same; absent when missing, null or blank; a code
     * that is not ISO 4217 is an {@link UnreadableFieldException} (the order cannot be priced in it).
     */
    public static Optional<Currency> currency(JsonNode node, String field) {
        return text(node, field).map(code -> {
            try {
                return Currency.getInstance(code.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UnreadableFieldException(field, code, "an ISO 4217 currency code", e);
            }
        });
    }

    /**
     * Whole units: {@code 3}, {@code "3"} and {@code 3.0} read the same;
     * a fraction is an {@link UnreadableFieldException}.
     */
    public static long quantity(JsonNode node, String field) {
        BigDecimal quantity = decimal(node, field);
        try {
            return quantity.longValueExact();
        } catch (ArithmeticException e) {
            throw new UnreadableFieldException(field, quantity.toPlainString(), "a whole number", e);
        }
    }
}
