package org.storeline.core.notification;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The "bell": a new online order for one user, linking to its fulfillment (NTF-1). */
public record Notification(
        UUID id,
        UUID userId,
        UUID outletId,
        Optional<UUID> fulfillmentId,
        Optional<UUID> saleId,
        String message,
        Instant createdAt,
        Optional<Instant> readAt) {}
