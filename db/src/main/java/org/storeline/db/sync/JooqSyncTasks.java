package org.storeline.db.sync;

import static org.storeline.db.jooq.Tables.SYNC_TASK;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.DeleteConditionStep;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.storeline.core.sync.SyncKind;
import org.storeline.core.sync.SyncOutcome;
import org.storeline.core.sync.SyncTask;
import org.storeline.core.sync.SyncTaskState;
import org.storeline.core.sync.SyncTasks;
import org.storeline.db.jooq.tables.records.SyncTaskRecord;

/**
 * The sync outbox's tasks on PostgreSQL. An unlinked channel's tasks are not claimed: its store is no longer ours to
 * change. A claim is one UPDATE of the rows a {@code FOR UPDATE SKIP LOCKED} sub-select
 * picks, so concurrent workers never take the same task and never wait on each other; the lease (owner and expiry) is
 * what lets another worker take over the tasks of one that died. The ordering rules (a product's tasks one at a time,
 * a sale's status changes in order) are conditions of that sub-select.
 */
public final class JooqSyncTasks implements SyncTasks {
    private static final String DUE_CHANNELS = """
            select c.id,
              (select min(t.next_attempt_at) from sync_task t where t.channel_id = c.id
                 and t.state in ('pending', 'unknown') and t.next_attempt_at <= ?::timestamptz) as first_due,
              (select max(t.next_attempt_at) from sync_task t where t.channel_id = c.id
                 and t.state in ('pending', 'unknown') and t.next_attempt_at <= ?::timestamptz) as last_due
            from channel c
            where c.unlinked_at is null
              and (exists (select 1 from sync_task t where t.channel_id = c.id and t.state in ('pending', 'unknown')
                             and t.next_attempt_at <= ?::timestamptz)
                or exists (select 1 from sync_task t where t.channel_id = c.id and t.state = 'in_flight'
                             and t.lease_until < ?::timestamptz))
              and not exists (select 1 from sync_channel_sender s where s.channel_id = c.id and s.holder <> ?
                                and s.lease_until > ?::timestamptz)
            limit ?
            """;

    private static final String CLAIMABLE = """
            select c.id from sync_task c
            where c.channel_id = ?::uuid
              and ((c.state in ('pending', 'unknown') and c.next_attempt_at <= ?::timestamptz)
                   or (c.state = 'in_flight' and c.lease_until < ?::timestamptz))
              and not (c.state = 'pending' and c.kind <> 'status' and exists (
                    select 1 from sync_task f
                    where f.channel_id = c.channel_id and f.kind = c.kind and f.product_id = c.product_id
                      and f.state = 'in_flight' and f.lease_until >= ?::timestamptz))
              and not (c.kind = 'status' and exists (
                    select 1 from sync_task e
                    where e.sale_id = c.sale_id and e.channel_id = c.channel_id and e.kind = 'status'
                      and e.seq < c.seq and e.state in ('pending', 'in_flight', 'unknown')))
            order by c.next_attempt_at, c.seq
            limit ?
            for update skip locked
            """;

    private final DSLContext dsl;
    private final SyncTaskRows rows = new SyncTaskRows();

