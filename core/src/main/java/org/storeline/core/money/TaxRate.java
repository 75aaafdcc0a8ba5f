package org.storeline.core.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import org.storeline.core.error.StorelineException;

/** A tax rate as a fraction: {@code 0.21} is 21 %. Between 0 and 1 inclusive, at most 6 decimal places. */
public record TaxRate(BigDecimal value) {
    public static final TaxRate NONE = new TaxRate(BigDecimal.ZERO);

    public TaxRate {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw StorelineException.invalid("tax_rate must be a fraction between 0 and 1 (\"0.21\" for 21%), not "
                    + value.toPlainString() + ".");
        }
        if (value.stripTrailingZeros().scale() > 6) {
            throw StorelineException.invalid("tax_rate has more than 6 decimal places: " + value.toPlainString() + ".");
        }
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    public static TaxRate of(String value) {
        return new TaxRate(Money.parseAmount(value));
    }

    /** The tax contained in an amount that includes tax: amount × rate / (1 + rate), exact to 34 digits. */
    public BigDecimal taxIncludedIn(BigDecimal grossAmount) {
        return grossAmount.multiply(value).divide(BigDecimal.ONE.add(value), MathContext.DECIMAL128);
    }

    /** The tax to add to an amount that excludes tax. */
    public BigDecimal taxOn(BigDecimal netAmount) {
        return netAmount.multiply(value);
    }

    public String toDecimalString() {
        return value.toPlainString();
    }
}
