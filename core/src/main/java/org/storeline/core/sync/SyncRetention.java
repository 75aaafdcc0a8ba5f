package org.storeline.core.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.storeline.core.transaction.Transactions;

/**
 * Forgets the sync tasks done longer ago than the retention: a status task is kept once done so that each change is
 * told once, but only the days in which its event could still be read again need it; after that it only grows the
 * table. The activity log keeps what was sent; refused tasks stay, to be retried by hand. Deleted in batches, each in
 * its own short transaction, so that a large backlog never holds locks for long. A cluster job runs it in one process
 * at a time.
 */
public final class SyncRetention {
    /** Rows deleted per transaction. */
    static final int BATCH = 5_000;

    private final SyncTasks tasks;
    private final Transactions tx;
    private final Clock clock;
    private final Duration keep;

    public SyncRetention(SyncTasks tasks, Transactions tx, Clock clock, Duration keep) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("The sync retention must be positive, not " + keep);
        }
        this.tasks = tasks;
        this.tx = tx;
        this.clock = clock;
        this.keep = keep;
    }

    /** Deletes the tasks done before now minus the retention; answers how many. */
    public int prune() {
        Instant before = clock.instant().minus(keep);
        int deleted = 0;
        int batch;
        do {
            batch = tx.inTransaction(() -> tasks.deleteDone(before, BATCH));
            deleted += batch;
        } while (batch == BATCH);
        return deleted;
    }
}
