package org.storeline.db.sync;

import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import org.jooq.DSLContext;
import org.storeline.core.sync.SyncKind;
import org.storeline.core.sync.SyncOutbox;

/**
 * Schedules stock and price tasks on PostgreSQL, in the caller's transaction, one statement per call however many
 * products and channels: an INSERT ... SELECT over the channels that link the outlets (stock), every channel (prices)
 * or one channel (a level set back), which merges into a task already waiting for the same channel and product
 * ({@code ON CONFLICT DO NOTHING} on the partial unique index {@code sync_task_waiting}: the waiting task will read the
 * latest value when it is sent). A change of a channel's outlets schedules that channel's level of every product it may
 * change, and a new channel's of every product stocked at its outlets, likewise in one statement. When it wrote a
 * task, the same statement sends a NOTIFY on {@link #CHANNEL}, delivered at commit, which wakes the sync workers of
 * every process at once rather than at their next poll.
 */
public final class JooqSyncOutbox implements SyncOutbox {
    /** The NOTIFY channel that tells the sync workers a task was written. */
    public static final String CHANNEL = "storeline_sync";

    private static final String SCHEDULE = """
            with scheduled as (
              insert into sync_task (id, channel_id, kind, product_id, state, attempts, next_attempt_at, created_at,
                                     updated_at)
              select gen_random_uuid(), c.channel_id, ?, p.product_id, 'pending', 0, ?::timestamptz, ?::timestamptz,
                     ?::timestamptz
              from (%s) c cross join unnest(?::uuid[]) as p (product_id)
              on conflict (channel_id, kind, product_id) where state = 'pending' and kind in ('stock', 'price')
              do nothing
              returning 1
            )
            select pg_notify('%s', '') where exists (select 1 from scheduled)
            """;

    // Linked channels only: an unlinked one keeps its history but is sent nothing more.
    private static final String LINKING = "select distinct co.channel_id from channel_outlet co"
            + " join channel ch on ch.id = co.channel_id"
            + " where ch.unlinked_at is null and co.outlet_id = any(?::uuid[])";
    private static final String ONE_CHANNEL =
            "select id as channel_id from channel where unlinked_at is null and id = ?::uuid";
    private static final String EVERY_CHANNEL = "select id as channel_id from channel where unlinked_at is null";

    /**
     * Schedules the level of some products on one linked channel (parameters: kind, three times now, the products'
     * own, the channel), merged into a push already waiting; NOTIFY when anything was scheduled. {@code %1$s} selects
     * the products' ids as {@code product_id}.
     */
    private static final String LEVELS_OF = """
            with scheduled as (
              insert into sync_task (id, channel_id, kind, product_id, state, attempts, next_attempt_at, created_at,
                                     updated_at)
              select gen_random_uuid(), ch.id, ?, p.product_id, 'pending', 0, ?::timestamptz, ?::timestamptz,
                     ?::timestamptz
              from channel ch cross join (%1$s) p
              where ch.id = ?::uuid and ch.unlinked_at is null
              on conflict (channel_id, kind, product_id) where state = 'pending' and kind in ('stock', 'price')
              do nothing
              returning 1
            )
            select pg_notify('%2$s', '') where exists (select 1 from scheduled)
            """;

    // A channel's outlets changed: its level of every product with stock at the outlets (before and after) or listed
    // on it. A zero at an outlet changes no sum; a listing is pushed whatever it held, so the store shows our level.
    private static final String RELEVELLED = LEVELS_OF.formatted("""
            select s.product_id from stock_level s where s.outlet_id = any(?::uuid[]) and s.quantity <> 0
            union
            select l.product_id from channel_listing l where l.channel_id = ?::uuid and l.found""", CHANNEL);

    // A channel was linked: its level of every product with a stock level at one of its outlets, zero included (the
    // store shows a level of its own, not a sum of ours), or listed on it (a store linked again starts with the
    // listings of its previous channel: one stocked only at outlets it no longer links is sent its zero).
    private static final String LINKED = LEVELS_OF.formatted("""
            select s.product_id from stock_level s
            join channel_outlet co on co.outlet_id = s.outlet_id
            where co.channel_id = ?::uuid
            union
            select l.product_id from channel_listing l where l.channel_id = ?::uuid and l.found""", CHANNEL);

    private final DSLContext dsl;
    private final Clock clock;

    public JooqSyncOutbox(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public void stockChanged(Collection<UUID> productIds, Collection<UUID> outletIds) {
        if (productIds.isEmpty() || outletIds.isEmpty()) {
            return;
        }
        OffsetDateTime now = toDb(clock.instant());
        dsl.fetch(
                SCHEDULE.formatted(LINKING, CHANNEL),
                SyncKind.STOCK.wireName(),
                now,
                now,
                now,
                outletIds.toArray(UUID[]::new),
                productIds.toArray(UUID[]::new));
    }

    @Override
    public void stockChangedOn(UUID channelId, Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return;
        }
        OffsetDateTime now = toDb(clock.instant());
        dsl.fetch(
                SCHEDULE.formatted(ONE_CHANNEL, CHANNEL),
                SyncKind.STOCK.wireName(),
                now,
                now,
                now,
                channelId,
                productIds.toArray(UUID[]::new));
    }

    @Override
    public void priceChanged(UUID productId) {
        OffsetDateTime now = toDb(clock.instant());
        dsl.fetch(SCHEDULE.formatted(EVERY_CHANNEL, CHANNEL), SyncKind.PRICE.wireName(), now, now, now, new UUID[] {
            productId
        });
    }

    @Override
    public void outletsChanged(UUID channelId, Collection<UUID> outletIds) {
        OffsetDateTime now = toDb(clock.instant());
        dsl.fetch(
                RELEVELLED,
                SyncKind.STOCK.wireName(),
                now,
                now,
                now,
                outletIds.toArray(UUID[]::new),
                channelId,
                channelId);
    }

    @Override
    public void channelLinked(UUID channelId) {
        OffsetDateTime now = toDb(clock.instant());
        dsl.fetch(LINKED, SyncKind.STOCK.wireName(), now, now, now, channelId, channelId, channelId);
    }

    @Override
    public void storeLinkedAgain(UUID storeId, UUID channelId) {
        // Those still to be told: waiting, in flight (the sender that holds one finishes it by its id), or unknown.
        // A refused one stays with the channel whose activity log offers its retry.
        int moved = dsl.execute("""
                update sync_task set channel_id = ?::uuid
                where kind = 'status' and state in ('pending', 'in_flight', 'unknown')
                  and channel_id in (select id from channel where store_id = ?::uuid and unlinked_at is not null)
                """, channelId, storeId);
        if (moved > 0) {
            dsl.execute("select pg_notify(?, '')", CHANNEL);
        }
    }
}
