package org.storeline.db.statussync;

import static org.storeline.db.jooq.Tables.CHANNEL;
import static org.storeline.db.jooq.Tables.CHANNEL_ORDER;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.storeline.core.channel.OrderProgress;
import org.storeline.core.statussync.StatusSyncRepository;
import org.storeline.db.jooq.tables.records.ChannelOrderRecord;

/** The due state of imported orders, kept on their import rows ({@code channel_order.progress_*}). */
public final class JooqStatusSyncRepository implements StatusSyncRepository {
    private final DSLContext dsl;

    public JooqStatusSyncRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void recordDue(
            UUID channelId,
            String externalOrderId,
            Instant platformUpdatedAt,
            OrderProgress progress,
            Optional<UUID> paymentTypeId,
            Optional<UUID> deliveryId) {
        dsl.update(CHANNEL_ORDER)
                .set(CHANNEL_ORDER.PROGRESS_PAYMENT, wire(progress.payment()))
                .set(CHANNEL_ORDER.PROGRESS_FULFILLMENT, wire(progress.fulfillment()))
                .set(CHANNEL_ORDER.PROGRESS_PAYMENT_TYPE_ID, paymentTypeId.orElse(null))
                .set(CHANNEL_ORDER.PROGRESS_DELIVERY_ID, deliveryId.orElse(null))
                .set(CHANNEL_ORDER.PROGRESS_DUE, true)
                .where(order(channelId, externalOrderId))
                // Only the version recorded as the newest: an older one that lost the race records nothing.
                .and(CHANNEL_ORDER.PLATFORM_UPDATED_AT.eq(toDb(platformUpdatedAt)))
                .execute();
    }

    @Override
    public Optional<Due> lockDue(UUID channelId, String externalOrderId) {
        return dsl.selectFrom(CHANNEL_ORDER)
                .where(order(channelId, externalOrderId))
                .forUpdate()
                .fetchOptional()
                .filter(ChannelOrderRecord::getProgressDue)
                .map(JooqStatusSyncRepository::due);
    }

    @Override
    public void markApplied(UUID channelId, String externalOrderId) {
        dsl.update(CHANNEL_ORDER)
                .set(CHANNEL_ORDER.PROGRESS_DUE, false)
                .where(order(channelId, externalOrderId))
                .execute();
    }

    @Override
    public List<String> dueOrders(UUID channelId, int limit) {
        return dsl.select(CHANNEL_ORDER.EXTERNAL_ORDER_ID)
                .from(CHANNEL_ORDER)
                .where(CHANNEL_ORDER.STORE_ID.eq(storeOf(channelId)).and(CHANNEL_ORDER.PROGRESS_DUE))
                .orderBy(CHANNEL_ORDER.PLATFORM_UPDATED_AT)
                .limit(limit)
                .fetch(CHANNEL_ORDER.EXTERNAL_ORDER_ID);
    }

    private static Condition order(UUID channelId, String externalOrderId) {
        return CHANNEL_ORDER.STORE_ID.eq(storeOf(channelId)).and(CHANNEL_ORDER.EXTERNAL_ORDER_ID.eq(externalOrderId));
    }

    /**
     * Import rows are keyed by the store, not the channel: a channel that links a store again continues the orders
     * an earlier channel of it imported.
     */
    private static Field<UUID> storeOf(UUID channelId) {
        return DSL.select(CHANNEL.STORE_ID)
                .from(CHANNEL)
                .where(CHANNEL.ID.eq(channelId))
                .asField();
    }

    private static Due due(ChannelOrderRecord r) {
        return new Due(
                r.getExternalOrderId(),
                r.getSaleId(),
                r.getPlatformUpdatedAt().toInstant(),
                r.getPlatformStatus(),
                new OrderProgress(
                        OrderProgress.Payment.valueOf(r.getProgressPayment().toUpperCase(Locale.ROOT)),
                        OrderProgress.Fulfillment.valueOf(
                                r.getProgressFulfillment().toUpperCase(Locale.ROOT))),
                Optional.ofNullable(r.getProgressPaymentTypeId()),
                Optional.ofNullable(r.getProgressDeliveryId()));
    }

    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
