package org.storeline.core.email;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: customer emails, at most one per (fulfillment, kind), and the outbox position the email job has read to. */
public interface CustomerEmailRepository {
    /** Writes the email unless its fulfillment has one of its kind already; answers whether it did. */
    boolean insertIfAbsent(CustomerEmail email);

    boolean exists(UUID fulfillmentId, EmailKind kind);

    Optional<CustomerEmail> findById(UUID id);

    /** The email, locked until the transaction ends. */
    Optional<CustomerEmail> findByIdForUpdate(UUID id);

    /** The emails of a sale, oldest first. */
    List<CustomerEmail> findBySale(UUID saleId);

    /**
     * Claims up to {@code limit} emails due by {@code now} (pending or failed, next attempt passed), skipping those
     * another sender holds: each gets one more attempt and is due again at {@code leaseUntil} unless its outcome is
     * recorded first. Answers them as claimed.
     */
    List<CustomerEmail> claimDue(Instant now, int limit, Instant leaseUntil);

    void update(CustomerEmail email);

    /** The outbox position read up to, locked until the transaction ends (one reader at a time). */
    long lockCursor();

    void moveCursor(long position, Instant at);
}
