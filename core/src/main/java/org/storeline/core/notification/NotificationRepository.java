package org.storeline.core.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;

/** Port: notifications, one row per user who should see it. */
public interface NotificationRepository {
    /** What to announce: at one outlet, about one fulfillment of one sale. */
    record Announcement(UUID outletId, UUID fulfillmentId, UUID saleId, String message) {}

    /**
     * Writes each announcement once, for its outlet:
     * every user permitted for the outlet sees it (admins see all, NTF-2).
     */
    void announceToOutletUsers(List<Announcement> announcements, Instant at);

    /** The user's notifications, newest first, limited to {@code outlets} when not null (admins: all). */
    Page<Notification> forUser(UUID userId, Collection<UUID> outlets, PageRequest page);
}
