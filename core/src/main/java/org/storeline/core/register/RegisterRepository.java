package org.storeline.core.register;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: registers, their open/close periods and the closure reports stored when a period closes. */
public interface RegisterRepository {
    void insert(Register register);

    boolean nameTaken(UUID outletId, String name);

    Optional<Register> findById(UUID id);

    /**
     * Loads a register and locks it until the transaction ends, so that a sale recorded on it and its
     * closing cannot interleave: a payment is never missing from the closure report.
     */
    Optional<Register> findByIdForUpdate(UUID id);

    /**
     * Loads a register and keeps it from being opened or closed until the transaction ends, while other
     * transactions may still record on it: the open period read here stays the open period until the payments
     * recorded against it are committed. The lock is taken before the period is read.
     */
    Optional<Register> findByIdForShare(UUID id);

    List<Register> findAll();

    void insertPeriod(RegisterPeriod period);

    /**
     * Gives a period just opened every payment recorded on its register while the register was closed (those
     * without a period), and remembers how many it took in. Call it with the register locked for update.
     */
    int carryOverPayments(UUID registerId, UUID periodId);

    /** How many payments a period took in when it opened ({@link #carryOverPayments}). */
    int carriedOver(UUID periodId);

    /** Payments recorded in a period, totalled by payment type and currency (refunds net). */
    List<ClosureReport.PaymentTotal> paymentTotals(UUID periodId);

    /** Closes the report's period and stores the report with it: it is read back as it is, never recomputed. */
    void closePeriod(ClosureReport report);

    /** The stored reports of a register's closed periods, newest first. */
    List<ClosureReport> closureReports(UUID registerId, int limit);

    /**
     * The stored reports of every register of the given outlets (all outlets when empty) whose period closed at or
     * after {@code from} and before {@code to} (either bound optional), newest first.
     */
    List<ClosureReport> closureReports(
            Optional<Collection<UUID>> outletIds, Optional<Instant> from, Optional<Instant> to);
}
