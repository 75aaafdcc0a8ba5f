package org.storeline.web.app.fulfillment;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentDetails;
import org.storeline.core.sale.PaymentStatus;
import org.storeline.core.sale.Sale;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.view.Formats;

/** The parts of a fulfillment's details that core reads and the page words: delivery, split, timeline, payment. */
final class DetailParts {
    private DetailParts() {}

    static DetailView.Delivery delivery(FulfillmentDetails.Delivery d, Messages t) {
        return new DetailView.Delivery(
                d.shippingMethod().orElse(t.get("none")),
                d.address(),
                d.customerNote().orElse(""),
                String.join("\n", d.saleNote()));
    }

    static List<DetailView.Sibling> siblings(List<FulfillmentDetails.Sibling> siblings, UUID current, Messages t) {
        return siblings.stream()
                .map(s -> new DetailView.Sibling(
                        t.format("detail.sibling", s.position(), s.of(), s.outletName()),
                        t.get("status." + s.status().wireName()),
                        s.visible() && !s.id().equals(current) ? "/fulfillments/" + s.id() : "",
                        s.id().equals(current)))
                .toList();
    }

    static List<DetailView.Event> timeline(List<FulfillmentDetails.Entry> entries, ZoneId zone, Messages t) {
        return entries.stream()
                .map(e -> new DetailView.Event(e.at().toString(), Formats.dateTime(e.at(), zone, t), text(e, t)))
                .toList();
    }

    private static String text(FulfillmentDetails.Entry e, Messages t) {
        String key = "timeline." + e.kind().name().toLowerCase(Locale.ROOT);
        return switch (e.kind()) {
            case PICKED -> t.format(key, e.count());
            case ASSIGNED -> t.format(key, e.userName().orElse(t.get("none")));
            case STATUS ->
                t.format(
                        key,
                        e.status().map(s -> t.get("status." + s.wireName())).orElse(t.get("none")));
            default -> t.get(key);
        };
    }

    /**
     * Why an order that is not paid in full cannot be completed (FUL-4), while it is open and its completing step
     * (ship, pick up) is still ahead: empty once paid.
     */
    static Optional<String> unpaid(Sale sale, Fulfillment f, Messages t) {
        if (sale.paymentStatus() == PaymentStatus.PAID || f.status().isTerminal()) {
            return Optional.empty();
        }
        NumberFormat money = NumberFormat.getCurrencyInstance(t.locale());
        money.setCurrency(sale.currency());
        return Optional.of(t.format("detail.unpaid", money.format(sale.balance().amount())));
    }
}
