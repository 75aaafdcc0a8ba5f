package org.storeline.channels.woocommerce;

import java.util.Locale;
import java.util.Set;
import org.storeline.core.channel.OrderDisposition;

/**
 * WooCommerce's single {@code status} word, read as an {@link OrderDisposition}. The same table is in
 * docs/platforms/woocommerce.md; change both together.
 */
final class WooCommerceOrderStates {
    /**
     * Gateways where nobody confirms the money: bank transfer, cheque, cash on delivery, and "" (an order
     * an admin keyed in without a gateway).
     */
    static final Set<String> OFFLINE_GATEWAYS = Set.of("bacs", "cheque", "cod", "");

    private WooCommerceOrderStates() {}

    /**
     * @param status        the order's {@code status} ("processing"; a stray "wc-" prefix is dropped)
     * @param paymentMethod the gateway id ({@code payment_method}: "bacs", "stripe", "")
     * @param datePaid      whether WooCommerce recorded a payment ({@code date_paid} not null)
     */
    static OrderDisposition disposition(String status, String paymentMethod, boolean datePaid) {
        String word = normalize(status);
        return switch (word) {
            // Awaiting payment: an online gateway has not confirmed yet, or the customer walked away.
            case "pending" -> OrderDisposition.SKIP_INCOMPLETE;
            // The gateway declined or the payment errored: nothing was bought.
            case "failed" -> OrderDisposition.SKIP_INCOMPLETE;
            // The block checkout's draft, saved while the customer is still typing.
            case "checkout-draft" -> OrderDisposition.SKIP_INCOMPLETE;
            // Core's other drafts (OrderStatus::DRAFT, AUTO_DRAFT, NEW): an order being composed, never
            // placed. Webhooks skip them; listed here so a backfill never imports one as a plugin status.
            case "draft", "auto-draft", "new" -> OrderDisposition.SKIP_INCOMPLETE;
            // bacs and cheque land here at checkout ("awaiting payment"); also manual review holds.
            case "on-hold" -> OrderDisposition.IMPORT_UNPAID;
            // Paid and to fulfil, except cash on delivery (and a bacs/cheque order an admin moved on
            // without recording payment): core's COD gateway puts orders straight into processing.
            // WooCommerce 11.3+ adds "ready-for-pickup" after processing (local pickup): read it the same way, since a
            // cash-at-the-counter order waiting there is not paid yet.
            case "processing", "ready-for-pickup" ->
                isOffline(paymentMethod) && !datePaid ? OrderDisposition.IMPORT_UNPAID : OrderDisposition.IMPORT_PAID;
            // Shipped or downloaded: first seen already fulfilled.
            case "completed" -> OrderDisposition.IMPORT_FULFILLED;
            // Cancelled by the merchant or the unpaid-order timeout, or moved to the bin.
            case "cancelled", "trash" -> OrderDisposition.SKIP_CANCELLED;
            // Refunded in full before we ever saw it.
            case "refunded" -> OrderDisposition.SKIP_REFUNDED;
            // A plugin's own status ("awaiting-shipment", "ready-pickup"...): keep the order, unpaid,
            // so staff see it; the raw word stays in platformStatus.
            default -> OrderDisposition.IMPORT_UNPAID;
        };
    }

    static boolean isOffline(String paymentMethod) {
        return OFFLINE_GATEWAYS.contains(
                paymentMethod == null ? "" : paymentMethod.trim().toLowerCase(Locale.ROOT));
    }

    static String normalize(String status) {
        String word = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        // The REST API strips the internal "wc-" prefix; a plugin's filter might not.
        return word.startsWith("wc-") ? word.substring(3) : word;
    }
}
