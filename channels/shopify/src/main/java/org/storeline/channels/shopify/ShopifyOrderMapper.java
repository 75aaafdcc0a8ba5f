package org.storeline.channels.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.UnreadableFieldException;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderCustomer;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.ChannelOrder.ShippingCharge;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.money.Money;

/**
 * The anti-corruption layer: a Shopify REST order (the webhook body, or {@code order} of
 * {@code GET /orders/{id}.json}) becomes a {@link ChannelOrder}. Amounts are Shopify's shop-currency strings
 * ({@code currency}, not the presentment currency), read exactly; nothing is recomputed to make totals agree.
 */
public final class ShopifyOrderMapper {

    public ChannelOrder map(JsonNode order) {
        String id = PlatformJson.id(order, "id")
                .orElseThrow(() -> PlatformCallException.unreadable("The Shopify order has no id"));
        try {
            return map(order, id);
        } catch (UnreadableFieldException unreadable) {
            throw unreadable.inOrder("Shopify", id);
        }
    }

    private ChannelOrder map(JsonNode order, String id) {
        Currency currency = currency(order, id);
        boolean taxesIncluded = order.path("taxes_included").asBoolean(false);
        Optional<Instant> placedAt = placedAt(order);
        OrderDisposition disposition = disposition(order);
        Money total = total(order, currency);
        return new ChannelOrder(
                id,
                number(order, id),
                platformStatus(order),
                disposition,
                placedAt,
                // updated_at moves on every change (payment, fulfilment, edit): it orders the events of one order.
                time(order, "updated_at")
                        .or(() -> placedAt)
                        .orElseThrow(() -> missing(id, "updated_at (nor a readable created_at)")),
                currency,
                customer(order),
                lines(order, currency, taxesIncluded),
                shipping(order, currency, taxesIncluded),
                PlatformJson.money(order, "total_tax", currency),
                total,
                ShopifyPayments.payment(order),
                disposition == OrderDisposition.IMPORT_PARTIALLY_PAID
                        ? ShopifyPayments.amountReceived(order, total, currency)
                        : Optional.empty(),
                ShopifyFulfillment.type(order),
                ShopifyFulfillment.shippingMethod(order),
                ShopifyFulfillment.deliveryAddress(order),
                phone(order),
                PlatformJson.text(order, "note"));
    }

    /**
     * The shop currency: {@code currency}, else the currency of {@code total_price_set.shop_money} (the same value,
     * sent alongside it in every payload we have). A missing or unknown code is the platform's payload problem.
     */
    private static Currency currency(JsonNode order, String id) {
        return PlatformJson.currency(order, "currency")
                .or(() -> PlatformJson.currency(order.path("total_price_set").path("shop_money"), "currency_code"))
                .orElseThrow(() -> missing(id, "currency"));
    }

    /**
     * {@code total_price}, else {@code total_price_set.shop_money.amount}
     * (the same amount, kept when a version drops the former).
     */
    private static Money total(JsonNode order, Currency currency) {
        return order.hasNonNull("total_price")
                ? PlatformJson.money(order, "total_price", currency)
                : PlatformJson.money(order.path("total_price_set").path("shop_money"), "amount", currency);
    }

    /**
     * {@code name} is what the customer sees ("#1001", with the shop's prefix and suffix);
     * {@code order_number} lacks them.
     */
    private static String number(JsonNode order, String id) {
        return PlatformJson.text(order, "name")
                .or(() -> PlatformJson.text(order, "order_number").map(n -> "#" + n))
                .orElse(id);
    }

    /** The raw words for the activity log: "paid/fulfilled", "voided/unfulfilled/cancelled/test". */
    static String platformStatus(JsonNode order) {
        List<String> words = new ArrayList<>();
        words.add(financialStatus(order).orElse("unknown"));
        words.add(fulfillmentStatus(order).orElse("unfulfilled"));
        if (cancelled(order)) {
            words.add("cancelled");
        }
        // Test orders (Shopify's bogus gateway, or a store in test mode) are still imported: the log says so.
        if (order.path("test").asBoolean(false)) {
            words.add("test");
        }
        return String.join("/", words);
    }

    private static OrderDisposition disposition(JsonNode order) {
        return ShopifyOrderStates.disposition(
                cancelled(order),
                financialStatus(order).orElse(""),
                fulfillmentStatus(order).orElse(""));
    }

    private static boolean cancelled(JsonNode order) {
        return PlatformJson.text(order, "cancelled_at").isPresent();
    }

    private static Optional<String> financialStatus(JsonNode order) {
        return PlatformJson.text(order, "financial_status").map(s -> s.toLowerCase(Locale.ROOT));
    }

    private static Optional<String> fulfillmentStatus(JsonNode order) {
        return PlatformJson.text(order, "fulfillment_status").map(s -> s.toLowerCase(Locale.ROOT));
    }

    /**
     * Email from the order, its contact email or the customer record; name from the customer, else the billing name.
     */
    private static Optional<OrderCustomer> customer(JsonNode order) {
        JsonNode customer = order.path("customer");
        Optional<String> email = PlatformJson.text(order, "email")
                .or(() -> PlatformJson.text(order, "contact_email"))
                .or(() -> PlatformJson.text(customer, "email"));
        Optional<String> name = fullName(customer).or(() -> billingName(order.path("billing_address")));
        if (email.isEmpty() && name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OrderCustomer(email, name));
    }

