package org.storeline.core.transaction;

import java.util.function.Supplier;

/** Runs the work at once, for the use cases' tests: there is no database to open a transaction in. */
public final class InlineTransactions implements Transactions {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
