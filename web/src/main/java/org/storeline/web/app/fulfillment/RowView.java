package org.storeline.web.app.fulfillment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.storeline.core.customer.Customer;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentBoard;
import org.storeline.core.fulfillment.FulfillmentNote;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.Sale;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.view.Formats;

/** One fulfillment as the page writes it (FUL-1's columns), every text already in the reader's language and zone. */
public record RowView(
        String id,
        String receipt,
        String orderNumber,
        String createdIso,
        String created,
        String age,
        String statusKey,
        String status,
        String type,
        String channel,
        String customer,
        String items,
        boolean partial,
        String paymentKey,
        String payment,
        String saleNote,
        String notes,
        String assignee) {

    public static RowView of(FulfillmentBoard.Row row, Messages t, ZoneId zone, Instant now) {
        Fulfillment f = row.fulfillment();
        Sale sale = row.sale();
        long ordered = f.items().stream().mapToLong(Fulfillment.Item::quantity).sum();
        long picked = f.items().stream().mapToLong(Fulfillment.Item::picked).sum();
        return new RowView(
                f.id().toString(),
                sale.receiptNumber(),
                sale.channelOrder().map(ChannelOrderRef::externalOrderNumber).orElse(""),
                f.createdAt().toString(),
                Formats.dateTime(f.createdAt(), zone, t),
                Formats.age(f.createdAt(), now, t),
                f.status().wireName(),
                t.get("status." + f.status().wireName()),
                t.get("type." + f.type().wireName()),
                row.channelName().orElse(t.get("none")),
                row.customer().map(Customer::name).filter(n -> !n.isBlank()).orElse(t.get("none")),
                t.format("items.picked", picked, ordered),
                f.picking() == Fulfillment.Picking.PARTIAL,
                sale.paymentStatus().wireName(),
                t.get("payment." + sale.paymentStatus().wireName()),
                sale.note(),
                notes(f.notes()),
                row.assigneeName().orElse(t.get("unassigned")));
    }

    private static String notes(List<FulfillmentNote> notes) {
        return notes.stream().map(FulfillmentNote::text).collect(Collectors.joining(" · "));
    }
}
