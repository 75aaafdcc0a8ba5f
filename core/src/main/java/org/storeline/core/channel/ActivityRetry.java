package org.storeline.core.channel;

import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/** What the retry button of an activity entry (BYD-4) does, decided from the entry alone. */
public enum ActivityRetry {
    /** The delivery is still in the inbox: it is processed again from what the platform sent. */
    REQUEUE_DELIVERY,
    /** The order is fetched from the platform again (a failed fetch, or a delivery no longer stored). */
    FETCH_ORDER_AGAIN,
    /** The webhooks are registered and the credentials checked again. */
    REGISTER_AGAIN,
    /** The sync tasks the refused call carried are due again (stock and prices are read afresh when sent). */
    SEND_AGAIN;

    public static ActivityRetry of(ActivityEntry entry, boolean deliveryStillStored) {
        if (!entry.syncTaskIds().isEmpty()) {
            return SEND_AGAIN;
        }
        if (entry.deliveryId().isPresent() && deliveryStillStored) {
            return REQUEUE_DELIVERY;
        }
        if (entry.externalOrderId().isPresent()) {
            return FETCH_ORDER_AGAIN;
        }
        if (entry.kind() == ActivityEntry.Kind.REGISTRATION) {
            return REGISTER_AGAIN;
        }
        throw new StorelineException(
                ErrorCode.NOT_RETRYABLE, "This activity entry names no delivery or order to run again.");
    }
}
