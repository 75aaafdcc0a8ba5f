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
        return translated(() -> dsl.transactionResult(work::get));
    }

    /** REPEATABLE READ in PostgreSQL takes one snapshot at the first query; READ ONLY refuses a stray write. */
    @Override
    public <T> T inSnapshot(Supplier<T> reads) {
        return translated(() -> dsl.transactionResult(configuration -> {
            configuration.dsl().execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            return reads.get();
        }));
    }

    private static <T> T translated(Supplier<T> transaction) {
        try {
            return transaction.get();
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
