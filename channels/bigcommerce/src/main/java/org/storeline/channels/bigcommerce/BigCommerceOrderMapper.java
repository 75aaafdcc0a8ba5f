package org.storeline.channels.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * The anti-corruption layer: a BigCommerce v2 order with its products and shipping addresses becomes a
 * {@link ChannelOrder}. Amounts are BigCommerce's own (strings with 4 decimals, rounded half-up to the
 * currency); nothing is recomputed to make the lines add up to the total: the import flags any difference.
 */
final class BigCommerceOrderMapper {
    /**
     * Payment methods where no processor confirmed the money (ORD-6). BigCommerce's {@code payment_method} is
     * the method's display name; compared without case because the docs spell "Pay in Store" and "Pay In Store".
     */
    private static final Set<String> OFFLINE_METHODS = Set.of(
            "cash", "cash on delivery", "pay in store", "manual", "bank deposit", "check", "cheque", "money order", "");

    private static final List<String> PICKUP_WORDS = List.of("pickup", "pick up", "in store");
    /** What v2 writes as the method of orders created without one (control panel or API). */
    private static final String NO_METHOD = "none";

    ChannelOrder map(BigCommerceOrderData data) {
        JsonNode order = data.order();
        String id = PlatformJson.id(order, "id")
                .orElseThrow(() -> PlatformCallException.unreadable("BigCommerce sent an order without an id"));
        try {
            return map(data, order, id);
        } catch (UnreadableFieldException unreadable) {
            throw unreadable.inOrder("BigCommerce", id);
        }
    }

    private ChannelOrder map(BigCommerceOrderData data, JsonNode order, String id) {
        Currency currency = currency(order, id, data.store());
        OptionalInt statusId = statusId(order);
        Optional<String> shippingMethod = shippingMethod(data.shippingAddresses());
        Optional<JsonNode> address = data.shippingAddresses().stream().findFirst();
        Optional<Instant> placedAt = placedAt(order);
        // date_modified is the version of the order: events of one order apply in this order.
        Instant updatedAt = dateIfPresent(order, "date_modified", id)
                .or(() -> placedAt)
                .orElseThrow(() -> PlatformCallException.unreadable(
                        "BigCommerce order " + id + " has no date_modified (nor a readable date_created)"));
        return new ChannelOrder(
                id,
                id,
                platformStatus(order, statusId),
                BigCommerceOrderStatus.dispositionOf(statusId),
                placedAt,
                updatedAt,
                currency,
                customer(order.path("billing_address")),
                lines(data.products(), currency),
                shipping(order, shippingMethod, currency),
                PlatformJson.money(order, "total_tax", currency),
                PlatformJson.money(order, "total_inc_tax", currency),
                payment(order),
                // BigCommerce has no partly paid status: an order is awaiting payment or paid.
                Optional.empty(),
                fulfillmentType(order, statusId, shippingMethod),
                shippingMethod,
                address.flatMap(BigCommerceOrderMapper::addressText),
                phone(address, order.path("billing_address")),
                PlatformJson.text(order, "customer_message"));
    }

    /**
     * v2 answers {@code currency_code} equal to the transactional {@code default_currency_code}; the latter is the
     * fallback, then {@code store_default_currency_code} (newer answers), then the store's own currency when the
     * client fetched it. Orders created through the API on some stores come back with both codes {@code null}
     * (documented "Create an Order" response): without the store fallback such an order could not be imported.
     */
    private static Currency currency(JsonNode order, String id, Optional<JsonNode> store) {
        return PlatformJson.currency(order, "currency_code")
                .or(() -> PlatformJson.currency(order, "default_currency_code"))
                .or(() -> PlatformJson.currency(order, "store_default_currency_code"))
                .or(() -> storeCurrency(store))
                .orElseThrow(
                        () -> PlatformCallException.unreadable("BigCommerce order " + id + " has no currency_code"));
    }

    private static Optional<Currency> storeCurrency(Optional<JsonNode> store) {
        try {
            return store.flatMap(answer -> PlatformJson.currency(answer, "currency"));
        } catch (UnreadableFieldException unknown) {
            throw unknown.within("store");
        }
    }

