package org.storeline.core.statussync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderProgress;
import org.storeline.core.channel.OrderProgress.Fulfillment;
import org.storeline.core.channel.OrderProgress.Payment;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.sale.SaleStatus;
import org.storeline.core.statussync.SaleState.FulfillmentState;
import org.storeline.core.statussync.StatusSyncPlan.Finding;
import org.storeline.core.statussync.StatusSyncPlan.Result;
import org.storeline.core.statussync.StatusSyncPlan.Step;

/**
 * Decides, without writing anything, what the newest version of an imported order does to its sale (STS-1..6). It
 * compares what the platform shows now with the sale as it is here, not one platform version with the one before:
 * versions may arrive late, twice or not at all, and our own changes come back from the platform as new versions,
 * so a step is taken only where the sale here is behind the platform, and a state that already matches is a no-op.
 *
 * <ul>
 *   <li>A sale cancelled here takes no more updates (STS-4); a sale completed here takes no change made on the
 *       platform after it (STS-6). Both are logged, or "already so" when the platform shows the same.
 *   <li>Payment {@code CANCELLED} cancels the sale (STS-4), unless goods have left (then it is a return, by hand).
 *   <li>{@code PAID} records the balance as paid (STS-3); refunds on the platform are not taken in.
 *   <li>{@code READY_FOR_PICKUP} packs the pickups (STS-2); a delivery is not picked up.
 *   <li>{@code OUT_FOR_DELIVERY} and {@code SHIPPED} ship the deliveries, {@code DELIVERED} ships the deliveries and
 *       hands the pickups over (STS-1), packing them first where they are not packed yet, and only once the sale is
 *       paid (FUL-4): the payment of the same version counts.
 *   <li>{@code PROCESSING} is not synced (STS-5); {@code WILL_NOT_DELIVER} without a cancelled payment and
 *       {@code RETURNED} are logged, not applied.
 * </ul>
 */
public final class StatusSyncPlanner {
    private StatusSyncPlanner() {}

    /**
     * @param platform       the platform's name, for the log ("Ecwid")
     * @param platformStatus the platform's own status words, for the log ("PAID/READY_FOR_PICKUP")
     */
    public static StatusSyncPlan plan(String platform, String platformStatus, OrderProgress progress, SaleState sale) {
        Says says = new Says(platform, platformStatus);
        if (sale.status() == SaleStatus.CANCELLED) {
            return cancelledHere(says, progress, sale);
        }
        if (progress.payment() == Payment.CANCELLED) {
            return cancelledThere(says, sale);
        }
        if (sale.status() == SaleStatus.COMPLETED) {
            return completedHere(says, progress, sale);
        }
        return new OpenSale(says, progress, sale).plan();
    }

    private static StatusSyncPlan cancelledHere(Says says, OrderProgress progress, SaleState sale) {
        if (progress.payment() == Payment.CANCELLED || progress.fulfillment() == Fulfillment.WILL_NOT_DELIVER) {
            return only(Result.ALREADY, "already so here: sale " + sale.receiptNumber() + " is cancelled");
        }
        return only(
                Result.NOT_APPLIED,
                "sale " + sale.receiptNumber() + " is cancelled here, so it takes no more updates (STS-4): "
                        + says.now() + " is not applied");
    }

    private static StatusSyncPlan cancelledThere(Says says, SaleState sale) {
        if (sale.status() == SaleStatus.COMPLETED) {
            return only(
                    Result.NOT_APPLIED,
                    "sale " + sale.receiptNumber() + " is completed here: its goods have left, so the cancellation on "
                            + says.platform() + " is not applied (STS-6). Make a return (POST /api/v1/sales/"
                            + sale.saleId() + "/returns) if the goods come back");
        }
        List<FulfillmentState> left = sale.fulfillments().stream()
                .filter(f -> f.status().isComplete())
                .toList();
        if (!left.isEmpty()) {
            return only(
                    Result.NOT_APPLIED,
                    "cancelled on " + says.platform() + ", but " + left.size() + " fulfillment(s) of sale "
                            + sale.receiptNumber() + " are already shipped or picked up here: the goods have left, so"
                            + " the sale is not cancelled. Make a return (POST /api/v1/sales/" + sale.saleId()
                            + "/returns) if they come back");
        }
        return new StatusSyncPlan(
                false,
                List.of(),
                true,
                List.of(new Finding(
                        Result.APPLIED,
                        "cancelled on " + says.platform() + ": sale " + sale.receiptNumber() + " is cancelled here as"
                                + " a cancellation here does it (fulfillments cancelled, stock put back, what was paid"
                                + " refunded) and takes no more updates (STS-4)")));
    }

