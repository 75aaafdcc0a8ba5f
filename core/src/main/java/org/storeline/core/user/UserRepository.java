package org.storeline.core.user;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.customer.Email;
import org.storeline.core.outlet.Language;

/** Port: users and their API tokens. Tokens are looked up by hash; the token itself is never stored. */
public interface UserRepository {
    void insert(User user);

    Optional<User> findById(UUID id);

    boolean emailTaken(String emailKey);

    void insertToken(UUID tokenId, UUID userId, String tokenHash, String label, Instant createdAt);

    Optional<User> findByTokenHash(String tokenHash);

    /**
     * The first active admin: the one a new admin token (`storeline admin-token`, `STORELINE_ADMIN_TOKEN`) is given
     * to, if any user exists yet (a deactivated admin's tokens would not work).
     */
    Optional<User> findBootstrapAdmin();

    boolean tokenExists(String tokenHash);

    /** The user whose email has this key (trimmed, lower-cased), to sign in with. */
    Optional<User> findByEmailKey(String emailKey);

    /** Whether any user has a password, that is whether anyone can sign in to the web app yet. */
    boolean anyoneSignsIn();

    /** Gives the user the name, email and password (its hash) they sign in to the web app with. */
    void setSignIn(UUID userId, String name, Email email, String passwordHash);

    /** Keeps the user's language for the web app; empty: follow the browser's. */
    void setLanguage(UUID userId, Optional<Language> language);

    /** The names of these users (an unknown id is left out), in one look-up. */
    Map<UUID, String> namesOf(Collection<UUID> ids);

    /** Every user, by name. */
    List<User> findAll();

    /** The user's API tokens, newest first. */
    List<ApiTokenInfo> tokensOf(UUID userId);

    /** Deletes the user's token; false when the user has no such token. */
    boolean deleteToken(UUID userId, UUID tokenId);

    /**
     * Stores the user's name, role, outlets (replacing the old ones), password hash and when they were deactivated;
     * the email stays.
     */
    void update(User user);

    /**
     * The ids of the active admins, their rows locked until the transaction ends: two admins taking each other's
     * admin role (or deactivating each other) at once queue here, so the second sees the first's change and one
     * active admin always remains.
     */
    List<UUID> lockAdmins();

    /** Ends every web session of the user: whoever signed in with an old password (or was deactivated) is out. */
    void endSessions(UUID userId);
}