    private static OptionalInt statusId(JsonNode order) {
        Optional<String> text = PlatformJson.text(order, "status_id");
        try {
            return text.map(value -> OptionalInt.of(new BigDecimal(value).intValueExact()))
                    .orElse(OptionalInt.empty());
        } catch (ArithmeticException | NumberFormatException notAnId) {
            return OptionalInt.empty();
        }
    }

    /** "Awaiting Fulfillment (11) / captured": the words an owner recognises from the control panel. */
    private static String platformStatus(JsonNode order, OptionalInt statusId) {
        String status = PlatformJson.text(order, "status").orElse("status")
                + statusId.stream().mapToObj(id -> " (" + id + ")").findFirst().orElse("");
        Optional<String> label = PlatformJson.text(order, "custom_status")
                .filter(custom ->
                        !custom.equals(PlatformJson.text(order, "status").orElse("")));
        return Stream.of(
                        Optional.of(status),
                        label.map(custom -> "\"" + custom + "\""),
                        PlatformJson.text(order, "payment_status"))
                .flatMap(Optional::stream)
                .collect(Collectors.joining(" / "));
    }

    /**
     * {@code date_created} (RFC 2822, "Tue, 05 Mar 2019 21:40:11 +0000"): when the order was placed. A missing or
     * unreadable one is left out, not fatal: the sale is then dated when it is imported, and the log says so.
     */
    static Optional<Instant> placedAt(JsonNode order) {
        return PlatformJson.text(order, "date_created").flatMap(BigCommerceDates::parse);
    }

    private static Optional<Instant> dateIfPresent(JsonNode order, String field, String id) {
        Optional<String> text = PlatformJson.text(order, field);
        Optional<Instant> parsed = text.flatMap(BigCommerceDates::parse);
        if (text.isPresent() && parsed.isEmpty()) {
            throw PlatformCallException.unreadable(
                    "BigCommerce order " + id + " has an unreadable " + field + ": '" + text.get() + "'");
        }
        return parsed;
    }

    private static Optional<OrderCustomer> customer(JsonNode billing) {
        Optional<String> email = PlatformJson.text(billing, "email");
        Optional<String> name = fullName(billing);
        return email.isEmpty() && name.isEmpty() ? Optional.empty() : Optional.of(new OrderCustomer(email, name));
    }

    private static Optional<String> fullName(JsonNode address) {
        return join(" ", PlatformJson.text(address, "first_name"), PlatformJson.text(address, "last_name"));
    }

