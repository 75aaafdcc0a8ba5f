package org.storeline.core.transaction;

import java.util.function.Supplier;

/**
 * Port: runs a unit of work in one database transaction. Repositories called inside {@code work}
 * join that transaction; an exception rolls it back and propagates unchanged.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs reads that make one answer (a sale with its payments and its refund, say) against one snapshot of the
     * database, so that a write committed between two of them cannot show half of itself: a refund already done
     * beside payments not yet given back. Read-only; by default, an ordinary transaction.
     */
    default <T> T inSnapshot(Supplier<T> reads) {
        return inTransaction(reads);
    }

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
