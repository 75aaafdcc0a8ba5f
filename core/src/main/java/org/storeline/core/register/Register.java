package org.storeline.core.register;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;

/**
 * A till in an outlet. Life cycle: created closed; {@link #open} starts a period, {@link #close} ends it,
 * and so on. In-store sales and payments need it open; online sales are recorded on it whatever its
 * state (ORD-2).
 */
public final class Register {
    private final UUID id;
    private final UUID outletId;
    private final String name;
    private final Instant createdAt;
    private RegisterPeriod openPeriod;

    public Register(UUID id, UUID outletId, String name, Instant createdAt, Optional<RegisterPeriod> openPeriod) {
        this.id = id;
        this.outletId = outletId;
        this.name = name;
        this.createdAt = createdAt;
        this.openPeriod = openPeriod.orElse(null);
    }

    public RegisterStatus status() {
        return openPeriod == null ? RegisterStatus.CLOSED : RegisterStatus.OPEN;
    }

    public RegisterPeriod open(Money openingFloat, Instant at) {
        status().on(RegisterStatus.Event.OPEN);
        if (openingFloat.isNegative()) {
            throw StorelineException.invalid("opening_float cannot be negative.");
        }
        openPeriod = new RegisterPeriod(Ids.newId(), id, at, Optional.empty(), openingFloat, Optional.empty());
        return openPeriod;
    }

    /** Ends the open period and returns it, closed. */
    public RegisterPeriod close(Optional<Money> countedCash, Instant at) {
        status().on(RegisterStatus.Event.CLOSE);
        if (countedCash.isPresent() && countedCash.get().isNegative()) {
            throw StorelineException.invalid(
                    "counted_cash cannot be negative: count the cash in the drawer (0 if it is empty).");
        }
        RegisterPeriod closed = openPeriod.closedAt(at, countedCash);
        openPeriod = null;
        return closed;
    }

    /** The open period, if a payment at {@code at} may be recorded on this register; otherwise register_closed. */
    public RegisterPeriod requireOpenAt(Instant at) {
        if (openPeriod == null) {
            throw new StorelineException(
                    ErrorCode.REGISTER_CLOSED,
                    "Register '" + name + "' is closed. Open it before recording sales or payments on it.");
        }
        if (!openPeriod.contains(at)) {
            throw new StorelineException(
                    ErrorCode.REGISTER_CLOSED,
                    "Register '" + name + "' was not open at " + at + " (it opened at " + openPeriod.openedAt()
                            + "); a payment outside the open period would be missing from its closure report.");
        }
        return openPeriod;
    }

    public UUID id() {
        return id;
    }

    public UUID outletId() {
        return outletId;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<RegisterPeriod> openPeriod() {
        return Optional.ofNullable(openPeriod);
    }
}
