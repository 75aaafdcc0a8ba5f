package org.storeline.channels.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
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
import org.storeline.core.channel.ChannelOrder.OrderPayment;
import org.storeline.core.channel.ChannelOrder.ShippingCharge;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.money.Money;

/**
 * The anti-corruption layer: a Lightspeed eCom {@code order} resource (and its {@code orderProducts}) into
 * Storeline's {@link ChannelOrder}. Lightspeed sends money as JSON numbers with up to four places
 * ({@code basePriceIncl: 9.198}); they are read exactly and rounded half-up to the currency.
 *
 * <p>Amounts, as the Lightspeed docs' own example shows them (order 1623550: 6 × 7.35 = 44.10):
 * {@code basePriceIncl} is the unit price before discounts, {@code priceIncl}/{@code priceExcl} are the
 * <em>line</em> totals after discounts, {@code discountIncl} is the line's discount.
 */
public final class LightspeedOrderMapper {
    private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

    /**
     * The state table (also in docs/platforms/lightspeed_ecom.md). Lightspeed has three status words:
     * {@code status} (the order's workflow), {@code paymentStatus} and {@code shipmentStatus}.
     */
    static OrderDisposition disposition(String status, String paymentStatus, String shipmentStatus) {
        // Row 1: the order or its payment was cancelled: nothing was sold.
        if ("cancelled".equals(status) || "cancelled".equals(paymentStatus)) {
            return OrderDisposition.SKIP_CANCELLED;
        }
        return switch (paymentStatus) {
            // Row 2: paid and already handed over (shipped or picked up): a paid sale whose fulfilment is done.
            // Row 3: paid, not yet handed over: a paid sale to fulfil.
            case "paid" ->
                handedOver(status, shipmentStatus) ? OrderDisposition.IMPORT_FULFILLED : OrderDisposition.IMPORT_PAID;
            // Row 4: nothing paid (invoice, bank transfer, pay at pickup): an unpaid sale, to fulfil once paid.
            case "not_paid" -> OrderDisposition.IMPORT_UNPAID;
            // Row 5: part paid. The order resource says no amount (amountPaid), so nothing is recorded: the sale is
            // unpaid, and the activity log asks staff to record the part already paid.
            case "partially_paid" -> OrderDisposition.IMPORT_PARTIALLY_PAID;
            // Row 6: a payment status we do not know: never lose the order; import it unpaid so nobody ships unpaid
            // goods.
            default -> OrderDisposition.IMPORT_UNPAID;
        };
    }

    private static boolean handedOver(String status, String shipmentStatus) {
        return switch (status) {
            case "completed", "completed_shipped", "completed_picked_up" -> true;
            default -> "shipped".equals(shipmentStatus);
        };
    }

    /**
     * The order's products when the resource carries them: as a plain list, or embedded in its
     * {@code products.resource.embedded} link. Empty when Lightspeed only linked them (they must be fetched).
     */
    public static Optional<List<JsonNode>> embeddedProducts(JsonNode order) {
        return embedded(order, "products");
    }

    /**
     * A linked resource list of the order ({@code products}, {@code shipments}...) when the order carries it: as a
     * plain list, or embedded in its {@code resource.embedded}. Empty when Lightspeed only linked it.
     */
    static Optional<List<JsonNode>> embedded(JsonNode order, String field) {
        JsonNode linked = order.path(field);
        if (linked.isArray()) {
            return Optional.of(list(linked));
        }
        JsonNode embedded = linked.path("resource").path("embedded");
        if (embedded.isArray() || keyedObjects(embedded)) {
            return Optional.of(list(embedded));
        }
        return Optional.empty();
    }

