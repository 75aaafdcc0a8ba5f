package org.storeline.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/**
 * The one bound on every decimal number that comes from outside (a request, a platform's payload):
 * at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point (what Storeline records: amounts
 * below 10^15), at most {@value #MAX_DECIMAL_PLACES} significant places after it, and as text at most
 * {@value #MAX_TEXT_LENGTH} characters. The places are more than any currency or tax rate has: those
 * refuse what they cannot hold themselves, with a message of their own ("more decimal places than EUR allows").
 *
 * <p>The bound is checked on the number as written, from its digits and exponent, before it is ever
 * expanded: {@code 1e999999999} is one digit and an exponent, and giving it a scale of two (as money
 * does) would build a billion digits. Whatever passes here is cheap to compute with.
 */
public final class Decimals {
    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_DECIMAL_PLACES = 12;
    public static final int MAX_TEXT_LENGTH = 40;
    /** Numbers rounded afterwards (a platform's floats: {@code 0.30000000000000004}) may be written longer. */
    public static final int MAX_TEXT_LENGTH_FOR_ROUNDING = 100;
    /** More places than any double has ({@code 4.9E-324}); past them a number only costs time to round. */
    public static final int MAX_SCALE_FOR_ROUNDING = 400;

    private Decimals() {}

    /** Reads a decimal written as text ({@code "12.50"}, {@code "1E+3"}); {@code field} names it in any refusal. */
    public static BigDecimal parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw StorelineException.invalid(field + " is required, as a decimal string such as \"12.50\".");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            if (looksNumeric(trimmed)) {
                throw outOfRange(field + " has too many digits: write it in at most " + MAX_TEXT_LENGTH
                        + " characters, with at most " + MAX_INTEGER_DIGITS + " digits before the decimal point and "
                        + MAX_DECIMAL_PLACES + " after.");
            }
            throw StorelineException.invalid(field + " is not a decimal number; write it like \"12.50\".");
        }
        try {
            return bounded(field, new BigDecimal(trimmed));
        } catch (NumberFormatException e) {
            throw StorelineException.invalid(
                    field + " '" + trimmed + "' is not a decimal number; write it like \"12.50\".");
        }
    }

    /**
     * Checks a number already read (a JSON number): refused when it has more than {@value #MAX_INTEGER_DIGITS}
     * digits before the decimal point or more than {@value #MAX_DECIMAL_PLACES} significant places after it.
     * Trailing zeros beyond that are dropped.
     */
    public static BigDecimal bounded(String field, BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        requireIntegerDigits(field, value);
        if (value.scale() <= MAX_DECIMAL_PLACES) {
            return value;
        }
        if (value.stripTrailingZeros().scale() > MAX_DECIMAL_PLACES) {
            throw outOfRange(field + " has too many decimal places: at most " + MAX_DECIMAL_PLACES + ".");
        }
        return value.setScale(MAX_DECIMAL_PLACES, RoundingMode.UNNECESSARY);
    }

    /**
     * Reads a number that is rounded afterwards (to a currency's scale, to a whole quantity), as platforms send
     * them: as many decimal places as it likes up to {@value #MAX_SCALE_FOR_ROUNDING}, but the same
     * {@value #MAX_INTEGER_DIGITS} digits before the point.
     */
    public static BigDecimal parseForRounding(String field, String text) {
        if (text == null || text.isBlank()) {
            throw StorelineException.invalid(field + " is required, as a decimal number.");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH_FOR_ROUNDING) {
            throw outOfRange(field + " is " + trimmed.length() + " characters long; a number here has at most "
                    + MAX_TEXT_LENGTH_FOR_ROUNDING + ".");
        }
        try {
            return boundedForRounding(field, new BigDecimal(trimmed));
        } catch (NumberFormatException e) {
            throw StorelineException.invalid(field + " '" + trimmed + "' is not a decimal number.");
        }
    }

    /** Checks a number already read that is rounded afterwards: see {@link #parseForRounding}. */
    public static BigDecimal boundedForRounding(String field, BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        requireIntegerDigits(field, value);
        if (value.scale() <= MAX_SCALE_FOR_ROUNDING) {
            return value;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > MAX_SCALE_FOR_ROUNDING) {
            throw outOfRange(field + " has more than " + MAX_SCALE_FOR_ROUNDING + " decimal places.");
        }
        return stripped;
    }

    private static void requireIntegerDigits(String field, BigDecimal value) {
        // precision - scale is the number of digits before the point, found without expanding the number.
        if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw outOfRange(
                    field + " is too large: at most " + MAX_INTEGER_DIGITS + " digits before the decimal point.");
        }
    }

    private static boolean looksNumeric(String text) {
        return text.chars().allMatch(c -> Character.isDigit(c) || "+-.eE".indexOf(c) >= 0);
    }

    private static StorelineException outOfRange(String message) {
        return new StorelineException(ErrorCode.NUMBER_OUT_OF_RANGE, message);
    }
}
