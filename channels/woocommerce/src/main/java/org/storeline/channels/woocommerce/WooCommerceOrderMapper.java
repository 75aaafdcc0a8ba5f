package org.storeline.channels.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.UnreadableFieldException;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderCustomer;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.ChannelOrder.OrderPayment;
import org.storeline.core.channel.ChannelOrder.ShippingCharge;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.money.Money;

/**
 * The anti-corruption layer: a WooCommerce REST v3 order ({@code GET /wp-json/wc/v3/orders/{id}}, which is
 * also the body of order webhooks) becomes a {@link ChannelOrder}. Amounts are WooCommerce's own; nothing
 * is recomputed to make them add up.
 */
public final class WooCommerceOrderMapper {
    /** Core's classic "Local pickup" and the block checkout's "Local pickup" (pickup locations). */
    static final Set<String> PICKUP_METHODS = Set.of("local_pickup", "pickup_location");

    public ChannelOrder map(JsonNode order) {
        String id = PlatformJson.id(order, "id").orElseThrow(() -> malformed("an order without an id"));
        try {
            return map(order, id);
        } catch (UnreadableFieldException unreadable) {
            throw unreadable.inOrder("WooCommerce", id);
        }
    }

    private ChannelOrder map(JsonNode order, String id) {
        String where = "order " + id;
        Currency currency =
                PlatformJson.currency(order, "currency").orElseThrow(() -> malformed(where + " without a currency"));
        String status = PlatformJson.text(order, "status").orElse("");
        String gateway = PlatformJson.text(order, "payment_method").orElse("");
        boolean datePaid = datePaid(order);
        Instant updatedAt = updatedAt(order, id);
        JsonNode shipping = order.path("shipping");
        JsonNode billing = order.path("billing");
        return new ChannelOrder(
                id,
                PlatformJson.text(order, "number").orElse(id),
                platformStatus(status, gateway, datePaid),
                WooCommerceOrderStates.disposition(status, gateway, datePaid),
                placedAt(order),
                updatedAt,
                currency,
                customer(billing),
                lines(order, currency, where),
                shippingCharges(order, currency),
                PlatformJson.money(order, "total_tax", currency),
                PlatformJson.money(order, "total", currency),
                payment(order, gateway),
                // WooCommerce has no partly paid state: an order is paid (date_paid) or not.
                Optional.empty(),
                fulfillmentType(order),
                shippingMethod(order),
                WooCommerceText.address(shipping),
                PlatformJson.text(shipping, "phone").or(() -> PlatformJson.text(billing, "phone")),
                PlatformJson.text(order, "customer_note"));
    }

    /**
     * {@code date_modified_gmt}: the time WooCommerce last saved the order, in UTC. Events of one order are
     * applied in this order; {@code date_created_gmt} stands in for an order never modified, and a payload
     * with neither cannot be placed and is refused.
     */
    static Instant updatedAt(JsonNode order, String id) {
        return WooCommerceText.gmt(order, "date_modified_gmt")
                .or(() -> WooCommerceText.gmt(order, "date_created_gmt"))
                .orElseThrow(() -> malformed("order " + id + " without date_modified_gmt"));
    }

    /**
     * {@code date_created_gmt}: when the order was placed, in UTC ({@code date_created} is the site's local time
     * without an offset, so it is not used). A missing or unreadable one is left out, not fatal: the sale is then
     * dated when it is imported, and the activity log says so.
     */
    static Optional<Instant> placedAt(JsonNode order) {
        try {
            return WooCommerceText.gmt(order, "date_created_gmt");
        } catch (PlatformCallException unreadable) {
            return Optional.empty();
        }
    }

    /** The status word, the gateway and whether WooCommerce recorded a payment: "processing/cod/unpaid". */
    static String platformStatus(String status, String gateway, boolean datePaid) {
        StringBuilder words = new StringBuilder(status.isEmpty() ? "(no status)" : status);
        if (!gateway.isEmpty()) {
            words.append('/').append(gateway);
        }
        return words.append(datePaid ? "/paid" : "/unpaid").toString();
    }

    private static Optional<OrderCustomer> customer(JsonNode billing) {
        Optional<String> email = PlatformJson.text(billing, "email");
        Optional<String> name = WooCommerceText.personName(billing);
        return email.isEmpty() && name.isEmpty() ? Optional.empty() : Optional.of(new OrderCustomer(email, name));
    }

