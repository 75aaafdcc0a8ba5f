package org.storeline.channels.ecwid;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.UnreadableFieldException;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderCustomer;
import org.storeline.core.channel.ChannelOrder.OrderPayment;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.channel.OrderProgress;

/**
 * Ecwid's order ({@code GET /api/v3/{storeId}/orders/{orderId}}) in Storeline's terms: the anti-corruption
 * layer. Ecwid orders carry no currency (it is a store setting), so the caller says which one to read them in.
 * The state table is also in docs/platforms/ecwid.md; amounts are in {@link EcwidOrderAmounts}.
 */
public final class EcwidOrderMapper {
    /** Ecwid's {@code createDate} / {@code updateDate}: "2020-06-05 20:48:32 +0000". */
    static final DateTimeFormatter ECWID_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss Z", Locale.ROOT);

    /** {@code paymentModule} values that name no processor. Offline methods usually have no module at all. */
    private static final Set<String> OFFLINE_MODULES = Set.of("CUSTOM_PAYMENT_MODULE", "OFFLINE");

    public ChannelOrder map(JsonNode order, Currency currency) {
        String externalId = externalId(order);
        try {
            return map(order, externalId, currency);
        } catch (UnreadableFieldException unreadable) {
            throw unreadable.inOrder("Ecwid", externalId);
        }
    }

    private ChannelOrder map(JsonNode order, String externalId, Currency currency) {
        String payment = status(order, "paymentStatus");
        String fulfillment = status(order, "fulfillmentStatus");
        Optional<Instant> placed = placedAt(order);
        Instant updatedAt = time(order, "updateTimestamp", "updateDate")
                .or(() -> placed)
                .orElseThrow(() -> PlatformCallException.unreadable(
                        "Ecwid order " + externalId + " has no updateDate (nor a readable createDate)"));
        JsonNode option = order.path("shippingOption");
        FulfillmentType type = isPickup(option) ? FulfillmentType.PICKUP : FulfillmentType.DELIVERY;
        return new ChannelOrder(
                externalId,
                number(order, externalId),
                payment + "/" + fulfillment,
                disposition(payment, fulfillment),
                placed,
                updatedAt,
                currency,
                customer(order),
                EcwidOrderAmounts.lines(order, currency),
                EcwidOrderAmounts.shipping(order, currency),
                PlatformJson.money(order, "tax", currency),
                PlatformJson.money(order, "total", currency),
                payment(order),
                // Ecwid has no partly paid status: an order is awaiting payment or paid.
                Optional.empty(),
                type,
                PlatformJson.text(option, "shippingMethodName"),
                type == FulfillmentType.PICKUP ? Optional.empty() : address(order.path("shippingPerson")),
                phone(order),
                PlatformJson.text(order, "orderComments"),
                Optional.of(progress(payment, fulfillment)));
    }

    /**
     * The order's statuses in this system's words, for the status changes taken in from Ecwid (STS-1..4). The
     * store-defined {@code CUSTOM_*_STATUS_n} and {@code INCOMPLETE} are OTHER, never acted on; so is a word Ecwid
     * adds later.
     */
    static OrderProgress progress(String paymentStatus, String fulfillmentStatus) {
        OrderProgress.Payment payment = switch (paymentStatus.toUpperCase(Locale.ROOT)) {
            case "AWAITING_PAYMENT" -> OrderProgress.Payment.AWAITING;
            case "PAID" -> OrderProgress.Payment.PAID;
            case "PARTIALLY_REFUNDED" -> OrderProgress.Payment.PARTIALLY_REFUNDED;
            case "REFUNDED" -> OrderProgress.Payment.REFUNDED;
            case "CANCELLED" -> OrderProgress.Payment.CANCELLED;
            default -> OrderProgress.Payment.OTHER;
        };
        OrderProgress.Fulfillment fulfillment = switch (fulfillmentStatus.toUpperCase(Locale.ROOT)) {
            case "AWAITING_PROCESSING" -> OrderProgress.Fulfillment.AWAITING;
            case "PROCESSING" -> OrderProgress.Fulfillment.PROCESSING;
            case "READY_FOR_PICKUP" -> OrderProgress.Fulfillment.READY_FOR_PICKUP;
            case "OUT_FOR_DELIVERY" -> OrderProgress.Fulfillment.OUT_FOR_DELIVERY;
            case "SHIPPED" -> OrderProgress.Fulfillment.SHIPPED;
            case "DELIVERED" -> OrderProgress.Fulfillment.DELIVERED;
            case "WILL_NOT_DELIVER" -> OrderProgress.Fulfillment.WILL_NOT_DELIVER;
            case "RETURNED" -> OrderProgress.Fulfillment.RETURNED;
            default -> OrderProgress.Fulfillment.OTHER;
        };
        return new OrderProgress(payment, fulfillment);
    }