    private static StatusSyncPlan completedHere(Says says, OrderProgress progress, SaleState sale) {
        if (progress.payment() == Payment.PAID && showsEveryFulfillmentDone(progress.fulfillment(), sale)) {
            return only(Result.ALREADY, "already so here: sale " + sale.receiptNumber() + " is completed");
        }
        String refunds = progress.payment() == Payment.REFUNDED || progress.payment() == Payment.PARTIALLY_REFUNDED
                ? " Refunds made on " + says.platform() + " are not taken in: make a return here (POST"
                        + " /api/v1/sales/" + sale.saleId() + "/returns) if money went back there; a refund made here"
                        + " needs nothing more."
                : "";
        return only(
                Result.NOT_APPLIED,
                "sale " + sale.receiptNumber() + " is completed here, so a change made on " + says.platform()
                        + " after that is not applied (STS-6): " + says.now() + "." + refunds);
    }

    /** The platform shows the goods gone for every fulfillment here: its word for shipped, or for picked up. */
    private static boolean showsEveryFulfillmentDone(Fulfillment shown, SaleState sale) {
        List<FulfillmentState> counted = sale.fulfillments().stream()
                .filter(f -> f.status() != FulfillmentStatus.CANCELLED)
                .toList();
        if (counted.isEmpty()) {
            return completes(shown, FulfillmentType.DELIVERY) || completes(shown, FulfillmentType.PICKUP);
        }
        return counted.stream().allMatch(f -> completes(shown, f.type()));
    }

    /** Whether the platform's word completes a fulfillment of this type here (STS-1). */
    static boolean completes(Fulfillment shown, FulfillmentType type) {
        return switch (shown) {
            case OUT_FOR_DELIVERY, SHIPPED -> type == FulfillmentType.DELIVERY;
            case DELIVERED -> true;
            default -> false;
        };
    }

    private static StatusSyncPlan only(Result result, String reason) {
        return new StatusSyncPlan(false, List.of(), false, List.of(new Finding(result, reason)));
    }

    /** The platform's name and status words, as the log quotes them. */
    record Says(String platform, String platformStatus) {
        String now() {
            return platform + "'s " + platformStatus;
        }
    }

    /** An open sale: payment first (the same version's payment lets its fulfillment complete), then the goods. */
    private static final class OpenSale {
        private final Says says;
        private final OrderProgress progress;
        private final SaleState sale;
        private final List<Finding> changes = new ArrayList<>();
        private final Set<String> already = new LinkedHashSet<>();
        private final List<Step> steps = new ArrayList<>();
        private boolean pay;

        OpenSale(Says says, OrderProgress progress, SaleState sale) {
            this.says = says;
            this.progress = progress;
            this.sale = sale;
        }

        StatusSyncPlan plan() {
            payment();
            goods();
            List<Finding> findings = new ArrayList<>(changes);
            if (findings.isEmpty() && !already.isEmpty()) {
                findings.add(new Finding(
                        Result.ALREADY,
                        "already so here: sale " + sale.receiptNumber() + " is " + String.join(", ", already)));
            }
            if (findings.isEmpty()) {
                findings.add(new Finding(
                        Result.NOT_APPLIED,
                        "changed on " + says.platform() + " (now " + says.platformStatus() + "); nothing in it is a"
                                + " status change this system takes in, and this system is the record, so it is"
                                + " logged, not applied"));
            }
            return new StatusSyncPlan(pay, steps, false, findings);
        }

        private void payment() {
            switch (progress.payment()) {
                case PAID -> {
                    if (sale.owed().isPositive()) {
                        pay = true;
                        changes.add(new Finding(
                                Result.APPLIED,
                                "paid on " + says.platform() + ": the balance of "
                                        + sale.owed().toDecimalString() + " "
                                        + sale.owed().currency().getCurrencyCode() + " of sale " + sale.receiptNumber()
                                        + " is recorded as paid on the channel's online register (STS-3)"));
                    } else {
                        already.add("paid");
                    }
                }
                case REFUNDED, PARTIALLY_REFUNDED ->
                    changes.add(new Finding(
                            Result.NOT_APPLIED,
                            says.now() + ": refunds made on " + says.platform() + " are not taken in. Make a return"
                                    + " here (POST /api/v1/sales/" + sale.saleId() + "/returns) if money went back"));
                default -> {
                    // Awaiting payment, or a word we do not know: the sale here may well be paid already (our own
                    // PAID is on its way to the platform); nothing is ever taken back.
                }
            }
        }

