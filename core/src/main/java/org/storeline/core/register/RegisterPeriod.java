package org.storeline.core.register;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.money.Money;

/** One stretch of time between opening and closing a register. Payments fall into the period they were made in. */
public record RegisterPeriod(
        UUID id,
        UUID registerId,
        Instant openedAt,
        Optional<Instant> closedAt,
        Money openingFloat,
        Optional<Money> countedCash) {

    public boolean isOpen() {
        return closedAt.isEmpty();
    }

    /** Whether a payment made at {@code at} belongs to this period. */
    public boolean contains(Instant at) {
        return !at.isBefore(openedAt) && closedAt.map(at::isBefore).orElse(true);
    }

    RegisterPeriod closedAt(Instant at, Optional<Money> counted) {
        return new RegisterPeriod(id, registerId, openedAt, Optional.of(at), openingFloat, counted);
    }
}