    /**
     * PHP's json_encode writes a list whose keys are not 0..n-1 as an object ({@code {"3515302": {...}}}), so a
     * list may arrive as an object whose every value is an object. A single product is not that: its values are
     * scalars (its id, its prices).
     */
    static boolean keyedObjects(JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            return false;
        }
        for (JsonNode value : node) {
            if (!value.isObject()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Maps one order; {@code fallbackCurrency} is used when the order does not say its currency (it usually does not).
     */
    public ChannelOrder map(JsonNode order, List<JsonNode> products, Currency fallbackCurrency) {
        String id = id(order, "id").orElseThrow(() -> PlatformCallException.unreadable("A Lightspeed order has no id"));
        try {
            return map(order, id, products, fallbackCurrency);
        } catch (UnreadableFieldException unreadable) {
            throw unreadable.inOrder("Lightspeed", id);
        }
    }

    private static ChannelOrder map(JsonNode order, String id, List<JsonNode> products, Currency fallbackCurrency) {
        Currency currency = currency(order, fallbackCurrency);
        // Status words are compared lower-case and trimmed: the docs write them so, but nothing guarantees it.
        String status = word(order, "status");
        String paymentStatus = word(order, "paymentStatus");
        String shipmentStatus = word(order, "shipmentStatus");
        Optional<Instant> placedAt = placedAt(order);
        // updatedAt orders the events of one order; an order never touched since it was placed may lack it.
        Instant updatedAt = instant(order, "updatedAt")
                .or(() -> placedAt)
                .orElseThrow(() -> UnreadableFieldException.missing("updatedAt (nor a readable createdAt)"));
        // Without its total the sale could not be made equal to the platform's to the cent: refuse it, never guess 0.
        Money total =
                amount(order, "priceIncl", currency).orElseThrow(() -> UnreadableFieldException.missing("priceIncl"));
        Money totalTax = taxIn(total, order, "priceExcl", currency);
        boolean pickup = flag(order, "shipmentIsPickup");
        return new ChannelOrder(
                id,
                text(order, "number").orElse(id),
                platformStatus(status, paymentStatus, shipmentStatus),
                disposition(status, paymentStatus, shipmentStatus),
                placedAt,
                updatedAt,
                currency,
                customer(order),
                lines(products, currency),
                shipping(order, currency),
                totalTax,
                total,
                payment(order),
                // Lightspeed's order resource has no paid amount, only paymentStatus (payloads/SOURCES.md): a
                // partly paid order is recorded unpaid, never with a guessed part.
                Optional.empty(),
                pickup ? FulfillmentType.PICKUP : FulfillmentType.DELIVERY,
                text(order, "shipmentTitle"),
                deliveryAddress(order),
                text(order, "phone").or(() -> text(order, "mobile")),
                text(order, "comment"));
    }

    private static String platformStatus(String status, String paymentStatus, String shipmentStatus) {
        return Stream.of(status, paymentStatus, shipmentStatus)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining("/"));
    }

    /**
     * Lightspeed's order resource has no currency field in any example we found; accept one if a shop sends it, as
     * a code or as an object. A currency we cannot name would price every line wrongly: the order is refused.
     */
    private static Currency currency(JsonNode order, Currency fallback) {
        JsonNode field = order.path("currency");
        if (!field.isObject()) {
            return currencyCode(order, "currency").orElse(fallback);
        }
        try {
            return currencyCode(field, "shortcode")
                    .or(() -> currencyCode(field, "code"))
                    .orElse(fallback);
        } catch (UnreadableFieldException unknown) {
            throw unknown.within("currency");
        }
    }

    private static Optional<Currency> currencyCode(JsonNode node, String field) {
        return unset(node, field) ? Optional.empty() : PlatformJson.currency(node, field);
    }

    private static List<OrderLine> lines(List<JsonNode> products, Currency currency) {
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode product : products) {
            if (!product.isObject()) {
                // A null or a scalar in the list carries no product; skipping it loses nothing.
                continue;
            }
            try {
                long quantity = quantity(product);
                // A line nobody ordered any of carries no sale; quantities must be positive.
                if (quantity > 0) {
                    lines.add(line(product, quantity, currency));
                }
            } catch (UnreadableFieldException unreadable) {
                throw unreadable.within("products[" + id(product, "id").orElse("?") + "]");
            }
        }
        return lines;
    }

