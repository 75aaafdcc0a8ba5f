package org.storeline.db.channel;

import static org.storeline.db.jooq.Tables.CHANNEL;
import static org.storeline.db.jooq.Tables.WEBHOOK_DELIVERY;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row3;
import org.jooq.impl.DSL;
import org.storeline.core.channel.DeliveryStatus;
import org.storeline.core.channel.DeliveryStatus.Event;
import org.storeline.core.channel.StoredDelivery;
import org.storeline.core.channel.WebhookInbox;
import org.storeline.db.jooq.tables.records.WebhookDeliveryRecord;
import org.storeline.db.postgres.JsonMaps;

/**
 * The inbox on PostgreSQL. Claiming is one statement: the due rows are locked with
 * {@code FOR UPDATE SKIP LOCKED} (so concurrent workers never take the same row and never wait on each
 * other) and leased until {@code now + lease}; a row whose lease ran out is due again.
 */
public final class JooqWebhookInbox implements WebhookInbox {
    /** Why a delivery to an unlinked channel is kept and not imported. */
    static final String KEPT_UNLINKED = "kept, not imported: its channel is unlinked (link the store again and import"
            + " its orders with POST /api/v1/channels/{id}/import)";

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

    /**
     * Commits the delivery's row on its own, synchronously: once this returns, the delivery survives a crash. One
     * statement reads whether the channel is still linked as it writes the row, so a delivery racing an unlink is
     * either queued before it or kept after it, whatever a caller's cache says.
     */
    @Override
    public DeliveryStatus store(StoredDelivery delivery) {
        Field<String> status = DSL.when(CHANNEL.UNLINKED_AT.isNull(), DSL.inline(DeliveryStatus.PENDING.wireName()))
                .otherwise(DSL.inline(DeliveryStatus.FAILED.wireName()));
        Field<String> error = DSL.when(CHANNEL.UNLINKED_AT.isNull(), DSL.castNull(String.class))
                .otherwise(DSL.inline(KEPT_UNLINKED));
        return receiving
                .insertInto(
                        WEBHOOK_DELIVERY,
                        WEBHOOK_DELIVERY.ID,
                        WEBHOOK_DELIVERY.CHANNEL_ID,
                        WEBHOOK_DELIVERY.RECEIVED_AT,
                        WEBHOOK_DELIVERY.HEADERS,
                        WEBHOOK_DELIVERY.QUERY,
                        WEBHOOK_DELIVERY.BODY,
                        WEBHOOK_DELIVERY.STATUS,
                        WEBHOOK_DELIVERY.AVAILABLE_AT,
                        WEBHOOK_DELIVERY.LAST_ERROR)
                .select(DSL.select(
                                DSL.val(delivery.id()),
                                CHANNEL.ID,
                                DSL.val(toDb(delivery.receivedAt())),
                                DSL.val(JsonMaps.toJsonb(delivery.headers())),
                                DSL.val(JsonMaps.toJsonb(delivery.query())),
                                DSL.val(delivery.body()),
                                status,
                                DSL.val(toDb(delivery.receivedAt())),
                                error)
                        .from(CHANNEL)
                        .where(CHANNEL.ID.eq(delivery.channelId())))
                .returning(WEBHOOK_DELIVERY.STATUS)
                .fetchOptional(WEBHOOK_DELIVERY.STATUS)
                .map(DeliveryStatus::fromWire)
                .orElseThrow(() -> new IllegalStateException("No channel " + delivery.channelId()));
    }

