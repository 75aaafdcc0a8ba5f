package org.storeline.core.register;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: registers and their open/close periods. */
public interface RegisterRepository {
    void insert(Register register);

    boolean nameTaken(UUID outletId, String name);

    Optional<Register> findById(UUID id);

    /**
     * Loads a register and locks it until the transaction ends, so that a sale recorded on it and its
     * closing cannot interleave: a payment is never missing from the closure report.
     */
    Optional<Register> findByIdForUpdate(UUID id);

    List<Register> findAll();

    void insertPeriod(RegisterPeriod period);

    void closePeriod(RegisterPeriod period);

    /** Payments recorded in a period, totalled by payment type. */
    List<ClosureReport.PaymentTotal> paymentTotals(UUID periodId);

    List<RegisterPeriod> closedPeriods(UUID registerId, int limit);

    /**
     * The closed periods of every register of these outlets that closed at or after {@code from} and before
     * {@code to} (either open), newest first: what the register closures report lists.
     */
    List<RegisterPeriod> closedPeriodsBetween(Collection<UUID> outletIds, Optional<Instant> from, Optional<Instant> to);
}
