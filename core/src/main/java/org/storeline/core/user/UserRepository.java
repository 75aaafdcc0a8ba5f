package org.storeline.core.user;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Port: users and their API tokens. Tokens are looked up by hash; the token itself is never stored. */
public interface UserRepository {
    void insert(User user);

    Optional<User> findById(UUID id);

    boolean emailTaken(String emailKey);

    void insertToken(UUID tokenId, UUID userId, String tokenHash, String label, Instant createdAt);

    Optional<User> findByTokenHash(String tokenHash);

    /** The first admin, the one the bootstrap token belongs to, if any user exists yet. */
    Optional<User> findBootstrapAdmin();

    boolean tokenExists(String tokenHash);
}
