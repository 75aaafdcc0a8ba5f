package org.storeline.channels.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.channel.FulfillmentType;

/**
 * Pickup or delivery, the shipping method's name and the delivery address, from a Shopify REST order.
 *
 * <p>The REST order has no field that says "local pickup": Shopify's native local pickup writes the pickup
 * location's name into the shipping line's {@code code} and {@code title} (a local delivery line looks the same;
 * https://community.shopify.com/t/how-to-differentiate-a-local-pickup-vs-local-delivery-in-the-fulfillment-process/117153,
 * nozzlegear/ShopifySharp#638). Only GraphQL's {@code FulfillmentOrder.deliveryMethod.methodType = PICK_UP}
 * says it for sure. So we read the words merchants and pickup apps put in the line, and otherwise rely on the
 * channel's shipping-method-to-outlet mapping (ALC-2), which works on {@link #shippingMethod} whatever it says.
 */
final class ShopifyFulfillment {
    /** Words that mark a shipping line as a pickup, in the languages of our first shops (en, fr, nl). */
    private static final List<String> PICKUP_WORDS =
            List.of("pickup", "pick up", "pick-up", "retrait", "afhalen", "ophalen");

    private ShopifyFulfillment() {}

    static FulfillmentType type(JsonNode order) {
        List<JsonNode> lines = shippingLines(order);
        boolean pickupLine = lines.stream().anyMatch(ShopifyFulfillment::saysPickup);
        if (pickupLine) {
            return FulfillmentType.PICKUP;
        }
        // Physical goods with neither a shipping line nor an address can only be collected; an order of
        // digital goods only (nothing requires shipping) stays DELIVERY: there is nothing to collect.
        boolean physical = stream(order.path("line_items"))
                .anyMatch(line -> line.path("requires_shipping").asBoolean(false));
        if (lines.isEmpty() && !hasAddress(order.path("shipping_address")) && physical) {
            return FulfillmentType.PICKUP;
        }
        return FulfillmentType.DELIVERY;
    }

    /** The first shipping line's name, as the customer chose it at checkout. */
    static Optional<String> shippingMethod(JsonNode order) {
        return shippingLines(order).stream()
                .map(ShopifyFulfillment::methodName)
                .flatMap(Optional::stream)
                .findFirst();
    }

    static Optional<String> methodName(JsonNode shippingLine) {
        return PlatformJson.text(shippingLine, "title").or(() -> PlatformJson.text(shippingLine, "code"));
    }

    /** Shipping lines that still apply: an order edit can remove one ({@code is_removed}) and keep it in the list. */
    static List<JsonNode> shippingLines(JsonNode order) {
        return stream(order.path("shipping_lines"))
                .filter(line -> !line.path("is_removed").asBoolean(false))
                .toList();
    }

    /** The shipping address as readable lines: name, company, street, "zip city", province, country. */
    static Optional<String> deliveryAddress(JsonNode order) {
        JsonNode address = order.path("shipping_address");
        if (!hasAddress(address)) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        PlatformJson.text(address, "name").ifPresent(parts::add);
        for (String field : List.of("company", "address1", "address2")) {
            PlatformJson.text(address, field).ifPresent(parts::add);
        }
        String cityLine = Stream.of(PlatformJson.text(address, "zip"), PlatformJson.text(address, "city"))
                .flatMap(Optional::stream)
                .collect(Collectors.joining(" "));
        if (!cityLine.isEmpty()) {
            parts.add(cityLine);
        }
        PlatformJson.text(address, "province").ifPresent(parts::add);
        PlatformJson.text(address, "country").ifPresent(parts::add);
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", parts));
    }

    private static boolean saysPickup(JsonNode shippingLine) {
        return Stream.of("code", "title", "source")
                .map(field -> PlatformJson.text(shippingLine, field))
                .flatMap(Optional::stream)
                .map(text -> text.toLowerCase(Locale.ROOT))
                .anyMatch(text -> PICKUP_WORDS.stream().anyMatch(text::contains));
    }

    private static boolean hasAddress(JsonNode address) {
        return address.isObject()
                && Stream.of("address1", "city", "zip", "country")
                        .anyMatch(field -> PlatformJson.text(address, field).isPresent());
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
