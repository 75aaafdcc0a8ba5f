package org.storeline.core.report;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Outlets whose part of a report covers the same span of time, {@code from} included, {@code to} excluded (either
 * may be open). Outlets in one time zone share a span; a report over outlets in several zones has one per zone.
 */
public record OutletRange(Set<UUID> outletIds, Optional<Instant> from, Optional<Instant> to) {
    public OutletRange {
        outletIds = Set.copyOf(outletIds);
        if (outletIds.isEmpty()) {
            throw new IllegalArgumentException("An outlet range names at least one outlet");
        }
    }

    /** Whether {@code at} at one of these outlets falls inside the span. */
    public boolean contains(UUID outletId, Instant at) {
        return outletIds.contains(outletId)
                && from.map(start -> !at.isBefore(start)).orElse(true)
                && to.map(at::isBefore).orElse(true);
    }
}