    private static OrderLine line(JsonNode product, long quantity, Currency currency) {
        Money unitPrice = money(product, "basePriceIncl", currency);
        Money discount = money(product, "discountIncl", currency);
        // priceIncl is the line total; if a shop leaves it out, the docs' own arithmetic gives it back.
        Money total = amount(product, "priceIncl", currency)
                .orElseGet(() -> Money.rounded(unitPrice.amount().multiply(BigDecimal.valueOf(quantity)), currency)
                        .minus(discount));
        return new OrderLine(
                id(product, "id").orElse(""),
                text(product, "sku"),
                resourceId(product, "product"),
                resourceId(product, "variant"),
                lineName(product),
                quantity,
                unitPrice,
                discount,
                taxIn(total, product, "priceExcl", currency),
                total);
    }

    /**
     * The quantity ordered, a whole number however it is written (6, 6.0, "6"). A missing or fractional
     * quantity is refused: dropping the line or rounding it would silently change what was sold.
     */
    private static long quantity(JsonNode product) {
        if (text(product, "quantityOrdered").isEmpty()) {
            throw UnreadableFieldException.missing("quantityOrdered");
        }
        return PlatformJson.quantity(product, "quantityOrdered");
    }

    /** "Product - Variant", without repeating a variant title that only restates the product ("anacampseros"). */
    private static String lineName(JsonNode product) {
        Optional<String> title = text(product, "productTitle");
        Optional<String> variant = text(product, "variantTitle");
        if (title.isPresent() && variant.isPresent() && !simplified(title.get()).equals(simplified(variant.get()))) {
            return title.get() + " - " + variant.get();
        }
        return title.or(() -> variant)
                .or(() -> text(product, "articleCode"))
                .orElse("Product " + id(product, "id").orElse("?"));
    }

    private static String simplified(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** Lightspeed models shipping as fields on the order: one charge, when it costs something or has a method. */
    private static List<ShippingCharge> shipping(JsonNode order, Currency currency) {
        Money total = money(order, "shipmentPriceIncl", currency);
        Optional<String> method = text(order, "shipmentTitle");
        if (total.isZero() && method.isEmpty()) {
            return List.of();
        }
        Money tax = taxIn(total, order, "shipmentPriceExcl", currency);
        return List.of(
                new ShippingCharge(method.or(() -> text(order, "shipmentId")).orElse("Shipping"), total, tax));
    }

    private static OrderPayment payment(JsonNode order) {
        String id = text(order, "paymentId").orElse("");
        String title = text(order, "paymentTitle").orElse("");
        String method = title.isEmpty() ? (id.isEmpty() ? "unknown" : id) : title;
        boolean integrated = LightspeedPaymentMethods.integrated(id, title, flag(order, "shipmentIsCashOnDelivery"));
        return new OrderPayment(method, integrated, integrated ? Optional.of(method) : Optional.empty());
    }

    private static Optional<OrderCustomer> customer(JsonNode order) {
        Optional<String> email = text(order, "email");
        String fullName = Stream.of("firstname", "middlename", "lastname")
                .map(f -> text(order, f))
                .flatMap(Optional::stream)
                .collect(Collectors.joining(" "));
        Optional<String> name = fullName.isEmpty() ? text(order, "addressBillingName") : Optional.of(fullName);
        if (email.isEmpty() && name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OrderCustomer(email, name));
    }

    /** The shipping address as readable lines, Dutch style ("Keizersgracht 313", "1016 EE Amsterdam"). */
    private static Optional<String> deliveryAddress(JsonNode order) {
        String street = joined(
                " ",
                List.of(
                        text(order, "addressShippingStreet"),
                        text(order, "addressShippingNumber"),
                        text(order, "addressShippingExtension")));
        String place = joined(" ", List.of(text(order, "addressShippingZipcode"), text(order, "addressShippingCity")));
        JsonNode country = order.path("addressShippingCountry");
        String address = joined(
                "\n",
                List.of(
                        text(order, "addressShippingName"),
                        text(order, "addressShippingCompany"),
                        optional(street),
                        text(order, "addressShippingStreet2"),
                        optional(place),
                        text(order, "addressShippingRegion"),
                        country.isObject() ? text(country, "title") : text(order, "addressShippingCountry")));
        return optional(address);
    }

    private static String joined(String separator, List<Optional<String>> parts) {
        return parts.stream().flatMap(Optional::stream).collect(Collectors.joining(separator));
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<String> resourceId(JsonNode node, String field) {
        // "variant": false (a product without variants) has no resource: path() makes that an absent id.
        return id(node.path(field).path("resource"), "id");
    }

    /**
     * An id as a string, like {@link PlatformJson#id}, but {@code false} is "none" (not the id "false") and a
     * whole number written as a float ({@code 1623550.0}) is the same id as {@code 1623550}.
     */
    static Optional<String> id(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isBoolean() || value.isContainerNode()) {
            return Optional.empty();
        }
        if (value.isNumber() && !value.isIntegralNumber()) {
            BigDecimal number = value.decimalValue().stripTrailingZeros();
            if (number.scale() <= 0) {
                return number.signum() == 0
                        ? Optional.empty()
                        : Optional.of(number.toBigInteger().toString());
            }
        }
        return PlatformJson.id(node, field);
    }

    /**
     * A money field: absent when missing, null, {@code false}, blank or an empty array (PHP's "nothing"); a number
     * or a decimal string otherwise, and anything else is unreadable.
     */
    static Optional<Money> amount(JsonNode node, String field, Currency currency) {
        if (unset(node, field)) {
            return Optional.empty();
        }
        return PlatformJson.optionalDecimal(node, field).map(amount -> Money.rounded(amount, currency));
    }

    private static Money money(JsonNode node, String field, Currency currency) {
        return amount(node, field, currency).orElse(Money.zero(currency));
    }

    /**
     * The tax in a tax-included amount: the amount minus its tax-excluded field. Without that field the tax is
     * unknown and reported as 0, rather than the whole amount (which {@code total - 0} would claim).
     */
    private static Money taxIn(Money total, JsonNode node, String exclField, Currency currency) {
        return amount(node, exclField, currency).map(total::minus).orElse(Money.zero(currency));
    }

    /** A lower-case status word, "" when absent. */
    private static String word(JsonNode node, String field) {
        return text(node, field).map(w -> w.toLowerCase(Locale.ROOT)).orElse("");
    }

    /** A yes/no field: true, "true", 1 and "1" are yes; anything else (false, null, missing) is no. */
    private static boolean flag(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isTextual()) {
            String text = value.asText().trim();
            return text.equalsIgnoreCase("true") || text.equals("1");
        }
        return value.asBoolean(false);
    }

