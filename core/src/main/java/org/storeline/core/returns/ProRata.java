package org.storeline.core.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;
import org.storeline.core.sale.SaleLine;

/**
 * What returning some units of a line gives back: the line's amounts (total, tax, discount) shared pro rata over
 * its units, exactly. Each share is the difference of two cumulative roundings, {@code round(whole × (before +
 * taking) / units) − round(whole × before / units)}, so however the units are returned, one by one or in any
 * number of returns, the shares add up to the line's amount to the cent: no drift, never a cent too many.
 */
public final class ProRata {
    private ProRata() {}

    /**
     * The part of {@code whole} that {@code taking} of a line's {@code units} carry, when {@code before} of them
     * were returned already.
     */
    public static Money share(Money whole, long units, long before, long taking) {
        if (units < 1 || before < 0 || taking < 0 || before + taking > units) {
            throw new IllegalArgumentException(
                    "Cannot take " + taking + " units after " + before + " of a line of " + units);
        }
        return upTo(whole, units, before + taking).minus(upTo(whole, units, before));
    }

    /** The part of {@code whole} carried by the first {@code count} of {@code units}, rounded half-up. */
    private static Money upTo(Money whole, long units, long count) {
        if (count == units) {
            return whole;
        }
        // divide(divisor, scale, mode) rounds the exact quotient once, even when it does not terminate (÷ 3).
        BigDecimal part = whole.amount()
                .multiply(BigDecimal.valueOf(count))
                .divide(BigDecimal.valueOf(units), Money.scaleOf(whole.currency()), RoundingMode.HALF_UP);
        return Money.of(part, whole.currency());
    }

    /**
     * The line of a return that gives back {@code taking} units of {@code original} after {@code before}: the
     * original's product, names, unit price and tax rate, a negative quantity and negative shares of its discount,
     * tax and total.
     */
    public static SaleLine returnLine(SaleLine original, long before, long taking) {
        long units = original.quantity();
        return new SaleLine(
                Ids.newId(),
                original.productId(),
                original.sku(),
                original.name(),
                -taking,
                original.unitPrice(),
                share(original.discount(), units, before, taking).negate(),
                original.taxRate(),
                share(original.tax(), units, before, taking).negate(),
                share(original.total(), units, before, taking).negate(),
                original.shippingFee(),
                original.unmatched(),
                original.adjustment(),
                Optional.of(original.id()));
    }
}
