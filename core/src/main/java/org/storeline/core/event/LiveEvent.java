package org.storeline.core.event;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.customer.Customer;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.notification.Notification;
import org.storeline.core.notification.UserNotification;
import org.storeline.core.sale.Sale;

/**
 * One event of the live stream: its position in the outbox and what it is about as it is now (not as it was when the
 * event was written), so that a client applies each event it gets and is up to date.
 */
public sealed interface LiveEvent {
    long position();

    /** Who may see it: the users permitted for this outlet (and admins). */
    UUID outletId();

    /** A fulfillment was made or changed: the fulfillment now, with its sale and customer. */
    record FulfillmentNow(long position, Fulfillment fulfillment, Sale sale, Optional<Customer> customer)
            implements LiveEvent {
        @Override
        public UUID outletId() {
            return fulfillment.outletId();
        }
    }

    /** A notification was raised; {@code readBy} says who has read it already (rarely anyone). */
    record NotificationRaised(long position, Notification notification, Map<UUID, Instant> readBy)
            implements LiveEvent {
        public NotificationRaised {
            readBy = Map.copyOf(readBy);
        }

        @Override
        public UUID outletId() {
            return notification.outletId();
        }

        /** The notification as this user sees it, read or not. */
        public UserNotification seenBy(UUID userId) {
            return new UserNotification(notification, Optional.ofNullable(readBy.get(userId)));
        }
    }
}
