package org.storeline.core.fulfillment;

import java.util.ArrayList;
import java.util.List;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/**
 * A split pickup order collected at one counter (FUL-7): each outlet packs its own part and the other outlets bring
 * theirs over to the counter where the customer comes, whose staff then hand the whole order over at once. The
 * counter is the outlet of the fulfillment the action is taken on: its staff may hand over the other outlets' parts
 * only once those are packed (their own staff packed them, so they are ready to bring over), never pick or pack
 * them. A part still being picked elsewhere keeps the whole order from being handed over here; the counter can
 * still hand over its own part alone.
 */
public final class OrderHandOver {
    private OrderHandOver() {}

    /**
     * Whether the counter of {@code at} can hand the whole order over now (payment aside, checked when it happens):
     * {@code at} is a packed pickup and every other open part of the sale is a packed pickup too, at least one of them.
     * {@code all} is every fulfillment of the sale.
     */
    public static boolean offered(Fulfillment at, List<Fulfillment> all) {
        List<Fulfillment> others = others(at, all);
        return at.allows(FulfillmentStatus.Event.PICK_UP)
                && !others.isEmpty()
                && others.stream().allMatch(OrderHandOver::broughtOver);
    }

    /**
     * The parts to hand over at the counter of {@code at}: {@code at} first, then every other open part of the sale
     * ({@code all}, oldest first). Refused naming the part that is not a packed pickup yet; {@code at} itself is
     * checked by its own {@link Fulfillment#handOver} (packed, a pickup, the sale paid), before anything changes.
     */
    public static List<Fulfillment> parts(Fulfillment at, List<Fulfillment> all) {
        List<Fulfillment> parts = new ArrayList<>();
        parts.add(at);
        for (int i = 0; i < all.size(); i++) {
            Fulfillment other = all.get(i);
            if (other.id().equals(at.id()) || other.isComplete()) {
                continue;
            }
            if (!broughtOver(other)) {
                throw new StorelineException(
                        ErrorCode.INVALID_TRANSITION,
                        "Part " + (i + 1) + " of " + all.size() + " of this order, at another outlet, is "
                                + describe(other)
                                + ": the order cannot be handed over here as a whole yet. Once that outlet has packed"
                                + " its part and brought it over, hand the order over; or mark this part alone picked"
                                + " up.");
            }
            parts.add(other);
        }
        return parts;
    }

    private static List<Fulfillment> others(Fulfillment at, List<Fulfillment> all) {
        return all.stream()
                .filter(f -> !f.id().equals(at.id()) && !f.isComplete())
                .toList();
    }

    private static boolean broughtOver(Fulfillment f) {
        return f.type() == FulfillmentType.PICKUP && f.status() == FulfillmentStatus.PACKED;
    }

    private static String describe(Fulfillment f) {
        return f.type() == FulfillmentType.PICKUP
                ? f.status().wireName().replace('_', ' ') + ", not packed"
                : "a delivery, not a pickup";
    }
}
