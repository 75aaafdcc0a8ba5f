package org.storeline.core.statussync;

import java.util.List;
import java.util.UUID;
import org.storeline.core.fulfillment.FulfillmentStatus;

/**
 * What a newer version of an imported order does to its sale, decided without writing ({@link StatusSyncPlanner}):
 * record the balance as paid, move fulfillments on, or cancel the sale; and what the channel's activity log says
 * about it, one finding per change applied, refused or already so.
 *
 * @param recordPayment whether the balance is recorded as paid (STS-3), before any fulfillment step
 * @param steps         fulfillments to move on, in order
 * @param cancel        whether the sale is cancelled (STS-4); never together with a payment or a step
 */
public record StatusSyncPlan(boolean recordPayment, List<Step> steps, boolean cancel, List<Finding> findings) {
    public StatusSyncPlan {
        steps = List.copyOf(steps);
        findings = List.copyOf(findings);
        if (cancel && (recordPayment || !steps.isEmpty())) {
            throw new IllegalArgumentException("A cancellation is the only change of its plan");
        }
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("Every version of an order leaves an activity entry");
        }
    }

    /** Whether anything is written to the sale. */
    public boolean changesSale() {
        return recordPayment || cancel || !steps.isEmpty();
    }

    /**
     * A fulfillment moved on to {@code target}: packed, shipped (a delivery) or picked up (a pickup); a fulfillment
     * not packed yet is packed first, as staff would.
     */
    public record Step(UUID fulfillmentId, FulfillmentStatus target) {}

    /** One line for the channel's activity log. */
    public record Finding(Result result, String reason) {}

    public enum Result {
        /** The platform's change was made here. */
        APPLIED,
        /** It is already so here (our own change coming back, or a repeat): nothing to do. */
        ALREADY,
        /** A change this system takes in but refuses here, or one it does not take in at all: logged. */
        NOT_APPLIED,
        /** A status that is deliberately not synced (STS-5). */
        IGNORED
    }
}
