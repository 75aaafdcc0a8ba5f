package org.storeline.db.channel;

import static org.storeline.db.jooq.Tables.WEBHOOK_DELIVERY;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
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
    private final DSLContext receiving;

    /**
     * {@code receiving}: the connections reserved for storing deliveries ({@code Database.receivingDsl()}), so that
     * storing one never waits for a connection held by an import.
     */
    public JooqWebhookInbox(DSLContext dsl, DSLContext receiving) {
        this.dsl = dsl;
        this.receiving = receiving;
    }

    /** Commits the delivery's row on its own, synchronously: once this returns, the delivery survives a crash. */
    @Override
    public void store(StoredDelivery delivery) {
        insert(receiving, delivery).execute();
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
