package org.storeline.channels.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.UnreadableFieldException;
import org.storeline.core.channel.ChannelOrder.OrderPayment;
import org.storeline.core.money.Money;

/**
 * How a Shopify order is paid, from {@code payment_gateway_names} (or the deprecated {@code gateway}).
 * Shopify's manual payment methods (https://help.shopify.com/en/manual/payments/manual-payments) carry their
 * display name or a snake_case code as the gateway name; every other gateway is a processor that confirmed
 * the payment (ORD-5), offline ones arrive unpaid (ORD-6).
 */
final class ShopifyPayments {
    /** Gateway names of manual (offline) payments, lower case; "" is an order with no gateway at all. */
    private static final Set<String> OFFLINE = Set.of(
            "manual",
            "cash on delivery (cod)",
            "cash_on_delivery",
            "bank deposit",
            "bank_deposit",
            "money order",
            "money_order",
            "");

    /** Names whose generic "snake_case to Title Case" rendering would be wrong. */
    private static final Map<String, String> DISPLAY_NAMES = Map.of(
            "shopify_payments", "Shopify Payments",
            "paypal", "PayPal",
            "authorize_net", "Authorize.Net",
            "shopify_installments", "Shop Pay Installments");

    private ShopifyPayments() {}

    static OrderPayment payment(JsonNode order) {
        List<String> gateways = gateways(order);
        String method = gateways.isEmpty() ? "none" : String.join(", ", gateways);
        // With a split payment (gift card + card, say) the first gateway a processor confirms is the one to show.
        // processing_method "manual" (sent by older API versions) says no processor was involved, whatever the
        // merchant named the manual method ("Pay at the counter" would otherwise read as a processor).
        boolean manual = PlatformJson.text(order, "processing_method")
                .filter("manual"::equalsIgnoreCase)
                .isPresent();
        Optional<String> processor = gateways.stream()
                .filter(gateway -> !manual && integrated(gateway))
                .findFirst()
                .map(ShopifyPayments::displayName);
        return new OrderPayment(method, processor.isPresent(), processor);
    }

    /**
     * What a partly paid order has received: its current total less {@code total_outstanding}. The REST order has no
     * "received" field of its own (GraphQL's {@code totalReceivedSet} is not in it, and its transactions are another
     * call); {@code total_outstanding} is the amount "yet to be transacted" (Shopify's words for the same figure in
     * its Customer API: {@code totalOutstandingAmount}), so an authorization counts as received, as an authorized
     * order is paid here. It is measured against {@code current_total_price} (the total after edits and removals),
     * not {@code total_price}: an item removed before the import is not money received. Sources in
     * payloads/SOURCES.md. Empty when {@code total_outstanding} is missing or either figure is unreadable: the sale
     * is then recorded unpaid and the activity log says why; a result that is no part of the total is the planner's
     * to refuse.
     */
    static Optional<Money> amountReceived(JsonNode order, Money total, Currency currency) {
        try {
            Optional<BigDecimal> outstanding = PlatformJson.optionalDecimal(order, "total_outstanding");
            if (outstanding.isEmpty()) {
                return Optional.empty();
            }
            Optional<BigDecimal> current = PlatformJson.optionalDecimal(order, "current_total_price")
                    .or(() -> PlatformJson.optionalDecimal(
                            order.path("current_total_price_set").path("shop_money"), "amount"));
            Money base = current.map(amount -> Money.rounded(amount, currency)).orElse(total);
            return Optional.of(base.minus(Money.rounded(outstanding.get(), currency)));
        } catch (UnreadableFieldException unreadable) {
            return Optional.empty();
        }
    }

    static boolean integrated(String gateway) {
        String name = gateway.trim().toLowerCase(Locale.ROOT);
        // A merchant's own manual method arrives under its own name: a real order marked paid by hand carried
        // "manual_in_shopify_test" (draft-order-paid-fulfilled-pln.json in payloads/SOURCES.md). No processor's
        // name starts with "manual", so such names are offline too.
        return !OFFLINE.contains(name) && !name.startsWith("manual");
    }

    /**
     * "shopify_payments" shows as "Shopify Payments"; a name that already reads as words is kept as Shopify wrote it.
     */
    static String displayName(String gateway) {
        String known = DISPLAY_NAMES.get(gateway.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        if (!gateway.equals(gateway.toLowerCase(Locale.ROOT)) || gateway.contains(" ")) {
            return gateway;
        }
        return Arrays.stream(gateway.split("_"))
                .filter(word -> !word.isEmpty())
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining(" "));
    }

    private static List<String> gateways(JsonNode order) {
        List<String> names = new ArrayList<>();
        for (JsonNode name : order.path("payment_gateway_names")) {
            if (name.isTextual() && !name.asText().isBlank()) {
                names.add(name.asText().trim());
            }
        }
        if (names.isEmpty()) {
            PlatformJson.text(order, "gateway").ifPresent(names::add);
        }
        return names;
    }
}
