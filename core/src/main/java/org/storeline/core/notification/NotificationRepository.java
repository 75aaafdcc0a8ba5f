package org.storeline.core.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;

/**
 * Port: notifications, stored once per outlet, and what each user has read of them. Whose they are is decided when
 * they are read, with the reader's permissions then (NTF-2); {@code outlets} empty means every outlet (admins).
 */
public interface NotificationRepository {
    /** What to announce: at one outlet, about one fulfillment of one sale; {@code id} is the notification's. */
    record Announcement(UUID id, UUID outletId, UUID fulfillmentId, UUID saleId, String message) {}

    /**
     * Writes each announcement once, for its outlet:
     * every user permitted for the outlet sees it (admins see all, NTF-2).
     */
    void announceToOutletUsers(List<Announcement> announcements, Instant at);

    /** The user's notifications at these outlets, newest first; only those the user has not read when asked. */
    Page<UserNotification> forUser(
            UUID userId, Optional<Collection<UUID>> outlets, boolean unreadOnly, PageRequest page);

    /** One notification as this user sees it. */
    Optional<UserNotification> find(UUID id, UUID userId);

    /** Notifications by id, in no particular order (an unknown id is left out). */
    List<Notification> findByIds(Collection<UUID> ids);

    /** Marks it read for this user; read already, it keeps the time it was first read. */
    void markRead(UUID userId, UUID notificationId, Instant at);

    /** Marks read for this user every notification at these outlets not read yet; answers how many. */
    int markAllRead(UUID userId, Optional<Collection<UUID>> outlets, Instant at);

    /** Who has read each of these notifications, and when (a notification no one has read is left out). */
    Map<UUID, Map<UUID, Instant>> readers(Collection<UUID> notificationIds);
}