    @Override
    public List<StoredDelivery> claim(int limit, Duration lease, Instant now) {
        var due = dsl.select(WEBHOOK_DELIVERY.ID)
                .from(WEBHOOK_DELIVERY)
                .where(is(DeliveryStatus.PENDING)
                        .and(WEBHOOK_DELIVERY.AVAILABLE_AT.le(toDb(now)))
                        .or(is(DeliveryStatus.PROCESSING).and(WEBHOOK_DELIVERY.LOCKED_UNTIL.lt(toDb(now)))))
                .orderBy(WEBHOOK_DELIVERY.AVAILABLE_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return dsl
                .update(WEBHOOK_DELIVERY)
                .set(
                        WEBHOOK_DELIVERY.STATUS,
                        DeliveryStatus.PENDING.on(Event.CLAIM).wireName())
                .set(WEBHOOK_DELIVERY.LOCKED_UNTIL, toDb(now.plus(lease)))
                .set(WEBHOOK_DELIVERY.ATTEMPTS, WEBHOOK_DELIVERY.ATTEMPTS.plus(1))
                .where(WEBHOOK_DELIVERY.ID.in(due))
                .returning()
                .fetch()
                .stream()
                .sorted(Comparator.comparing(WebhookDeliveryRecord::getReceivedAt))
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
                .map(f -> DSL.row(
                        f.deliveryId(),
                        DeliveryStatus.PROCESSING
                                .on(f.ignored() ? Event.IGNORE : Event.FINISH)
                                .wireName(),
                        f.externalOrderId().orElse(null)))
                .toArray(Row3[]::new);
        @SuppressWarnings("unchecked")
        var done = DSL.values((Row3<UUID, String, String>[]) rows).as("done", "id", "status", "order_id");
        dsl.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.STATUS, done.field("status", String.class))
                .set(WEBHOOK_DELIVERY.PROCESSED_AT, toDb(at))
                .set(WEBHOOK_DELIVERY.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(WEBHOOK_DELIVERY.EXTERNAL_ORDER_ID, done.field("order_id", String.class))
                .set(WEBHOOK_DELIVERY.LAST_ERROR, (String) null)
                .from(done)
                .where(WEBHOOK_DELIVERY
                        .ID
                        .eq(done.field("id", UUID.class))
                        .and(isIn(DeliveryStatus.from(Event.FINISH))))
                .execute();
    }

    @Override
    public void fail(UUID deliveryId, String error, Optional<Instant> retryAt) {
        dsl.update(WEBHOOK_DELIVERY)
                .set(
                        WEBHOOK_DELIVERY.STATUS,
                        DeliveryStatus.PROCESSING
                                .on(retryAt.isPresent() ? Event.RETRY_LATER : Event.GIVE_UP)
                                .wireName())
                .set(
                        WEBHOOK_DELIVERY.AVAILABLE_AT,
                        retryAt.<Field<OffsetDateTime>>map(t -> DSL.val(toDb(t)))
                                .orElse(DSL.currentOffsetDateTime()))
                .set(WEBHOOK_DELIVERY.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(WEBHOOK_DELIVERY.LAST_ERROR, error.length() > 2000 ? error.substring(0, 2000) : error)
                .where(WEBHOOK_DELIVERY.ID.eq(deliveryId).and(isIn(DeliveryStatus.from(Event.GIVE_UP))))
                .execute();
    }

    @Override
    public Optional<StoredDelivery> find(UUID deliveryId) {
        return dsl.selectFrom(WEBHOOK_DELIVERY)
                .where(WEBHOOK_DELIVERY.ID.eq(deliveryId))
                .fetchOptional()
                .map(JooqWebhookInbox::toDelivery);
    }

    @Override
    public void requeue(UUID deliveryId, Instant now) {
        dsl.update(WEBHOOK_DELIVERY)
                .set(
                        WEBHOOK_DELIVERY.STATUS,
                        DeliveryStatus.FAILED.on(Event.REQUEUE).wireName())
                .set(WEBHOOK_DELIVERY.AVAILABLE_AT, toDb(now))
                .set(WEBHOOK_DELIVERY.LOCKED_UNTIL, (OffsetDateTime) null)
                .where(WEBHOOK_DELIVERY.ID.eq(deliveryId).and(isIn(DeliveryStatus.from(Event.REQUEUE))))
                .execute();
    }

    @Override
    public Optional<Instant> oldestPending(UUID channelId) {
        return dsl.select(DSL.min(WEBHOOK_DELIVERY.RECEIVED_AT))
                .from(WEBHOOK_DELIVERY)
                .where(WEBHOOK_DELIVERY.CHANNEL_ID.eq(channelId).and(isIn(DeliveryStatus.WAITING)))
                .fetchOptional(0, OffsetDateTime.class)
                .map(t -> t.toInstant());
    }

    private static Condition is(DeliveryStatus status) {
        return WEBHOOK_DELIVERY.STATUS.eq(status.wireName());
    }

    private static Condition isIn(Set<DeliveryStatus> statuses) {
        return WEBHOOK_DELIVERY.STATUS.in(
                statuses.stream().map(DeliveryStatus::wireName).toList());
    }

    private static StoredDelivery toDelivery(WebhookDeliveryRecord row) {
        return new StoredDelivery(
                row.getId(),
                row.getChannelId(),
                fromDb(row.getReceivedAt()),
                JsonMaps.fromJsonb(row.getHeaders()),
                JsonMaps.fromJsonb(row.getQuery()),
                row.getBody(),
                row.getAttempts());
    }
}
