package org.storeline.core.fulfillment;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.outlet.Language;

/**
 * What a fulfillment's printed document says (FUL-3): a packing slip for a delivery, a pick list for a pickup,
 * written in the outlet's {@code language}. Texts are as stored; the renderer ({@link PackingSlips}) chooses the
 * words around them, the layout and what a font can show.
 *
 * @param orderedAt the sale's date in the outlet's time zone
 * @param customer the customer's contact as the order gave it (name, email, phone)
 * @param address the delivery address, one line each
 * @param saleNote the lines of the sale note that are not customer or delivery details (staff's own)
 * @param lines the items to pick, never the shipping fee
 * @param notes the fulfillment's notes (damaged, unavailable ...)
 */
public record PackingSlip(
        FulfillmentType type,
        Language language,
        String outletName,
        String receiptNumber,
        Optional<String> orderNumber,
        ZonedDateTime orderedAt,
        Optional<String> customer,
        Optional<String> shippingMethod,
        List<String> address,
        Optional<String> customerNote,
        List<String> saleNote,
        List<Line> lines,
        List<String> notes) {

    public PackingSlip {
        address = List.copyOf(address);
        saleNote = List.copyOf(saleNote);
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /** A pickup's document is a pick list: the items to gather for the customer who comes for them. */
    public boolean isPickList() {
        return type == FulfillmentType.PICKUP;
    }

    public long units() {
        return lines.stream().mapToLong(Line::quantity).sum();
    }

    /** An item to pick; an {@code unmatched} one is tied to no product (BYD-6) and must be checked by hand. */
    public record Line(String sku, String name, long quantity, boolean unmatched) {}
}
