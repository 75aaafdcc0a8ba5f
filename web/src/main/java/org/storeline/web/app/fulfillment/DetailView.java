package org.storeline.web.app.fulfillment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.view.Shell;

/**
 * One fulfillment's details, as its page and the Fulfillments board's drawer show them: its row, the items with
 * picked / ordered, the delivery details, the other fulfillments of a split order, a timeline, the actions its state
 * allows (core decides which), why an unpaid order cannot be completed, and the outcome of the last action: done, or
 * the server's refusal in the reader's words where we have them.
 */
public record DetailView(
        Shell shell,
        RowView row,
        List<Item> items,
        List<Action> actions,
        Action print,
        Optional<String> error,
        Optional<String> done,
        String backUrl,
        Delivery delivery,
        List<Sibling> siblings,
        List<Event> timeline,
        Optional<String> unpaid,
        String takePaymentUrl) {

    public record Item(String sku, String name, long quantity, long picked) {}

    public record Action(String path, String label) {}

    public record Delivery(String shippingMethod, List<String> address, String customerNote, String saleNote) {}

    /** "1 of 2 · Outlet B"; {@code url} empty when the reader may not open it (another outlet's). */
    public record Sibling(String label, String status, String url, boolean current) {}

    public record Event(String iso, String when, String text) {}

    /** A workflow action: the event core checks, and the path its form posts to. */
    private record Step(FulfillmentStatus.Event event, String name) {}

    private static final List<Step> STEPS = List.of(
            new Step(FulfillmentStatus.Event.PACK, "pack"),
            new Step(FulfillmentStatus.Event.SHIP, "ship"),
            new Step(FulfillmentStatus.Event.PICK_UP, "pickup"));

    /**
     * The actions of the workflow that the fulfillment allows now, each a form posting to its path; then, when core
     * offers it, handing the whole split pickup order over at this counter ({@code orderParts} parts; 0: not offered).
     */
    public static List<Action> actions(Fulfillment f, long orderParts, Messages t) {
        List<Action> actions = new ArrayList<>(STEPS.stream()
                .filter(step -> f.allows(step.event()))
                .map(step -> new Action("/fulfillments/" + f.id() + "/" + step.name(), t.get("action." + step.name())))
                .toList());
        if (orderParts > 1) {
            actions.add(new Action(
                    "/fulfillments/" + f.id() + "/pickup-order", t.format("action.pickupOrder", orderParts)));
        }
        return List.copyOf(actions);
    }

    public static List<Item> items(Fulfillment f) {
        return f.items().stream()
                .map(i -> new Item(i.sku(), i.name(), i.quantity(), i.picked()))
                .toList();
    }

    public Messages t() {
        return shell.t();
    }
}
