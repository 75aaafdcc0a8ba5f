package org.storeline.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/**
 * An exact amount of one currency, always at the currency's scale (2 places for EUR, 0 for JPY).
 * Arithmetic refuses to mix currencies. Never built from a {@code double}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = scaleOf(currency);
        if (amount.scale() != scale) {
            try {
                amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw StorelineException.invalid("The amount " + amount.toPlainString() + " has more decimal places than "
                        + currency.getCurrencyCode() + " allows (" + scale + ").");
            }
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
        return new Money(exact.setScale(scaleOf(currency), RoundingMode.HALF_UP), currency);
    }

    public static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            throw StorelineException.invalid("currency is required (an ISO 4217 code such as EUR).");
        }
        try {
            return Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw StorelineException.invalid("'" + code + "' is not an ISO 4217 currency code.");
        }
    }

    public static BigDecimal parseAmount(String amount) {
        if (amount == null || amount.isBlank()) {
            throw StorelineException.invalid("An amount is required, as a decimal string such as \"12.50\".");
        }
        try {
            return new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw StorelineException.invalid("'" + amount + "' is not a decimal amount; write it like \"12.50\".");
        }
    }

    public static int scaleOf(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
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
        return amount.setScale(Math.max(2, amount.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new StorelineException(ErrorCode.CURRENCY_MISMATCH,
                    "Cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode() + ".");
        }
        return other;
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency.getCurrencyCode();
    }
}