    /**
     * Lightspeed writes {@code false} for "not set" ({@code addressShippingCompany: false}):
     * that is absent, not "false".
     */
    static Optional<String> text(JsonNode node, String field) {
        return unset(node, field) ? Optional.empty() : PlatformJson.text(node, field);
    }

    private static boolean unset(JsonNode node, String field) {
        return node.path(field).isBoolean();
    }

    /**
     * When the order last changed ({@code updatedAt}, else {@code createdAt}), where that can be read: a hint to
     * leave out orders outside a range before their products are fetched; {@link #map} says why a time is unreadable.
     */
    static Optional<Instant> lastChange(JsonNode order) {
        try {
            return instant(order, "updatedAt").or(() -> instant(order, "createdAt"));
        } catch (UnreadableFieldException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * {@code createdAt}, when the order was placed. One that is missing or unreadable is left out, not fatal: the sale
     * is then dated when it is imported, and the activity log says so.
     */
    static Optional<Instant> placedAt(JsonNode order) {
        try {
            return instant(order, "createdAt");
        } catch (UnreadableFieldException unreadable) {
            return Optional.empty();
        }
    }

    /** ISO-8601 with an offset ("2019-09-16T19:46:01+00:00"; older docs show "+0200" too), to UTC. */
    static Optional<Instant> instant(JsonNode order, String field) {
        Optional<String> value = text(order, field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.get(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException notIso) {
            try {
                return Optional.of(
                        OffsetDateTime.parse(value.get(), COMPACT_OFFSET).toInstant());
            } catch (DateTimeParseException notCompact) {
                throw new UnreadableFieldException(field, value.get(), "an ISO-8601 time with an offset", notCompact);
            }
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return List.copyOf(items);
    }
}
