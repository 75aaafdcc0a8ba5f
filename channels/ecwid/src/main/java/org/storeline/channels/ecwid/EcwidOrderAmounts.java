package org.storeline.channels.ecwid;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.ChannelOrder.ShippingCharge;
import org.storeline.core.money.Money;

/**
 * The money of an Ecwid order: its product lines and its shipping charges, read exactly from Ecwid's JSON
 * floats and rounded once, at the end, to the currency.
 *
 * <p>Whether prices include tax is the order's {@code pricesIncludeTax} (absent on older orders: net).
 * The per-tax {@code includeInPrice} flag is not used: the docs' own examples set it on taxes that the order
 * total adds on top, while {@code pricesIncludeTax} agrees with every example's total.
 */
final class EcwidOrderAmounts {
    private EcwidOrderAmounts() {}

    static boolean pricesIncludeTax(JsonNode order) {
        return order.path("pricesIncludeTax").asBoolean(false);
    }

    /** Every {@code items[]} entry is a product: Ecwid keeps shipping, handling and surcharges out of items. */
    static List<OrderLine> lines(JsonNode order, Currency currency) {
        boolean gross = pricesIncludeTax(order);
        List<OrderLine> lines = new ArrayList<>();
        JsonNode items = order.path("items");
        // Only an array holds items (an object's size() would count its fields), and a null entry in it is
        // no product: it would become a phantom line of quantity 0, so it is skipped.
        if (!items.isArray()) {
            return lines;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isObject()) {
                lines.add(line(items.get(i), i, currency, gross));
            }
        }
        return lines;
    }

    /**
     * {@code price} is the unit price with option modifiers; the line's discount is its share of the coupon
     * ({@code couponAmount}) plus its share of the other discounts ({@code discounts[].total}).
     */
    static OrderLine line(JsonNode item, int index, Currency currency, boolean gross) {
        long quantity = PlatformJson.quantity(item, "quantity");
        BigDecimal unitPrice = PlatformJson.decimal(item, "price");
        BigDecimal discount = PlatformJson.decimal(item, "couponAmount").add(sum(item.path("discounts"), "total"));
        BigDecimal tax = itemTax(item);
        BigDecimal total = unitPrice
                .multiply(BigDecimal.valueOf(quantity))
                .subtract(discount)
                .add(gross ? BigDecimal.ZERO : tax);
        return new OrderLine(
                PlatformJson.id(item, "id").orElse("item-" + (index + 1)),
                PlatformJson.text(item, "sku"),
                PlatformJson.id(item, "productId"),
                PlatformJson.id(item, "combinationId"),
                PlatformJson.text(item, "name").orElse("Item " + (index + 1)),
                quantity,
                Money.rounded(unitPrice, currency),
                Money.rounded(discount, currency),
                Money.rounded(tax, currency),
                Money.rounded(total, currency));
    }

    /**
     * An item's {@code tax} also holds its share of the tax on shipping, so the line's own tax is the sum of
     * {@code taxes[].taxOnDiscountedSubtotal} (or {@code total - taxOnShipping} on older orders); an item
     * without {@code taxes[]} falls back to its {@code tax}.
     */
    static BigDecimal itemTax(JsonNode item) {
        JsonNode taxes = item.path("taxes");
        if (!taxes.isArray() || taxes.isEmpty()) {
            return PlatformJson.decimal(item, "tax");
        }
        BigDecimal tax = BigDecimal.ZERO;
        for (JsonNode each : taxes) {
            tax = tax.add(
                    each.hasNonNull("taxOnDiscountedSubtotal")
                            ? PlatformJson.decimal(each, "taxOnDiscountedSubtotal")
                            : PlatformJson.decimal(each, "total")
                                    .subtract(PlatformJson.decimal(each, "taxOnShipping")));
        }
        return tax;
    }

    /**
     * The shipping option (when it has a rate or a method name, pickups included) and the handling fee
     * (when not zero). Ecwid taxes shipping and handling together ({@code taxesOnShipping} is computed on
     * {@code shippingRate + handlingFee}), so that tax is reported once, on the first charge.
     */
    static List<ShippingCharge> shipping(JsonNode order, Currency currency) {
        boolean gross = pricesIncludeTax(order);
        BigDecimal tax = shippingTax(order);
        List<ShippingCharge> charges = new ArrayList<>();
        JsonNode option = order.path("shippingOption");
        BigDecimal rate = PlatformJson.decimal(option, "shippingRate");
        Optional<String> method = PlatformJson.text(option, "shippingMethodName");
        if (rate.signum() != 0 || method.isPresent()) {
            charges.add(charge(method.orElse("Shipping"), rate, tax, gross, currency));
        }
        JsonNode fee = order.path("handlingFee");
        BigDecimal feeValue = PlatformJson.decimal(fee, "value");
        if (feeValue.signum() != 0) {
            charges.add(charge(
                    PlatformJson.text(fee, "name").orElse("Handling fee"),
                    feeValue,
                    charges.isEmpty() ? tax : BigDecimal.ZERO,
                    gross,
                    currency));
        }
        return charges;
    }

    /**
     * {@code taxesOnShipping[].total}; it is {@code []} when only the subtotal is taxed and missing on older
     * orders, whose shipping tax is only in each item's {@code taxes[].taxOnShipping}.
     */
    static BigDecimal shippingTax(JsonNode order) {
        JsonNode onShipping = order.path("taxesOnShipping");
        if (onShipping.isArray()) {
            return sum(onShipping, "total");
        }
        BigDecimal tax = BigDecimal.ZERO;
        for (JsonNode item : order.path("items")) {
            tax = tax.add(sum(item.path("taxes"), "taxOnShipping"));
        }
        return tax;
    }

    private static ShippingCharge charge(
            String method, BigDecimal amount, BigDecimal tax, boolean gross, Currency currency) {
        BigDecimal total = gross ? amount : amount.add(tax);
        return new ShippingCharge(method, Money.rounded(total, currency), Money.rounded(tax, currency));
    }

    private static BigDecimal sum(JsonNode array, String field) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode each : array) {
            sum = sum.add(PlatformJson.decimal(each, field));
        }
        return sum;
    }
}
