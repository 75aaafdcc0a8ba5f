package org.storeline.core.session;

import java.time.Instant;
import java.util.Optional;

/** Port: staff sessions, found by the hash of the browser's token. */
public interface SessionRepository {
    void insert(StaffSession session);

    /** The session with its user (role, outlets, language) in one look-up. */
    Optional<SignedIn> findByTokenHash(String tokenHash);

    void touch(String tokenHash, Instant lastSeenAt);

    void delete(String tokenHash);

    /** Removes sessions past their absolute end; answers how many. */
    int deleteExpired(Instant now);
}
