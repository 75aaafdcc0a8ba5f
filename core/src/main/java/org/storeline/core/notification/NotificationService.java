package org.storeline.core.notification;

import java.util.Collection;
import java.util.UUID;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.user.Actor;

/** The calling user's notifications, only for outlets they are permitted for now (NTF-2). */
public final class NotificationService {
    private final NotificationRepository notifications;
    private final OutletService outlets;

    public NotificationService(NotificationRepository notifications, OutletService outlets) {
        this.notifications = notifications;
        this.outlets = outlets;
    }

    public Page<Notification> forActor(Actor actor, PageRequest page) {
        Collection<UUID> visible = actor.role().seesEveryOutlet()
                ? null
                : outlets.list(actor).stream().map(Outlet::id).toList();
        return notifications.forUser(actor.userId(), visible, page);
    }
}
