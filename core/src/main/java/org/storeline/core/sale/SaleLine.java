package org.storeline.core.sale;

import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.StorelineException;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;

/**
 * One line of a sale. {@code total} is what the customer pays for the line, tax included;
 * {@code tax} is the part of it that is tax. Both are fixed when the line is priced. An {@code unmatched}
 * line (online orders only) is tied to no product: its SKU matched none, or its quantity or price could not
 * be sold (BYD-6); it is kept as the platform sent it, for staff to check. A line of a return has a negative
 * quantity, tax and total, and {@code returnedLineId} names the line of the original sale it returns.
 */
public record SaleLine(
        UUID id,
        Optional<UUID> productId,
        String sku,
        String name,
        long quantity,
        Money unitPrice,
        Money discount,
        TaxRate taxRate,
        Money tax,
        Money total,
        boolean shippingFee,
        boolean unmatched,
        boolean adjustment,
        Optional<UUID> returnedLineId) {
    /** The most units one line may hold: an in-store line above it is refused, an imported one is flagged. */
    public static final long MAX_QUANTITY = 1_000_000;

    /** A line of a sale (not of a return). */
    public SaleLine(
            UUID id,
            Optional<UUID> productId,
            String sku,
            String name,
            long quantity,
            Money unitPrice,
            Money discount,
            TaxRate taxRate,
            Money tax,
            Money total,
            boolean shippingFee,
            boolean unmatched,
            boolean adjustment) {
        this(
                id,
                productId,
                sku,
                name,
                quantity,
                unitPrice,
                discount,
                taxRate,
                tax,
                total,
                shippingFee,
                unmatched,
                adjustment,
                Optional.empty());
    }

    /** A product or shipping line (not an adjustment). */
    public SaleLine(
            UUID id,
            Optional<UUID> productId,
            String sku,
            String name,
            long quantity,
            Money unitPrice,
            Money discount,
            TaxRate taxRate,
            Money tax,
            Money total,
            boolean shippingFee,
            boolean unmatched) {
        this(
                id,
                productId,
                sku,
                name,
                quantity,
                unitPrice,
                discount,
                taxRate,
                tax,
                total,
                shippingFee,
                unmatched,
                false);
    }

    public SaleLine {
        if (!unitPrice.currency().equals(total.currency())
                || !tax.currency().equals(total.currency())
                || !discount.currency().equals(total.currency())) {
            throw new IllegalArgumentException("A sale line's amounts must share one currency");
        }
        unitPrice.requireRecordable("The unit price of " + name);
        discount.requireRecordable("The discount on " + name);
        tax.requireRecordable("The tax on " + name);
        total.requireRecordable(
                "The line total of " + name + " (" + quantity + " × " + unitPrice.toDecimalString() + ", with tax)");
    }

    /**
     * Prices a line. The line amount is {@code quantity × unitPrice − discount}. When prices include tax
     * that amount is the total and the tax is the part of it at {@code taxRate}; otherwise tax is added on
     * top. Tax is rounded half-up to the currency's scale once per line.
     */
    public static SaleLine price(
            UUID id,
            Optional<UUID> productId,
            String sku,
            String name,
            long quantity,
            Money unitPrice,
            Money discount,
            TaxRate taxRate,
            boolean pricesIncludeTax) {
        if (quantity == 0) {
            throw StorelineException.invalid("A line's quantity cannot be zero.");
        }
        Money gross = unitPrice.times(quantity);
        if (quantity > 0 && discount.isGreaterThan(gross)) {
            throw StorelineException.invalid("The discount " + discount.toDecimalString()
                    + " is larger than the line's amount " + gross.toDecimalString() + ".");
        }
        Money amount = gross.minus(discount);
        Money tax;
        Money total;
        if (pricesIncludeTax) {
            total = amount;
            tax = Money.rounded(taxRate.taxIncludedIn(amount.amount()), amount.currency());
        } else {
            tax = Money.rounded(taxRate.taxOn(amount.amount()), amount.currency());
            total = amount.plus(tax);
        }
        return new SaleLine(id, productId, sku, name, quantity, unitPrice, discount, taxRate, tax, total, false, false);
    }

    /** The line's amount before tax. */
    public Money net() {
        return total.minus(tax);
    }
}