    private static List<OrderLine> lines(JsonNode order, Currency currency, String where) {
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode item : order.path("line_items")) {
            lines.add(productLine(item, currency, where));
        }
        // WooCommerce models surcharges (a COD fee, a gift wrap) as fee lines the customer pays: they are
        // sold like products here, named after the fee and without a SKU.
        for (JsonNode fee : order.path("fee_lines")) {
            lines.add(feeLine(fee, currency, where));
        }
        return lines;
    }

    /**
     * {@code subtotal} is the line before discounts and {@code total} after, both without tax; {@code price}
     * is a float of total / quantity and is not used.
     */
    static OrderLine productLine(JsonNode item, Currency currency, String order) {
        long quantity = PlatformJson.quantity(item, "quantity");
        BigDecimal subtotal = PlatformJson.decimal(item, "subtotal");
        Money total = PlatformJson.money(item, "total", currency);
        Money tax = PlatformJson.money(item, "total_tax", currency);
        // Exact when the subtotal divides by the quantity; otherwise rounded half-up, and the line total
        // (which comes from WooCommerce, not from unit × quantity) stays exact.
        Money unitPrice = Money.rounded(
                quantity > 0 ? subtotal.divide(BigDecimal.valueOf(quantity), MathContext.DECIMAL128) : subtotal,
                currency);
        Money discount = Money.rounded(subtotal, currency).minus(total);
        return new OrderLine(
                lineId(item, order),
                PlatformJson.text(item, "sku"),
                nonZeroId(item, "product_id"),
                nonZeroId(item, "variation_id"),
                WooCommerceText.decodedText(item, "name").orElse("(unnamed item)"),
                quantity,
                unitPrice,
                discount,
                tax,
                total.plus(tax));
    }

    static OrderLine feeLine(JsonNode fee, Currency currency, String order) {
        Money total = PlatformJson.money(fee, "total", currency);
        Money tax = PlatformJson.money(fee, "total_tax", currency);
        return new OrderLine(
                lineId(fee, order),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                WooCommerceText.decodedText(fee, "name").orElse("Fee"),
                1,
                total,
                Money.zero(currency),
                tax,
                total.plus(tax));
    }

    private static String lineId(JsonNode item, String order) {
        // Item ids come from one table (woocommerce_order_items) for products, fees and shipping alike,
        // so they are unique within an order whatever the line's kind.
        return PlatformJson.id(item, "id").orElseThrow(() -> malformed(order + " with a line without an id"));
    }

    /** WooCommerce writes 0 for "none" (a simple product's variation_id, a deleted product's product_id). */
    private static Optional<String> nonZeroId(JsonNode node, String field) {
        return PlatformJson.id(node, field).filter(value -> !value.equals("0"));
    }

    private static List<ShippingCharge> shippingCharges(JsonNode order, Currency currency) {
        List<ShippingCharge> charges = new ArrayList<>();
        for (JsonNode line : order.path("shipping_lines")) {
            Money total = PlatformJson.money(line, "total", currency);
            Money tax = PlatformJson.money(line, "total_tax", currency);
            Optional<String> method = methodName(line);
            if (!total.isZero() || !tax.isZero() || method.isPresent()) {
                charges.add(new ShippingCharge(method.orElse("Shipping"), total.plus(tax), tax));
            }
        }
        return charges;
    }

    private static Optional<String> methodName(JsonNode shippingLine) {
        return WooCommerceText.decodedText(shippingLine, "method_title")
                .or(() -> PlatformJson.text(shippingLine, "method_id"));
    }

    /**
     * PICKUP when any shipping line is a pickup method. {@code method_id} is "local_pickup" in current
     * versions and "local_pickup:3" (method:instance) in 2.6-3.x, so only the part before ':' counts.
     */
    static FulfillmentType fulfillmentType(JsonNode order) {
        return pickupLine(order).isPresent() ? FulfillmentType.PICKUP : FulfillmentType.DELIVERY;
    }

    private static Optional<JsonNode> pickupLine(JsonNode order) {
        for (JsonNode line : order.path("shipping_lines")) {
            String methodId = PlatformJson.text(line, "method_id").orElse("").toLowerCase(Locale.ROOT);
            int colon = methodId.indexOf(':');
            if (PICKUP_METHODS.contains(colon < 0 ? methodId : methodId.substring(0, colon))) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /**
     * The name the channel maps to an outlet (ALC-2): the pickup line's title for pickups (the block
     * checkout writes "Pickup (Downtown)" there), else the first shipping line's.
     */
    private static Optional<String> shippingMethod(JsonNode order) {
        Optional<JsonNode> pickup = pickupLine(order);
        if (pickup.isPresent()) {
            return methodName(pickup.get());
        }
        for (JsonNode line : order.path("shipping_lines")) {
            Optional<String> name = methodName(line);
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    /** Integrated unless the gateway is one where nobody confirms the money (bacs, cheque, cod, none). */
    static OrderPayment payment(JsonNode order, String gateway) {
        Optional<String> title = WooCommerceText.decodedText(order, "payment_method_title");
        boolean integrated = !WooCommerceOrderStates.isOffline(gateway);
        // An order keyed in by an admin has no gateway at all: staff took the payment by hand.
        String method = title.orElse(gateway.isEmpty() ? "manual" : gateway);
        Optional<String> processor = integrated ? title.or(() -> Optional.of(gateway)) : Optional.empty();
        return new OrderPayment(method, integrated, processor);
    }

    /** Whether WooCommerce recorded a payment: it sets date_paid when a gateway or an admin marks it paid. */
    private static boolean datePaid(JsonNode order) {
        return PlatformJson.text(order, "date_paid_gmt")
                .or(() -> PlatformJson.text(order, "date_paid"))
                .isPresent();
    }

    private static PlatformCallException malformed(String what) {
        return PlatformCallException.unreadable("WooCommerce sent " + what + "; Storeline cannot import it");
    }
}