    private static Optional<String> billingName(JsonNode billing) {
        return PlatformJson.text(billing, "name").or(() -> fullName(billing));
    }

    private static Optional<String> fullName(JsonNode person) {
        String name = Stream.of(PlatformJson.text(person, "first_name"), PlatformJson.text(person, "last_name"))
                .flatMap(Optional::stream)
                .collect(Collectors.joining(" "));
        return name.isBlank() ? Optional.empty() : Optional.of(name);
    }

    private static Optional<String> phone(JsonNode order) {
        return PlatformJson.text(order, "phone")
                .or(() -> PlatformJson.text(order.path("shipping_address"), "phone"))
                .or(() -> PlatformJson.text(order.path("billing_address"), "phone"))
                .or(() -> PlatformJson.text(order.path("customer"), "phone"));
    }

    private static List<OrderLine> lines(JsonNode order, Currency currency, boolean taxesIncluded) {
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode line : order.path("line_items")) {
            // `quantity` is what was ordered (it never drops below 1); removals and refunds show in
            // current_quantity and refunds[], which the sale handles as returns, not as a smaller order.
            long quantity = PlatformJson.quantity(line, "quantity");
            if (quantity > 0) {
                lines.add(line(line, quantity, currency, taxesIncluded));
            }
        }
        return lines;
    }

    private static OrderLine line(JsonNode line, long quantity, Currency currency, boolean taxesIncluded) {
        Money unitPrice = PlatformJson.money(line, "price", currency);
        Money discount = lineDiscount(line, currency);
        Money tax = taxOf(line, currency);
        Money beforeTax = unitPrice.times(quantity).minus(discount);
        // With taxes_included the price already holds the tax: adding it again would charge it twice.
        Money total = taxesIncluded ? beforeTax : beforeTax.plus(tax);
        String id = PlatformJson.id(line, "id")
                .orElseThrow(() -> PlatformCallException.unreadable("A Shopify line item has no id"));
        String name = PlatformJson.text(line, "name")
                .or(() -> PlatformJson.text(line, "title"))
                .orElse("Item " + id);
        return new OrderLine(
                id,
                PlatformJson.text(line, "sku"),
                PlatformJson.id(line, "product_id"),
                PlatformJson.id(line, "variant_id"),
                name,
                quantity,
                unitPrice,
                discount,
                tax,
                total);
    }

    /**
     * The line's share of every discount: {@code discount_allocations} since API 2019-07 (order-level codes spread over
     * lines land there, while {@code total_discount} stays "0.00"); {@code total_discount} for older payloads.
     */
    private static Money lineDiscount(JsonNode line, Currency currency) {
        JsonNode allocations = line.path("discount_allocations");
        if (allocations.isArray() && !allocations.isEmpty()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode allocation : allocations) {
                sum = sum.add(PlatformJson.decimal(allocation, "amount"));
            }
            return Money.rounded(sum, currency);
        }
        return PlatformJson.money(line, "total_discount", currency);
    }

    /** The sum of a line's (or shipping line's) {@code tax_lines[].price}. */
    private static Money taxOf(JsonNode taxed, Currency currency) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode taxLine : taxed.path("tax_lines")) {
            sum = sum.add(PlatformJson.decimal(taxLine, "price"));
        }
        return Money.rounded(sum, currency);
    }

    private static List<ShippingCharge> shipping(JsonNode order, Currency currency, boolean taxesIncluded) {
        List<ShippingCharge> charges = new ArrayList<>();
        for (JsonNode line : ShopifyFulfillment.shippingLines(order)) {
            // discounted_price is what the customer paid after shipping discounts; older payloads lack it.
            Money amount = line.hasNonNull("discounted_price")
                    ? PlatformJson.money(line, "discounted_price", currency)
                    : PlatformJson.money(line, "price", currency);
            Money tax = taxOf(line, currency);
            Money total = taxesIncluded ? amount : amount.plus(tax);
            Optional<String> method = ShopifyFulfillment.methodName(line);
            if (!total.isZero() || method.isPresent()) {
                charges.add(new ShippingCharge(method.orElse("Shipping"), total, tax));
            }
        }
        return charges;
    }

    /**
     * {@code created_at}: when the order was placed (for a draft order, when it was completed into an order). One that
     * is missing or unreadable is left out, not fatal: the sale is then dated when it is imported, and the log says so.
     */
    static Optional<Instant> placedAt(JsonNode order) {
        try {
            return time(order, "created_at");
        } catch (PlatformCallException unreadable) {
            return Optional.empty();
        }
    }

    /** Shopify writes ISO-8601 with the shop's offset ("2008-01-10T11:00:00-05:00"); we keep the instant, in UTC. */
    static Optional<Instant> time(JsonNode node, String field) {
        return PlatformJson.text(node, field).map(text -> {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw PlatformCallException.unreadable(
                        "The Shopify order's " + field + " '" + text + "' is not an ISO-8601 time", e);
            }
        });
    }

    private static PlatformCallException missing(String id, String field) {
        return PlatformCallException.unreadable("The Shopify order " + id + " has no " + field);
    }
}
