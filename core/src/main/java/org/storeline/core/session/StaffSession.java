package org.storeline.core.session;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A signed-in user of the staff web app, kept in the database so that every server process knows it. The browser
 * holds a random token; only its SHA-256 is stored (like API tokens), so a read of the table signs nobody in. The
 * CSRF token is per session and is sent back in every form and htmx request.
 */
public record StaffSession(
        UUID id,
        String tokenHash,
        UUID userId,
        String csrfToken,
        Instant createdAt,
        Instant lastSeenAt,
        Instant expiresAt) {
    public StaffSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }

    /** Whether it still lets its user in at {@code now}: neither idle too long nor past its absolute end. */
    public boolean isLiveAt(Instant now, SessionPolicy policy) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(policy.idle()));
    }
}
