package org.storeline.core.refund;

import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.money.Money;

/** Port: refunds, one per return. */
public interface RefundRepository {
    void insert(Refund refund);

    /** Persists a refund's new status, message, attempts and due time. */
    void update(Refund refund);

    Optional<Refund> findById(UUID id);

    /** Loads a refund and locks it until the transaction ends, so that two answers to it are recorded one by one. */
    Optional<Refund> findByIdForUpdate(UUID id);

    /** The refund of the return that a request with this Idempotency-Key made on this sale, if any. */
    Optional<Refund> findByRequestKey(UUID saleId, String requestKey);

    /** The refunds of these returns, by return id. */
    List<Refund> findByReturns(Collection<UUID> returnSaleIds);

    /** What the sale's refunds give back or may still give back: every one but those the processor refused. */
    Money committedFor(UUID saleId, Currency currency);

    /**
     * Takes up to {@code limit} refunds due to be sent again (pending or unknown, due by {@code now}), skipping those
     * another transaction holds, and makes each due only at {@code leaseUntil}, so that no other recheck sends it
     * meanwhile; counts the attempt. Runs in the caller's transaction; answers their ids.
     */
    List<UUID> claimDue(Instant now, int limit, Instant leaseUntil);

    /** A return as the sale it returns lists it. */
    record ReturnSummary(UUID saleId, UUID returnSaleId, String receiptNumber, RefundStatus refundStatus) {}

    /** The returns of these sales, oldest first. */
    List<ReturnSummary> returnsOf(Collection<UUID> saleIds);
}
