package org.storeline.core.transaction;

import java.util.function.Supplier;

/**
 * Port: runs a unit of work in one database transaction. Repositories called inside {@code work}
 * join that transaction; an exception rolls it back and propagates unchanged.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