    private static List<OrderLine> lines(List<JsonNode> products, Currency currency) {
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode product : products) {
            line(product, currency).ifPresent(lines::add);
        }
        return lines;
    }

    /**
     * One product line. BigCommerce's {@code total_inc_tax} is BEFORE discounts ({@code base_total × tax});
     * {@code discounted_total_inc_tax} (added to the API in 2023) is after them, and {@code total_tax} is
     * the tax on the discounted amount. Older answers have no {@code discounted_total_inc_tax}: then the
     * line's {@code applied_discounts} are taken off {@code total_inc_tax}.
     */
    private static Optional<OrderLine> line(JsonNode product, Currency currency) {
        long quantity = PlatformJson.quantity(product, "quantity");
        if (quantity <= 0) {
            return Optional.empty(); // nothing sold on this line (a removed product): no line to import
        }
        Money discount = discount(product, currency);
        Money total = PlatformJson.text(product, "discounted_total_inc_tax")
                .map(value -> PlatformJson.money(product, "discounted_total_inc_tax", currency))
                .orElseGet(() ->
                        PlatformJson.money(product, "total_inc_tax", currency).minus(discount));
        String lineId = PlatformJson.id(product, "id").orElse("");
        String name = PlatformJson.text(product, "name")
                .or(() -> PlatformJson.text(product, "name_merchant"))
                .orElse("BigCommerce item " + lineId);
        return Optional.of(new OrderLine(
                lineId,
                PlatformJson.text(product, "sku"),
                nonZeroId(product, "product_id"),
                nonZeroId(product, "variant_id"),
                name,
                quantity,
                PlatformJson.money(product, "price_inc_tax", currency),
                discount,
                PlatformJson.money(product, "total_tax", currency),
                total));
    }

    private static Money discount(JsonNode product, Currency currency) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode applied : product.path("applied_discounts")) {
            // Current answers send "amount" as a string, the older docs as a JSON number (4.66): both read.
            try {
                sum = sum.add(PlatformJson.decimal(applied, "amount"));
            } catch (UnreadableFieldException unreadable) {
                throw unreadable.within("applied_discounts[]");
            }
        }
        return Money.rounded(sum, currency);
    }

    /** Custom products (not in the catalog) have {@code product_id} 0 and {@code variant_id} 0: no platform product. */
    private static Optional<String> nonZeroId(JsonNode node, String field) {
        return PlatformJson.id(node, field).filter(id -> !id.equals("0"));
    }

    /** v2 keeps shipping at order level; the method's name is on the (first) shipping address. */
    private static List<ShippingCharge> shipping(JsonNode order, Optional<String> method, Currency currency) {
        Money total = PlatformJson.money(order, "shipping_cost_inc_tax", currency);
        if (total.isZero() && method.isEmpty()) {
            return List.of();
        }
        return List.of(new ShippingCharge(
                method.orElse("Shipping"), total, PlatformJson.money(order, "shipping_cost_tax", currency)));
    }

    private static Optional<String> shippingMethod(List<JsonNode> addresses) {
        return addresses.stream()
                .findFirst()
                .flatMap(address -> PlatformJson.text(address, "shipping_method"))
                .filter(method -> !method.equalsIgnoreCase(NO_METHOD));
    }

    /**
     * Pickup when BigCommerce says so: status 8 (Awaiting Pickup); a shipping method whose name says pickup;
     * or a physical order without any shipping address (BigCommerce's pickup consignments replace them).
     */
    private static FulfillmentType fulfillmentType(JsonNode order, OptionalInt statusId, Optional<String> method) {
        boolean pickupMethod = method.map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> PICKUP_WORDS.stream().anyMatch(name::contains))
                .isPresent();
        // Read as text so that 0 and "0" mean the same (proxies and the fake API send numbers as strings);
        // a missing or unreadable count is not evidence of a pickup.
        boolean noAddress = PlatformJson.text(order, "shipping_address_count")
                        .filter(count -> count.matches("0+(\\.0+)?"))
                        .isPresent()
                && !order.path("order_is_digital").asBoolean(false);
        return BigCommerceOrderStatus.isAwaitingPickup(statusId) || pickupMethod || noAddress
                ? FulfillmentType.PICKUP
                : FulfillmentType.DELIVERY;
    }

    private static OrderPayment payment(JsonNode order) {
        String method = PlatformJson.text(order, "payment_method").orElse("");
        boolean integrated = !OFFLINE_METHODS.contains(method.toLowerCase(Locale.ROOT));
        return new OrderPayment(
                method.isEmpty() ? "none" : method, integrated, integrated ? Optional.of(method) : Optional.empty());
    }

    /** The shipping address as the packing slip shows it, one part a line. */
    private static Optional<String> addressText(JsonNode address) {
        Optional<String> region = join(" ", PlatformJson.text(address, "state"), PlatformJson.text(address, "zip"));
        return join(
                "\n",
                fullName(address),
                PlatformJson.text(address, "company"),
                PlatformJson.text(address, "street_1"),
                PlatformJson.text(address, "street_2"),
                join(", ", PlatformJson.text(address, "city"), region),
                PlatformJson.text(address, "country"));
    }

    @SafeVarargs
    private static Optional<String> join(String separator, Optional<String>... parts) {
        String joined = Stream.of(parts).flatMap(Optional::stream).collect(Collectors.joining(separator));
        return joined.isBlank() ? Optional.empty() : Optional.of(joined);
    }

    private static Optional<String> phone(Optional<JsonNode> address, JsonNode billing) {
        return address.flatMap(a -> PlatformJson.text(a, "phone")).or(() -> PlatformJson.text(billing, "phone"));
    }
}
