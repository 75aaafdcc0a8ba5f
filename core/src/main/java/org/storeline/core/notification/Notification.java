package org.storeline.core.notification;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The "bell": a new online order at one outlet, linking to its fulfillment (NTF-1). Stored once for its outlet: every
 * user permitted for the outlet sees it (NTF-2), and each user reads it on their own ({@link UserNotification}).
 */
public record Notification(
        UUID id,
        UUID outletId,
        Optional<UUID> fulfillmentId,
        Optional<UUID> saleId,
        String message,
        Instant createdAt) {}
