package org.storeline.web.app.scanner;

import java.util.List;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.web.app.fulfillment.RowView;
import org.storeline.web.app.i18n.Messages;

/**
 * One fulfillment on the Scanner: the lines still to pick first, the picked ones collapsed, what the picker may do in
 * its state (core's rules: {@link Fulfillment#allows}), and what the last scan or action did.
 */
public record PickingView(
        Messages t,
        String csrf,
        RowView row,
        List<Line> toPick,
        List<Line> picked,
        List<String> notes,
        boolean canPick,
        boolean canPack,
        boolean canAssign,
        boolean assignedToMe,
        ScanFeedback feedback,
        String listUrl) {

    /** A line: {@code scannable} when it sold a product (an unmatched line is picked by hand). */
    public record Line(String sku, String name, long picked, long quantity, boolean scannable) {}

    public String base() {
        return "/scanner/" + row.id();
    }

    static List<Line> lines(Fulfillment f, boolean done) {
        return f.items().stream()
                .filter(i -> (i.left() == 0) == done)
                .map(i -> new Line(
                        i.sku(),
                        i.name(),
                        i.picked(),
                        i.quantity(),
                        i.productId().isPresent()))
                .toList();
    }
}
