package org.storeline.core.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.customer.Email;

/**
 * A person who signs in or calls the API. Their role decides what they may do, their outlets what
 * they may see (admins see all). The password is only ever held as an Argon2id hash. A user who left is
 * deactivated rather than deleted (what they did keeps their name): they sign in, call the API and pick no more.
 */
public record User(
        UUID id,
        String name,
        Email email,
        Role role,
        List<UUID> outletIds,
        Optional<String> passwordHash,
        Instant createdAt,
        Optional<Instant> deactivatedAt) {
    public User {
        outletIds = List.copyOf(outletIds);
    }

    /** A user as they are made: active. */
    public User(
            UUID id,
            String name,
            Email email,
            Role role,
            List<UUID> outletIds,
            Optional<String> passwordHash,
            Instant createdAt) {
        this(id, name, email, role, outletIds, passwordHash, createdAt, Optional.empty());
    }

    public boolean isActive() {
        return deactivatedAt.isEmpty();
    }

    /** The same user, deactivated at {@code at} (one already deactivated keeps the time they first were). */
    public User deactivated(Instant at) {
        return isActive() ? withDeactivatedAt(Optional.of(at)) : this;
    }

    /** The same user, active again. */
    public User reactivated() {
        return withDeactivatedAt(Optional.empty());
    }

    private User withDeactivatedAt(Optional<Instant> at) {
        return new User(id, name, email, role, outletIds, passwordHash, createdAt, at);
    }

    public Actor asActor() {
        return new Actor(id, name, role, Set.copyOf(outletIds));
    }
}
