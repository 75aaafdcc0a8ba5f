package org.storeline.db.postgres;

import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.transaction.Transactions;

/**
 * Runs work in a jOOQ transaction bound to the current thread. A nested call joins the outer
 * transaction through a savepoint. A unique or foreign-key violation that a use case's own checks did
 * not catch (two requests racing) becomes a 409 {@code conflict} instead of a 500.
 */
public final class JooqTransactions implements Transactions {
    private final DSLContext dsl;

    public JooqTransactions(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return dsl.transactionResult(work::get);
        } catch (IntegrityConstraintViolationException e) {
            throw new StorelineException(
                    ErrorCode.CONFLICT,
                    "The change conflicts with data written at the same time; read it again and retry.",
                    e);
        } catch (DataAccessException e) {
            if (e.getCause() instanceof StorelineException domain) {
                throw domain;
            }
            throw e;
        }
    }
}
