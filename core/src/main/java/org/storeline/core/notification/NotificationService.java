package org.storeline.core.notification;

import java.time.Clock;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;

/**
 * The calling user's notifications, only for outlets they are permitted for now (NTF-2), each read or unread for that
 * user alone.
 */
public final class NotificationService {
    private final NotificationRepository notifications;
    private final Transactions tx;
    private final Clock clock;

    public NotificationService(NotificationRepository notifications, Transactions tx, Clock clock) {
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    /** Newest first; with {@code unreadOnly}, only those the actor has not read. */
    public Page<UserNotification> forActor(Actor actor, boolean unreadOnly, PageRequest page) {
        return notifications.forUser(actor.userId(), actor.outletFilter(), unreadOnly, page);
    }

    /** Marks one notification read for the actor (again: no change) and answers it as the actor now sees it. */
    public UserNotification markRead(Actor actor, UUID id) {
        return tx.inTransaction(() -> {
            UserNotification found = notifications
                    .find(id, actor.userId())
                    .orElseThrow(
                            () -> StorelineException.notFound(ErrorCode.NOTIFICATION_NOT_FOUND, "Notification", id));
            actor.requireOutlet(found.notification().outletId());
            notifications.markRead(actor.userId(), id, clock.instant());
            return notifications.find(id, actor.userId()).orElseThrow();
        });
    }

    /** Marks read, for the actor, every notification they may see; answers how many were unread. */
    public int markAllRead(Actor actor) {
        return tx.inTransaction(() -> notifications.markAllRead(actor.userId(), actor.outletFilter(), clock.instant()));
    }
}
