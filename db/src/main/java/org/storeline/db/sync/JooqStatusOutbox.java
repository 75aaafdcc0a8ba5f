package org.storeline.db.sync;

import static org.storeline.db.jooq.Tables.SYNC_STATUS_CURSOR;
import static org.storeline.db.jooq.Tables.SYNC_TASK;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.storeline.core.ids.Ids;
import org.storeline.core.sync.StatusOutbox;
import org.storeline.core.sync.SyncKind;
import org.storeline.core.sync.SyncTaskState;

/**
 * Status tasks and the status reader's cursor on PostgreSQL. Status tasks are inserted in the order given (their
 * {@code seq} orders a sale's changes); packed, fulfilled, paid and cancelled are unique per channel and sale
 * ({@code sync_task_status_once}), so a repeated one is dropped by {@code ON CONFLICT DO NOTHING}.
 */
public final class JooqStatusOutbox implements StatusOutbox {
    private static final short CURSOR = 1;

    private final DSLContext dsl;

    public JooqStatusOutbox(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public long lockCursor() {
        return dsl.select(SYNC_STATUS_CURSOR.POSITION)
                .from(SYNC_STATUS_CURSOR)
                .where(SYNC_STATUS_CURSOR.ID.eq(CURSOR))
                .forUpdate()
                .fetchSingle(SYNC_STATUS_CURSOR.POSITION);
    }

    @Override
    public void moveCursor(long position, Instant at) {
        dsl.update(SYNC_STATUS_CURSOR)
                .set(SYNC_STATUS_CURSOR.POSITION, position)
                .set(SYNC_STATUS_CURSOR.UPDATED_AT, toDb(at))
                .where(SYNC_STATUS_CURSOR.ID.eq(CURSOR))
                .execute();
    }

    @Override
    public void add(List<NewStatus> changes, Instant at) {
        if (changes.isEmpty()) {
            return;
        }
        // One by one, in order: each takes the next seq, and a duplicate is dropped on its own.
        for (NewStatus status : changes) {
            dsl.insertInto(SYNC_TASK)
                    .set(SYNC_TASK.ID, Ids.newId())
                    .set(SYNC_TASK.CHANNEL_ID, status.channelId())
                    .set(SYNC_TASK.KIND, SyncKind.STATUS.wireName())
                    .set(SYNC_TASK.SALE_ID, status.saleId())
                    .set(SYNC_TASK.STATUS_KIND, status.change().kind().name().toLowerCase(Locale.ROOT))
                    .set(SYNC_TASK.STATUS_CHANGE, SyncTaskRows.json(status.change()))
                    .set(SYNC_TASK.STATE, SyncTaskState.PENDING.wireName())
                    .set(SYNC_TASK.ATTEMPTS, 0)
                    .set(SYNC_TASK.NEXT_ATTEMPT_AT, toDb(at))
                    .set(SYNC_TASK.CREATED_AT, toDb(at))
                    .set(SYNC_TASK.UPDATED_AT, toDb(at))
                    .onConflictDoNothing()
                    .execute();
        }
        dsl.execute("select pg_notify(?, '')", JooqSyncOutbox.CHANNEL);
    }
}