    public JooqSyncTasks(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<DueWork> channelsWithDueWork(Instant now, String sender, int limit) {
        OffsetDateTime at = toDb(now);
        return dsl.fetch(DUE_CHANNELS, at, at, at, at, sender, at, limit)
                .map(r -> new DueWork(
                        r.get(0, UUID.class),
                        dueAt(r.get(1, OffsetDateTime.class)),
                        dueAt(r.get(2, OffsetDateTime.class))));
    }

    /** None pending: the channel's due work is claims whose lease ran out, due since long ago. */
    private static Instant dueAt(OffsetDateTime at) {
        return at == null ? Instant.EPOCH : fromDb(at);
    }

    @Override
    public List<SyncTask> claim(UUID channelId, String owner, Instant now, Duration lease, int limit) {
        OffsetDateTime at = toDb(now);
        List<UUID> ids = dsl.fetch(CLAIMABLE, channelId, at, at, at, limit).map(r -> r.get(0, UUID.class));
        if (ids.isEmpty()) {
            return List.of();
        }
        return dsl
                .update(SYNC_TASK)
                .set(SYNC_TASK.STATE, SyncTaskState.IN_FLIGHT.wireName())
                .set(SYNC_TASK.LEASE_OWNER, owner)
                .set(SYNC_TASK.LEASE_UNTIL, toDb(now.plus(lease)))
                .set(SYNC_TASK.ATTEMPTS, SYNC_TASK.ATTEMPTS.plus(1))
                .set(SYNC_TASK.UPDATED_AT, at)
                .where(SYNC_TASK.ID.in(ids))
                .returning()
                .fetch()
                .stream()
                .sorted(Comparator.comparing(SyncTaskRecord::getSeq))
                .map(rows::toTask)
                .toList();
    }

    @Override
    public void finish(String owner, List<Finished> finished, Instant now) {
        List<UUID> removed = new ArrayList<>();
        List<Finished> again = new ArrayList<>();
        for (Finished f : finished) {
            SyncTask task = f.task();
            SyncTaskState next = task.after(f.outcome());
            boolean coalesces = task.kind().coalesces();
            if (coalesces && next == SyncTaskState.DONE) {
                removed.add(task.id());
            } else if (coalesces && next == SyncTaskState.PENDING) {
                again.add(f);
            } else {
                update(owner, task, next, f.outcome(), now);
            }
        }
        if (!removed.isEmpty()) {
            held(owner, removed).execute();
        }
        if (!again.isEmpty()) {
            dueAgain(owner, again, now);
        }
    }

    private DeleteConditionStep<SyncTaskRecord> held(String owner, Collection<UUID> ids) {
        return dsl.deleteFrom(SYNC_TASK)
                .where(SYNC_TASK.ID.in(ids))
                .and(SYNC_TASK.STATE.eq(SyncTaskState.IN_FLIGHT.wireName()))
                .and(SYNC_TASK.LEASE_OWNER.eq(owner));
    }

    /** A status task, or a stock or price task refused: its row changes in place. */
    private void update(String owner, SyncTask task, SyncTaskState next, SyncOutcome outcome, Instant now) {
        var update = dsl.update(SYNC_TASK)
                .set(SYNC_TASK.STATE, next.wireName())
                .set(SYNC_TASK.LEASE_OWNER, (String) null)
                .set(SYNC_TASK.LEASE_UNTIL, (OffsetDateTime) null)
                .set(SYNC_TASK.LAST_OUTCOME, next.wireName())
                .set(SYNC_TASK.LAST_ERROR, reason(outcome).orElse(null))
                .set(SYNC_TASK.UPDATED_AT, toDb(now));
        switch (outcome) {
            case SyncOutcome.Later later -> update.set(SYNC_TASK.NEXT_ATTEMPT_AT, toDb(later.at()));
            case SyncOutcome.Unknown unknown -> update.set(SYNC_TASK.NEXT_ATTEMPT_AT, toDb(unknown.at()));
            case SyncOutcome.Released released ->
                update.set(SYNC_TASK.NEXT_ATTEMPT_AT, toDb(now)).set(SYNC_TASK.ATTEMPTS, SYNC_TASK.ATTEMPTS.minus(1));
            default -> {}
        }
        update.where(SYNC_TASK.ID.eq(task.id()))
                .and(SYNC_TASK.STATE.eq(SyncTaskState.IN_FLIGHT.wireName()))
                .and(SYNC_TASK.LEASE_OWNER.eq(owner))
                .execute();
    }

    /**
     * Stock and price tasks due again: deleted, then written as waiting, merged (by the same index a scheduler merges
     * on) into a newer task of the same product that waits already; the later due time, the higher attempt count and
     * the first scheduling time win. Deleting first keeps the one-waiting-task index from ever seeing two.
     */
    private void dueAgain(String owner, List<Finished> again, Instant now) {
        Map<UUID, SyncTaskRecord> heldRows = new LinkedHashMap<>();
        held(owner, again.stream().map(f -> f.task().id()).toList())
                .returning()
                .fetch()
                .forEach(r -> heldRows.put(r.getId(), r));
        Map<String, SyncTaskRecord> byProduct = new LinkedHashMap<>();
        for (Finished f : again) {
            SyncTaskRecord row = heldRows.get(f.task().id());
            if (row == null) {
                continue; // its lease ran out and another worker holds it now
            }
            boolean released = f.outcome() instanceof SyncOutcome.Released;
            Instant at = switch (f.outcome()) {
                case SyncOutcome.Later later -> later.at();
                default -> now;
            };
            row.setState(SyncTaskState.PENDING.wireName());
            row.setLeaseOwner(null);
            row.setLeaseUntil(null);
            row.setNextAttemptAt(toDb(at));
            row.setAttempts(released ? Math.max(0, row.getAttempts() - 1) : row.getAttempts());
            row.setLastOutcome(released ? row.getLastOutcome() : SyncTaskState.PENDING.wireName());
            row.setLastError(reason(f.outcome()).orElse(row.getLastError()));
            row.setUpdatedAt(toDb(now));
            byProduct.merge(row.getKind() + "/" + row.getProductId(), row, SyncTaskRows::later);
        }
        for (SyncTaskRecord row : byProduct.values()) {
            rows.insertWaiting(dsl, row);
        }
    }

    private static Optional<String> reason(SyncOutcome outcome) {
        return switch (outcome) {
            case SyncOutcome.Refused refused -> Optional.of(refused.reason());
            case SyncOutcome.Later later -> Optional.of(later.reason());
            case SyncOutcome.Unknown unknown -> Optional.of(unknown.reason());
            case SyncOutcome.Done done -> Optional.empty();
            case SyncOutcome.Released released -> Optional.empty();
        };
    }

    @Override
    public int retryByHand(UUID channelId, Collection<UUID> taskIds, Instant now) {
        if (taskIds.isEmpty()) {
            return 0;
        }
        int retried = 0;
        for (SyncTaskRecord row : dsl.deleteFrom(SYNC_TASK)
                .where(SYNC_TASK.ID.in(taskIds))
                .and(SYNC_TASK.CHANNEL_ID.eq(channelId))
                .and(SYNC_TASK.STATE.eq(SyncTaskState.REFUSED.wireName()))
                .and(SYNC_TASK.KIND.ne(SyncKind.STATUS.wireName()))
                .returning()
                .fetch()) {
            row.setState(
                    SyncTaskState.REFUSED.on(SyncTaskState.Event.RETRY_BY_HAND).wireName());
            row.setNextAttemptAt(toDb(now));
            row.setAttempts(0);
            row.setUpdatedAt(toDb(now));
            rows.insertWaiting(dsl, row);
            retried++;
        }
        retried += dsl.update(SYNC_TASK)
                .set(
                        SYNC_TASK.STATE,
                        SyncTaskState.REFUSED
                                .on(SyncTaskState.Event.RETRY_BY_HAND)
                                .wireName())
                .set(SYNC_TASK.NEXT_ATTEMPT_AT, toDb(now))
                .set(SYNC_TASK.ATTEMPTS, 0)
                .set(SYNC_TASK.UPDATED_AT, toDb(now))
                .where(SYNC_TASK.ID.in(taskIds))
                .and(SYNC_TASK.CHANNEL_ID.eq(channelId))
                .and(SYNC_TASK.STATE.eq(SyncTaskState.REFUSED.wireName()))
                .and(SYNC_TASK.KIND.eq(SyncKind.STATUS.wireName()))
                .execute();
        if (retried > 0) {
            dsl.execute("select pg_notify(?, '')", JooqSyncOutbox.CHANNEL);
        }
        return retried;
    }

    @Override
    public Backlog backlog(UUID channelId) {
        Record2<Integer, OffsetDateTime> row = dsl.select(DSL.count(), DSL.min(SYNC_TASK.CREATED_AT))
                .from(SYNC_TASK)
                .where(SYNC_TASK.CHANNEL_ID.eq(channelId))
                .and(SYNC_TASK.STATE.in(
                        SyncTaskState.PENDING.wireName(),
                        SyncTaskState.IN_FLIGHT.wireName(),
                        SyncTaskState.UNKNOWN.wireName()))
                .fetchSingle();
        return new Backlog(row.value1(), Optional.ofNullable(row.value2()).map(t -> fromDb(t)));
    }

    @Override
    public int deleteDone(Instant before, int limit) {
        // The oldest first, through the partial index sync_task_done; SKIP LOCKED leaves a row another
        // transaction holds for the next run.
        return dsl.execute("""
                delete from sync_task where id in (
                  select id from sync_task where state = 'done' and updated_at < ?::timestamptz
                  order by updated_at limit ? for update skip locked)
                """, toDb(before), limit);
    }
}
