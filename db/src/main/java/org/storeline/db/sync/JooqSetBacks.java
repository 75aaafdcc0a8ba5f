package org.storeline.db.sync;

import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.storeline.core.sync.SetBacks;
import org.storeline.core.sync.SyncKind;

/**
 * Stock set-backs (table {@code stock_set_back}) and the stock pushes waiting in {@code sync_task}, on PostgreSQL. Only
 * a waiting (pending) push is on its way: it reads our level when it is sent, after the change the platform reported;
 * one in flight may have read it, and landed, before that change.
 */
public final class JooqSetBacks implements SetBacks {
    /** Set-backs are counted over an hour: a day's are kept, older ones deleted as new ones are written. */
    private static final Duration KEPT = Duration.ofDays(1);

    private final DSLContext dsl;

    public JooqSetBacks(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public int countSince(UUID channelId, UUID productId, Instant since) {
        Integer count = dsl.fetchOne(
                        "select count(*)::int from stock_set_back"
                                + " where channel_id = ? and product_id = ? and set_back_at >= ?::timestamptz",
                        channelId,
                        productId,
                        toDb(since))
                .get(0, Integer.class);
        return count == null ? 0 : count;
    }

    @Override
    public void record(UUID channelId, UUID productId, Instant at) {
        dsl.execute(
                "delete from stock_set_back where channel_id = ? and product_id = ? and set_back_at < ?::timestamptz",
                channelId,
                productId,
                toDb(at.minus(KEPT)));
        dsl.execute(
                "insert into stock_set_back (channel_id, product_id, set_back_at) values (?, ?, ?::timestamptz)",
                channelId,
                productId,
                toDb(at));
    }

    @Override
    public Set<UUID> pushesOnTheirWay(UUID channelId, Collection<UUID> productIds) {
        Set<UUID> waiting = new HashSet<>();
        if (productIds.isEmpty()) {
            return waiting;
        }
        dsl.fetch(
                        "select distinct product_id from sync_task where channel_id = ? and kind = ?"
                                + " and state = 'pending' and product_id = any(?::uuid[])",
                        channelId,
                        SyncKind.STOCK.wireName(),
                        productIds.toArray(UUID[]::new))
                .forEach(r -> waiting.add(r.get(0, UUID.class)));
        return waiting;
    }
}