    /**
     * The state table, on {@code paymentStatus} then {@code fulfillmentStatus}. Rows are checked in order.
     */
    static OrderDisposition disposition(String paymentStatus, String fulfillmentStatus) {
        String payment = paymentStatus.toUpperCase(Locale.ROOT);
        String fulfillment = fulfillmentStatus.toUpperCase(Locale.ROOT);
        // 1. INCOMPLETE: an unfinished order (the customer never completed checkout or payment).
        if (payment.equals("INCOMPLETE")) {
            return OrderDisposition.SKIP_INCOMPLETE;
        }
        // 2. The merchant will not deliver it, or its payment was cancelled: nothing was sold.
        if (fulfillment.equals("WILL_NOT_DELIVER") || payment.equals("CANCELLED")) {
            return OrderDisposition.SKIP_CANCELLED;
        }
        // 3. Refunded in full before we saw it.
        if (payment.equals("REFUNDED")) {
            return OrderDisposition.SKIP_REFUNDED;
        }
        return switch (payment) {
            // 4. Paid (a partial refund keeps the sale): already fulfilled when shipped, out for delivery (STS-1: it
            // completes the fulfillment of an order already imported, so it does for one first seen so too) or
            // delivered.
            case "PAID", "PARTIALLY_REFUNDED" ->
                fulfillment.equals("SHIPPED")
                                || fulfillment.equals("OUT_FOR_DELIVERY")
                                || fulfillment.equals("DELIVERED")
                        ? OrderDisposition.IMPORT_FULFILLED
                        : OrderDisposition.IMPORT_PAID;
            // 5. AWAITING_PAYMENT and the store-defined CUSTOM_PAYMENT_STATUS_1..3: placed, not paid.
            // 6. Anything else (a status Ecwid adds later): imported unpaid, the safe side.
            default -> OrderDisposition.IMPORT_UNPAID;
        };
    }

    /** {@code id} ("K8XTQ", what the API's URLs take); orders from before ids existed only have {@code orderNumber}. */
    static String externalId(JsonNode order) {
        return externalIdIfAny(order)
                .orElseThrow(() -> PlatformCallException.unreadable("An Ecwid order has neither id nor orderNumber"));
    }

    static Optional<String> externalIdIfAny(JsonNode order) {
        return PlatformJson.text(order, "id").or(() -> PlatformJson.id(order, "orderNumber"));
    }

    /** What the customer sees: {@code vendorOrderNumber} (with the store's prefix and suffix), else the id. */
    private static String number(JsonNode order, String externalId) {
        return PlatformJson.text(order, "vendorOrderNumber").orElse(externalId);
    }

    private static String status(JsonNode order, String field) {
        return PlatformJson.text(order, field).orElse("UNKNOWN");
    }

    /**
     * When the order was placed: {@code createTimestamp}, else {@code createDate}. A missing or unreadable one is
     * left out, not fatal: the sale is then dated when it is imported, and the activity log says so.
     */
    static Optional<Instant> placedAt(JsonNode order) {
        try {
            return time(order, "createTimestamp", "createDate");
        } catch (PlatformCallException unreadable) {
            return Optional.empty();
        }
    }

    /** The unix-seconds field when there is one (exact, no zone to get wrong), else the formatted date. */
    static Optional<Instant> time(JsonNode order, String timestampField, String dateField) {
        return epochSeconds(order.path(timestampField))
                .or(() -> PlatformJson.text(order, dateField).map(EcwidOrderMapper::parseDate));
    }

