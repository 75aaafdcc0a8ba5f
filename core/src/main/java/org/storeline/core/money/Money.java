package org.storeline.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/**
 * An exact amount of one currency, always at the currency's scale (2 places for EUR, 0 for JPY).
 * Arithmetic refuses to mix currencies. Never built from a {@code double}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /** Storeline records amounts below 10^15: 15 digits before the point ({@link #requireRecordable}). */
    public static final int MAX_RECORDED_DIGITS = Decimals.MAX_INTEGER_DIGITS;
    /**
     * No amount, not even an intermediate sum, has more digits before the point than this: past it a number
     * is a mistake or an attack, and giving it the currency's scale would only burn time and memory.
     */
    private static final int MAX_DIGITS = 40;
    /** ISO 4217 funds codes: units of account beside a currency, never what a price is in. */
    private static final Set<String> NOT_MONEY =
            Set.of("BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "USS", "UYI", "UYW");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        requireSane(amount);
        int scale = scaleOf(currency);
        if (amount.scale() != scale) {
            amount = atScale(amount, currency, scale);
        }
    }

    private static BigDecimal atScale(BigDecimal amount, Currency currency, int scale) {
        // Changing a scale far from the currency's would first build a power of ten that long: drop zeros first.
        BigDecimal candidate = amount.scale() > MAX_DIGITS ? amount.stripTrailingZeros() : amount;
        if (candidate.scale() <= MAX_DIGITS) {
            try {
                return candidate.setScale(scale, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException moreDecimals) {
                // refused below
            }
        }
        String shown = amount.scale() > MAX_DIGITS ? amount.toString() : amount.toPlainString();
        throw StorelineException.invalid("The amount " + shown + " has more decimal places than "
                + currency.getCurrencyCode() + " allows (" + scale + ").");
    }

    private static void requireSane(BigDecimal amount) {
        if (integerDigits(amount) > MAX_DIGITS) {
            throw new StorelineException(
                    ErrorCode.AMOUNT_TOO_LARGE,
                    "An amount with more than " + MAX_DIGITS
                            + " digits before the decimal point cannot be right; Storeline records amounts below 10^"
                            + MAX_RECORDED_DIGITS + ".");
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(parseAmount(amount), currency(currency));
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Rounds an exact intermediate result (a tax, say) half-up to the currency's scale. */
    public static Money rounded(BigDecimal exact, Currency currency) {
        requireSane(exact);
        if (integerDigits(exact) < -MAX_DIGITS) {
            return zero(currency); // below 10^-40: rounding would first build a power of ten as long as its scale
        }
        return new Money(exact.setScale(scaleOf(currency), RoundingMode.HALF_UP), currency);
    }

    /**
     * A currency money can be kept in. ISO 4217 also codes things that are no money for a shop: no currency
     * ({@code XXX}), a test code ({@code XTS}), precious metals ({@code XAU}), accounting units ({@code XDR}),
     * and funds codes that only exist beside their currency ({@code USN}, {@code CLF}); all are refused.
     */
    public static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            throw StorelineException.invalid("currency is required (an ISO 4217 code such as EUR).");
        }
        String trimmed = code.trim().toUpperCase(Locale.ROOT);
        Currency currency;
        try {
            currency = Currency.getInstance(trimmed);
        } catch (IllegalArgumentException e) {
            throw StorelineException.invalid("currency '" + code + "' is not an ISO 4217 code (such as EUR).");
        }
        if (currency.getDefaultFractionDigits() < 0 || NOT_MONEY.contains(trimmed)) {
            throw StorelineException.invalid("currency " + trimmed + " is an ISO 4217 code, but not of a currency"
                    + " prices can be in; give the currency the shop sells in (such as EUR).");
        }
        return currency;
    }

    /** An amount written as text, within {@link Decimals}' bounds. */
    public static BigDecimal parseAmount(String amount) {
        return Decimals.parse("The amount", amount);
    }

    public static int scaleOf(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    /** This amount, if Storeline can record it (below 10^15); otherwise amount_too_large, naming {@code what}. */
    public Money requireRecordable(String what) {
        if (integerDigits(amount) > MAX_RECORDED_DIGITS) {
            throw new StorelineException(
                    ErrorCode.AMOUNT_TOO_LARGE,
                    what + " is " + this
                            + ", too large: Storeline records amounts below 10^" + MAX_RECORDED_DIGITS
                            + " (1,000,000,000,000,000).");
        }
        return this;
    }

    private static long integerDigits(BigDecimal amount) {
        return amount.signum() == 0 ? 0 : (long) amount.precision() - amount.scale();
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /** The wire form: at least two decimal places ("12.50"), more where the currency has more. */
    public String toDecimalString() {
        return amount.setScale(Math.max(2, amount.scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new StorelineException(
                    ErrorCode.CURRENCY_MISMATCH,
                    "Cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode() + ".");
        }
        return other;
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency.getCurrencyCode();
    }
}
