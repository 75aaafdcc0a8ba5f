package org.storeline.db.channel;

import static org.storeline.db.jooq.Tables.WEBHOOK_DELIVERY;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.storeline.core.channel.StoredDelivery;
import org.storeline.core.channel.WebhookInbox;
import org.storeline.db.jooq.tables.records.WebhookDeliveryRecord;
import org.storeline.db.postgres.PropertiesText;

/**
 * The inbox on PostgreSQL. Claiming is one statement: the due rows are locked with
 * {@code FOR UPDATE SKIP LOCKED} (so concurrent workers never take the same row and never wait on each
 * other) and leased until {@code now + lease}; a row whose lease ran out is due again.
 */
public final class JooqWebhookInbox implements WebhookInbox {
    private final DSLContext dsl;
    private final DSLContext unsynced;

    /** {@code unsynced}: statements whose commit does not wait for the WAL ({@code Database.unsyncedDsl()}). */
    public JooqWebhookInbox(DSLContext dsl, DSLContext unsynced) {
        this.dsl = dsl;
        this.unsynced = unsynced;
    }

    @Override
    public void store(StoredDelivery delivery) {
        insert(dsl, delivery).execute();
    }

    /**
     * Stores a delivery without waiting for PostgreSQL's WAL to reach the disk: the row is visible to every
     * worker at once, and the caller makes it durable itself ({@link JournaledWebhookInbox}).
     */
    public void storeUnsynced(StoredDelivery delivery) {
        insert(unsynced, delivery).execute();
    }

