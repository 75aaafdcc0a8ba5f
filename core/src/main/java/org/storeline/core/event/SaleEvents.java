package org.storeline.core.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.money.Money;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;
import org.storeline.core.sale.SaleStatus;

/** The events of sales and their payloads, so that every writer says the same things in the same words. */
public final class SaleEvents {
    private SaleEvents() {}

    /**
     * A return's refund settled. The payload names the sale (and, for an online one, its channel and the platform's
     * order id), the return, the money given back, the refund's status and the lines returned; {@code sale_cancelled}
     * tells a cancellation's refund from a return's.
     */
    public static DomainEvent refunded(Sale original, Sale returned, Money amount, String refundStatus, Instant at) {
        Map<String, Object> payload = order(original);
        payload.put("return_id", returned.id().toString());
        payload.put("return_receipt_number", returned.receiptNumber());
        payload.put("amount", amount.toDecimalString());
        payload.put("currency", amount.currency().getCurrencyCode());
        payload.put("refund_status", refundStatus);
        payload.put("sale_cancelled", original.status() == SaleStatus.CANCELLED);
        payload.put("lines", lines(returned));
        return new DomainEvent(DomainEvent.SALE_REFUNDED, original.id(), payload, at);
    }

    /**
     * An online sale cancelled: the fulfillments cancelled with it, and the return that put its units back (none when
     * every unit had been returned before), with what its lines were worth; the refund has an event of its own.
     */
    public static DomainEvent cancelled(Sale sale, List<UUID> fulfillmentIds, Optional<Sale> returned, Instant at) {
        Map<String, Object> payload = order(sale);
        payload.put(
                "fulfillment_ids", fulfillmentIds.stream().map(UUID::toString).toList());
        payload.put("return_id", returned.map(r -> r.id().toString()).orElse(null));
        Money total = returned.map(r -> r.total().negate()).orElse(Money.zero(sale.currency()));
        payload.put("total", total.toDecimalString());
        payload.put("currency", sale.currency().getCurrencyCode());
        payload.put("lines", returned.map(SaleEvents::lines).orElse(List.of()));
        return new DomainEvent(DomainEvent.SALE_CANCELLED, sale.id(), payload, at);
    }

    /**
     * An online sale fully paid by a payment taken here: the payload names the sale (its channel and the platform's
     * order id), the payment, and what the sale has been paid in all.
     */
    public static DomainEvent paid(Sale sale, UUID paymentId, Instant at) {
        Map<String, Object> payload = order(sale);
        payload.put("payment_id", paymentId.toString());
        payload.put("paid", sale.paid().toDecimalString());
        payload.put("currency", sale.currency().getCurrencyCode());
        return new DomainEvent(DomainEvent.SALE_PAID, sale.id(), payload, at);
    }

    private static Map<String, Object> order(Sale sale) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sale_id", sale.id().toString());
        payload.put("receipt_number", sale.receiptNumber());
        payload.put("source", sale.source().wireName());
        sale.channelOrder().ifPresent(ref -> {
            payload.put("channel_id", ref.channelId().toString());
            payload.put("external_order_id", ref.externalOrderId());
        });
        return payload;
    }

    /** The lines given back, as the original's lines: its line id, SKU, units (positive) and what they were worth. */
    private static List<Map<String, Object>> lines(Sale returned) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (SaleLine line : returned.lines()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("line_id", line.returnedLineId().map(UUID::toString).orElse(null));
            item.put("product_id", line.productId().map(UUID::toString).orElse(null));
            item.put("sku", line.sku());
            item.put("quantity", -line.quantity());
            item.put("total", line.total().negate().toDecimalString());
            lines.add(item);
        }
        return lines;
    }
}
