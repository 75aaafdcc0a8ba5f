package org.storeline.core.user;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/**
 * Who is asking: the authenticated user, their role and the outlets they may see.
 * Every use case takes one and checks it before touching data, so access rules live in core,
 * not scattered over HTTP handlers.
 */
public record Actor(UUID userId, String name, Role role, Set<UUID> outletIds) {

    public Actor {
        outletIds = Set.copyOf(outletIds);
    }

    public boolean canSee(UUID outletId) {
        return role.seesEveryOutlet() || outletIds.contains(outletId);
    }

    /** The outlets to limit a read to: none for a role that sees every outlet (admins). */
    public Optional<Collection<UUID>> outletFilter() {
        return role.seesEveryOutlet() ? Optional.empty() : Optional.of(outletIds);
    }

    public void requireOutlet(UUID outletId) {
        if (!canSee(outletId)) {
            throw new StorelineException(
                    ErrorCode.OUTLET_FORBIDDEN,
                    "You are not permitted for outlet " + outletId + ". Ask an admin to add it to your outlets.");
        }
    }

    public void requireOutlets(Collection<UUID> outlets) {
        outlets.forEach(this::requireOutlet);
    }

    public void require(Permission permission) {
        if (!role.allows(permission)) {
            throw new StorelineException(
                    ErrorCode.FORBIDDEN,
                    "Your role (" + role.wireName() + ") may not " + permission.description() + ".");
        }
    }
}
