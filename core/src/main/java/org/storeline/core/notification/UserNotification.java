package org.storeline.core.notification;

import java.time.Instant;
import java.util.Optional;

/** A notification as one user sees it: read by that user (and when), or not; other users read it on their own. */
public record UserNotification(Notification notification, Optional<Instant> readAt) {
    public boolean read() {
        return readAt.isPresent();
    }
}