    /**
     * A unix timestamp written as a number (1725434529, or 1725434529.0) or as a numeric string
     * ("1725434529"): without this, a string timestamp on an order without {@code updateDate} lost the order.
     * Anything else (0, negative, not a number, out of Instant's range) is absent, so the formatted date is used.
     */
    private static Optional<Instant> epochSeconds(JsonNode timestamp) {
        try {
            // The number itself, never its plain digits: 1e999999999 would be a billion of them.
            BigDecimal value = timestamp.isNumber()
                    ? timestamp.decimalValue()
                    : new BigDecimal(timestamp.isTextual() ? timestamp.asText().trim() : "");
            long seconds = value.longValueExact();
            return seconds > 0 ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
        } catch (NumberFormatException | ArithmeticException | DateTimeException notATimestamp) {
            return Optional.empty();
        }
    }

    static Instant parseDate(String text) {
        try {
            return OffsetDateTime.parse(text, ECWID_DATE).toInstant();
        } catch (DateTimeParseException e) {
            throw PlatformCallException.unreadable(
                    "'" + text + "' is not an Ecwid date (yyyy-MM-dd HH:mm:ss +zzzz)", e);
        }
    }

    /** A pickup by the flag ({@code isPickup}) or by the newer {@code fulfillmentType}; anything else is delivered. */
    static boolean isPickup(JsonNode shippingOption) {
        return shippingOption.path("isPickup").asBoolean(false)
                || "PICKUP"
                        .equalsIgnoreCase(PlatformJson.text(shippingOption, "fulfillmentType")
                                .orElse(""));
    }

    /**
     * {@code paymentModule} is set only for online processors (Ecwid's own integrations such as "Stripe", or
     * "CUSTOM_PAYMENT_APP-{app}"); offline methods ("Pay by cash", "Bank transfer", "Purchase order") have none.
     */
    static OrderPayment payment(JsonNode order) {
        Optional<String> module = PlatformJson.text(order, "paymentModule");
        String method =
                PlatformJson.text(order, "paymentMethod").or(() -> module).orElse("not specified");
        boolean integrated = module.filter(m -> !OFFLINE_MODULES.contains(m.toUpperCase(Locale.ROOT)))
                .isPresent();
        return new OrderPayment(method, integrated, integrated ? module : Optional.empty());
    }

    /** The email, and the billing name, else the shipping name (pickup orders may have only one of them). */
    static Optional<OrderCustomer> customer(JsonNode order) {
        Optional<String> email = PlatformJson.text(order, "email");
        Optional<String> name =
                personName(order.path("billingPerson")).or(() -> personName(order.path("shippingPerson")));
        return email.isEmpty() && name.isEmpty() ? Optional.empty() : Optional.of(new OrderCustomer(email, name));
    }

    private static Optional<String> personName(JsonNode person) {
        return PlatformJson.text(person, "name")
                .or(() -> joined(" ", PlatformJson.text(person, "firstName"), PlatformJson.text(person, "lastName")));
    }

    /** The shipping address as lines: name, company, street (Ecwid separates its two lines by \n), place, country. */
    static Optional<String> address(JsonNode person) {
        Optional<String> place =
                joined(" ", PlatformJson.text(person, "postalCode"), PlatformJson.text(person, "city"));
        Optional<String> street = PlatformJson.text(person, "street");
        if (street.isEmpty() && place.isEmpty()) {
            return Optional.empty();
        }
        return joined(
                "\n",
                PlatformJson.text(person, "name"),
                PlatformJson.text(person, "companyName"),
                street,
                place,
                PlatformJson.text(person, "stateOrProvinceName")
                        .or(() -> PlatformJson.text(person, "stateOrProvinceCode")),
                PlatformJson.text(person, "countryName").or(() -> PlatformJson.text(person, "countryCode")));
    }

    private static Optional<String> phone(JsonNode order) {
        return PlatformJson.text(order.path("shippingPerson"), "phone")
                .or(() -> PlatformJson.text(order.path("billingPerson"), "phone"));
    }

    @SafeVarargs
    private static Optional<String> joined(String separator, Optional<String>... parts) {
        List<String> present = new ArrayList<>();
        Stream.of(parts).forEach(part -> part.ifPresent(present::add));
        return present.isEmpty()
                ? Optional.empty()
                : Optional.of(present.stream().collect(Collectors.joining(separator)));
    }
}