        private void goods() {
            switch (progress.fulfillment()) {
                case PROCESSING ->
                    changes.add(new Finding(
                            Result.IGNORED,
                            says.platform() + "'s PROCESSING is not synced (STS-5): nothing changes here"));
                case READY_FOR_PICKUP -> readyForPickup();
                case OUT_FOR_DELIVERY, SHIPPED, DELIVERED -> complete();
                case WILL_NOT_DELIVER ->
                    changes.add(new Finding(
                            Result.NOT_APPLIED,
                            says.now() + ": it will not be delivered, but its payment is not cancelled, so the sale is"
                                    + " not cancelled here. If the order is cancelled, cancel the sale (POST"
                                    + " /api/v1/sales/" + sale.saleId() + "/cancel) or mark it CANCELLED on "
                                    + says.platform()));
                case RETURNED ->
                    changes.add(new Finding(
                            Result.NOT_APPLIED,
                            says.now() + ": returns are not taken in. Make a return here (POST /api/v1/sales/"
                                    + sale.saleId() + "/returns) when the goods come back"));
                case AWAITING, OTHER -> {
                    // Nothing done on the platform, or a store's own word: the fulfillments here stay as they are.
                }
            }
        }

        /** STS-2: pickups only. */
        private void readyForPickup() {
            boolean deliveryRefused = false;
            for (FulfillmentState f : sale.fulfillments()) {
                if (f.status().isTerminal()) {
                    if (f.status().isComplete()) {
                        already.add(f.status().wireName().replace('_', ' '));
                    }
                } else if (f.type() != FulfillmentType.PICKUP) {
                    if (!deliveryRefused) {
                        deliveryRefused = true;
                        changes.add(new Finding(
                                Result.NOT_APPLIED,
                                says.now() + ": ready for pickup marks pickups packed (STS-2); sale "
                                        + sale.receiptNumber() + " is a delivery, so nothing changes here"));
                    }
                } else if (f.status() == FulfillmentStatus.PACKED) {
                    already.add("packed");
                } else {
                    steps.add(new Step(f.id(), FulfillmentStatus.PACKED));
                    changes.add(new Finding(
                            Result.APPLIED,
                            "ready for pickup on " + says.platform() + ": fulfillment " + f.id() + " of sale "
                                    + sale.receiptNumber() + " is marked packed (STS-2)"));
                }
            }
        }

        /** STS-1: the goods left (or were collected) on the platform; only a paid sale is completed (FUL-4). */
        private void complete() {
            boolean wrongTypeRefused = false;
            boolean unpaidRefused = false;
            boolean paid = pay || !sale.owed().isPositive();
            for (FulfillmentState f : sale.fulfillments()) {
                if (f.status().isTerminal()) {
                    if (f.status().isComplete()) {
                        already.add(f.status().wireName().replace('_', ' '));
                    }
                } else if (!completes(progress.fulfillment(), f.type())) {
                    if (!wrongTypeRefused) {
                        wrongTypeRefused = true;
                        changes.add(new Finding(
                                Result.NOT_APPLIED,
                                says.now() + ": sale " + sale.receiptNumber() + " is a pickup, which is not delivered:"
                                        + " nothing changes here. Mark it picked up when the customer collects it"
                                        + " (DELIVERED on " + says.platform() + " does it too)"));
                    }
                } else if (!paid) {
                    if (!unpaidRefused) {
                        unpaidRefused = true;
                        changes.add(new Finding(
                                Result.NOT_APPLIED,
                                says.now() + ", but sale " + sale.receiptNumber() + " is not fully paid: "
                                        + sale.owed().toDecimalString() + " "
                                        + sale.owed().currency().getCurrencyCode()
                                        + " is still owed, and an unpaid order is not completed (FUL-4). Record the"
                                        + " payment (POST /api/v1/sales/" + sale.saleId() + "/payments, or mark it PAID"
                                        + " on " + says.platform()
                                        + "), then mark it here, or the next change of the order on "
                                        + says.platform() + " completes it"));
                    }
                } else {
                    FulfillmentStatus target = f.type() == FulfillmentType.PICKUP
                            ? FulfillmentStatus.PICKED_UP
                            : FulfillmentStatus.SHIPPED;
                    steps.add(new Step(f.id(), target));
                    changes.add(new Finding(
                            Result.APPLIED,
                            says.now() + ": fulfillment " + f.id() + " of sale " + sale.receiptNumber() + " is marked "
                                    + target.wireName().replace('_', ' ')
                                    + (f.status() == FulfillmentStatus.PACKED ? "" : " (packed first)") + " (STS-1)"));
                }
            }
        }
    }
}