    /**
     * Makes these deliveries durable in PostgreSQL, in one transaction that commits synchronously: it stores
     * those whose rows are missing (a PostgreSQL that restarted lost its unsynced commits) and its commit puts
     * every earlier commit, the present rows' included, on disk. If PostgreSQL restarts in between, the commit
     * fails and nothing is taken for durable. A delivery PostgreSQL refuses for its content (an integrity error)
     * goes to {@code refused} and the rest carry on. Returns the deliveries that were missing and stored.
     */
    public List<StoredDelivery> storeDurably(Collection<StoredDelivery> deliveries, BiConsumer<StoredDelivery, DataAccessException> refused) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            t.execute("set local synchronous_commit = on");
            Set<UUID> present = new HashSet<>(t.select(WEBHOOK_DELIVERY.ID).from(WEBHOOK_DELIVERY)
                    .where(WEBHOOK_DELIVERY.ID.in(deliveries.stream().map(StoredDelivery::id).toList())).fetch(WEBHOOK_DELIVERY.ID));
            List<StoredDelivery> stored = new ArrayList<>();
            for (StoredDelivery delivery : deliveries) {
                if (!present.contains(delivery.id()) && storeInSavepoint(t, delivery, refused)) {
                    stored.add(delivery);
                }
            }
            // An id for the transaction, so that its commit is a WAL record that must reach the disk.
            t.fetch("select pg_current_xact_id()");
            return stored;
        });
    }

    private static boolean storeInSavepoint(DSLContext t, StoredDelivery delivery, BiConsumer<StoredDelivery, DataAccessException> refused) {
        try {
            return t.transactionResult(savepoint -> insert(savepoint.dsl(), delivery).onConflictDoNothing().execute()) == 1;
        } catch (DataAccessException e) {
            if (e.sqlState() == null || !e.sqlState().startsWith("23")) {
                throw e;
            }
            refused.accept(delivery, e);
            return false;
        }
    }

    private static org.jooq.InsertSetMoreStep<WebhookDeliveryRecord> insert(DSLContext dsl, StoredDelivery delivery) {
        return dsl.insertInto(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.ID, delivery.id())
                .set(WEBHOOK_DELIVERY.CHANNEL_ID, delivery.channelId())
                .set(WEBHOOK_DELIVERY.RECEIVED_AT, toDb(delivery.receivedAt()))
                .set(WEBHOOK_DELIVERY.HEADERS, PropertiesText.encode(delivery.headers()))
                .set(WEBHOOK_DELIVERY.QUERY, PropertiesText.encode(delivery.query()))
                .set(WEBHOOK_DELIVERY.BODY, delivery.body())
                .set(WEBHOOK_DELIVERY.STATUS, "pending")
                .set(WEBHOOK_DELIVERY.AVAILABLE_AT, toDb(delivery.receivedAt()));
    }

    @Override
    public List<StoredDelivery> claim(int limit, Duration lease, Instant now) {
        var due = dsl.select(WEBHOOK_DELIVERY.ID).from(WEBHOOK_DELIVERY)
                .where(WEBHOOK_DELIVERY.STATUS.eq("pending").and(WEBHOOK_DELIVERY.AVAILABLE_AT.le(toDb(now)))
                        .or(WEBHOOK_DELIVERY.STATUS.eq("processing").and(WEBHOOK_DELIVERY.LOCKED_UNTIL.lt(toDb(now)))))
                .orderBy(WEBHOOK_DELIVERY.AVAILABLE_AT)
                .limit(limit)
                .forUpdate().skipLocked();
        return dsl.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.STATUS, "processing")
                .set(WEBHOOK_DELIVERY.LOCKED_UNTIL, toDb(now.plus(lease)))
                .set(WEBHOOK_DELIVERY.ATTEMPTS, WEBHOOK_DELIVERY.ATTEMPTS.plus(1))
                .where(WEBHOOK_DELIVERY.ID.in(due))
                .returning()
                .fetch()
                .stream()
                .sorted(java.util.Comparator.comparing(WebhookDeliveryRecord::getReceivedAt))
                .map(JooqWebhookInbox::toDelivery)
                .toList();
    }

    /** One statement for the whole batch: an UPDATE joined to the (id, order id) pairs. */
    @Override
    public void finish(List<Finished> finished, Instant at) {
        if (finished.isEmpty()) {
            return;
        }
        var rows = finished.stream()
                .map(f -> DSL.row(f.deliveryId(), f.ignored() ? "ignored" : "done", f.externalOrderId().orElse(null)))
                .toArray(org.jooq.Row3[]::new);
        @SuppressWarnings("unchecked")
        var done = DSL.values((org.jooq.Row3<UUID, String, String>[]) rows).as("done", "id", "status", "order_id");
        dsl.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.STATUS, done.field("status", String.class))
                .set(WEBHOOK_DELIVERY.PROCESSED_AT, toDb(at))
                .set(WEBHOOK_DELIVERY.LOCKED_UNTIL, (java.time.OffsetDateTime) null)
                .set(WEBHOOK_DELIVERY.EXTERNAL_ORDER_ID, done.field("order_id", String.class))
                .set(WEBHOOK_DELIVERY.LAST_ERROR, (String) null)
                .from(done)
                .where(WEBHOOK_DELIVERY.ID.eq(done.field("id", UUID.class)))
                .execute();
    }

    @Override
    public void fail(UUID deliveryId, String error, Optional<Instant> retryAt) {
        dsl.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.STATUS, retryAt.isPresent() ? "pending" : "failed")
                .set(WEBHOOK_DELIVERY.AVAILABLE_AT, retryAt.<org.jooq.Field<java.time.OffsetDateTime>>map(t -> DSL.val(toDb(t)))
                        .orElse(DSL.currentOffsetDateTime()))
                .set(WEBHOOK_DELIVERY.LOCKED_UNTIL, (java.time.OffsetDateTime) null)
                .set(WEBHOOK_DELIVERY.LAST_ERROR, error.length() > 2000 ? error.substring(0, 2000) : error)
                .where(WEBHOOK_DELIVERY.ID.eq(deliveryId))
                .execute();
    }

    @Override
    public Optional<StoredDelivery> find(UUID deliveryId) {
        return dsl.selectFrom(WEBHOOK_DELIVERY).where(WEBHOOK_DELIVERY.ID.eq(deliveryId)).fetchOptional().map(JooqWebhookInbox::toDelivery);
    }

    @Override
    public void requeue(UUID deliveryId, Instant now) {
        dsl.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.STATUS, "pending")
                .set(WEBHOOK_DELIVERY.AVAILABLE_AT, toDb(now))
                .set(WEBHOOK_DELIVERY.LOCKED_UNTIL, (java.time.OffsetDateTime) null)
                .where(WEBHOOK_DELIVERY.ID.eq(deliveryId))
                .execute();
    }

    @Override
    public Optional<Instant> oldestPending(UUID channelId) {
        return dsl.select(DSL.min(WEBHOOK_DELIVERY.RECEIVED_AT)).from(WEBHOOK_DELIVERY)
                .where(WEBHOOK_DELIVERY.CHANNEL_ID.eq(channelId).and(WEBHOOK_DELIVERY.STATUS.in("pending", "processing")))
                .fetchOptional(0, java.time.OffsetDateTime.class).map(t -> t.toInstant());
    }

    private static StoredDelivery toDelivery(WebhookDeliveryRecord row) {
        return new StoredDelivery(row.getId(), row.getChannelId(), fromDb(row.getReceivedAt()), PropertiesText.decode(row.getHeaders()),
                PropertiesText.decode(row.getQuery()), row.getBody(), row.getAttempts());
    }
}
