package org.storeline.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.register.ClosureReport;

/**
 * Port: the closure reports of the registers of some outlets whose period closed at or after {@code from} and before
 * {@code to} (either open). The caller has checked the outlets against the actor.
 */
@FunctionalInterface
public interface ClosureSource {
    List<ClosureReport> closedBetween(Set<UUID> outletIds, Optional<Instant> from, Optional<Instant> to);
}
