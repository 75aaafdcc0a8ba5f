package org.storeline.core.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.customer.Email;

/**
 * A person who signs in or calls the API. Their role decides what they may do, their outlets what
 * they may see (admins see all). The password is only ever held as an Argon2id hash.
 */
public record User(
        UUID id,
        String name,
        Email email,
        Role role,
        List<UUID> outletIds,
        Optional<String> passwordHash,
        Instant createdAt) {
    public User {
        outletIds = List.copyOf(outletIds);
    }

    public Actor asActor() {
        return new Actor(id, name, role, Set.copyOf(outletIds));
    }
}
