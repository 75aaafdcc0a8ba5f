package org.storeline.db.channel;

import static org.storeline.db.jooq.Tables.CHANNEL;
import static org.storeline.db.jooq.Tables.CHANNEL_OUTLET;
import static org.storeline.db.jooq.Tables.CHANNEL_SHIPPING_METHOD;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelRepository;
import org.storeline.core.channel.Platform;
import org.storeline.db.crypto.SecretBox;
import org.storeline.db.jooq.tables.records.ChannelRecord;
import org.storeline.db.postgres.JsonMaps;

/** Channels on PostgreSQL; credentials and the webhook secret are sealed with AES-256-GCM before they are written. */
public final class JooqChannelRepository implements ChannelRepository {
    private final DSLContext dsl;
    private final SecretBox box;

    public JooqChannelRepository(DSLContext dsl, SecretBox box) {
        this.dsl = dsl;
        this.box = box;
    }

    @Override
    public void insert(Channel channel) {
        dsl.insertInto(CHANNEL)
                .set(CHANNEL.ID, channel.id())
                .set(CHANNEL.PLATFORM, channel.platform().wireName())
                .set(CHANNEL.NAME, channel.name())
                .set(CHANNEL.BASE_URL, channel.baseUrl().toString())
                .set(CHANNEL.CREDENTIALS, box.encrypt(JsonMaps.toJson(channel.credentials())))
                .set(CHANNEL.WEBHOOK_SECRET, box.encrypt(channel.webhookSecret()))
                .set(CHANNEL.KEY_ID, box.currentKeyId())
                .set(CHANNEL.REGISTER_ID, channel.registerId())
                .set(CHANNEL.NOTIFICATIONS, channel.notifications())
                .set(
                        CHANNEL.CONNECTION_STATUS,
                        channel.connection().status().name().toLowerCase(Locale.ROOT))
                .set(CHANNEL.CONNECTION_DETAIL, channel.connection().detail())
                .set(CHANNEL.CREATED_AT, toDb(channel.createdAt()))
                .set(CHANNEL.STORE_ID, channel.storeId())
                .set(CHANNEL.STORE_IDENTITY, channel.storeIdentity().orElse(null))
                .execute();
        insertFulfillment(channel);
    }

    private void insertFulfillment(Channel channel) {
        int position = 0;
        for (UUID outlet : channel.outletIds()) {
            dsl.insertInto(CHANNEL_OUTLET)
                    .set(CHANNEL_OUTLET.CHANNEL_ID, channel.id())
                    .set(CHANNEL_OUTLET.OUTLET_ID, outlet)
                    .set(CHANNEL_OUTLET.POSITION, position++)
                    .execute();
        }
        channel.shippingMethodOutlets()
                .forEach((method, outlet) -> dsl.insertInto(CHANNEL_SHIPPING_METHOD)
                        .set(CHANNEL_SHIPPING_METHOD.CHANNEL_ID, channel.id())
                        .set(CHANNEL_SHIPPING_METHOD.METHOD_NAME, method)
                        .set(CHANNEL_SHIPPING_METHOD.OUTLET_ID, outlet)
                        .execute());
    }

    @Override
    public Optional<Channel> findById(UUID id) {
        return dsl.selectFrom(CHANNEL).where(CHANNEL.ID.eq(id)).fetchOptional().map(this::toChannel);
    }

    @Override
    public Optional<Channel> findByIdForUpdate(UUID id) {
        return dsl.selectFrom(CHANNEL)
                .where(CHANNEL.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .map(this::toChannel);
    }

    @Override
    public List<Channel> findAll() {
        return dsl.selectFrom(CHANNEL)
                .where(CHANNEL.UNLINKED_AT.isNull())
                .orderBy(CHANNEL.ID)
                .fetch(this::toChannel);
    }

    @Override
    public List<Channel> findUnlinked() {
        return dsl.selectFrom(CHANNEL)
                .where(CHANNEL.UNLINKED_AT.isNotNull())
                .orderBy(CHANNEL.ID)
                .fetch(this::toChannel);
    }

    @Override
    public Optional<Unlinked> lastUnlinked(Platform platform, String storeIdentity) {
        return dsl.select(CHANNEL.ID, CHANNEL.STORE_ID)
                .from(CHANNEL)
                .where(CHANNEL.PLATFORM
                        .eq(platform.wireName())
                        .and(CHANNEL.STORE_IDENTITY.eq(storeIdentity))
                        .and(CHANNEL.UNLINKED_AT.isNotNull()))
                .orderBy(CHANNEL.UNLINKED_AT.desc())
                .limit(1)
                .fetchOptional(r -> new Unlinked(r.value1(), r.value2()));
    }

    @Override
    public boolean updateConnection(UUID channelId, Channel.Connection connection) {
        // Checked in the statement itself: an unlink committed while the platform was being asked wins.
        return dsl.update(CHANNEL)
                        .set(
                                CHANNEL.CONNECTION_STATUS,
                                connection.status().name().toLowerCase(Locale.ROOT))
                        .set(CHANNEL.CONNECTION_DETAIL, connection.detail())
                        .set(
                                CHANNEL.CONNECTION_CHECKED_AT,
                                connection.checkedAt().map(t -> toDb(t)).orElse(null))
                        .where(CHANNEL.ID.eq(channelId).and(CHANNEL.UNLINKED_AT.isNull()))
                        .execute()
                > 0;
    }

    /** Every secret is sealed again with the current key, which the row's key_id then names. */
    @Override
    public void update(Channel channel) {
        dsl.update(CHANNEL)
                .set(CHANNEL.NAME, channel.name())
                .set(CHANNEL.NOTIFICATIONS, channel.notifications())
                .set(CHANNEL.REGISTER_ID, channel.registerId())
                .set(CHANNEL.CREDENTIALS, box.encrypt(JsonMaps.toJson(channel.credentials())))
                .set(CHANNEL.WEBHOOK_SECRET, box.encrypt(channel.webhookSecret()))
                .set(
                        CHANNEL.PREVIOUS_WEBHOOK_SECRET,
                        channel.previousSecret()
                                .map(p -> box.encrypt(p.secret()))
                                .orElse(null))
                .set(
                        CHANNEL.PREVIOUS_SECRET_UNTIL,
                        channel.previousSecret().map(p -> toDb(p.until())).orElse(null))
                .set(CHANNEL.KEY_ID, box.currentKeyId())
                .set(
                        CHANNEL.CONNECTION_STATUS,
                        channel.connection().status().name().toLowerCase(Locale.ROOT))
                .set(CHANNEL.CONNECTION_DETAIL, channel.connection().detail())
                .set(
                        CHANNEL.CONNECTION_CHECKED_AT,
                        channel.connection().checkedAt().map(t -> toDb(t)).orElse(null))
                .set(CHANNEL.STORE_IDENTITY, channel.storeIdentity().orElse(null))
                .set(CHANNEL.UNLINKED_AT, channel.unlinkedAt().map(t -> toDb(t)).orElse(null))
                .where(CHANNEL.ID.eq(channel.id()))
                .execute();
        dsl.deleteFrom(CHANNEL_OUTLET)
                .where(CHANNEL_OUTLET.CHANNEL_ID.eq(channel.id()))
                .execute();
        dsl.deleteFrom(CHANNEL_SHIPPING_METHOD)
                .where(CHANNEL_SHIPPING_METHOD.CHANNEL_ID.eq(channel.id()))
                .execute();
        insertFulfillment(channel);
    }

    @Override
    public void updateReconciledUntil(UUID channelId, Instant until) {
        dsl.update(CHANNEL)
                .set(CHANNEL.RECONCILED_UNTIL, toDb(until))
                .where(CHANNEL.ID.eq(channelId))
                .execute();
    }

    private Channel toChannel(ChannelRecord row) {
        List<UUID> outlets = dsl.select(CHANNEL_OUTLET.OUTLET_ID)
                .from(CHANNEL_OUTLET)
                .where(CHANNEL_OUTLET.CHANNEL_ID.eq(row.getId()))
                .orderBy(CHANNEL_OUTLET.POSITION)
                .fetch(CHANNEL_OUTLET.OUTLET_ID);
        Map<String, UUID> methods = new HashMap<>();
        dsl.selectFrom(CHANNEL_SHIPPING_METHOD)
                .where(CHANNEL_SHIPPING_METHOD.CHANNEL_ID.eq(row.getId()))
                .forEach(m -> methods.put(m.getMethodName(), m.getOutletId()));
        Channel.Connection connection = new Channel.Connection(
                Channel.ConnectionStatus.valueOf(row.getConnectionStatus().toUpperCase(Locale.ROOT)),
                row.getConnectionDetail(),
                Optional.ofNullable(row.getConnectionCheckedAt()).map(t -> t.toInstant()));
        return new Channel(
                row.getId(),
                Platform.fromWire(row.getPlatform()),
                row.getName(),
                URI.create(row.getBaseUrl()),
                JsonMaps.fromSealedCredentials(box.decrypt(row.getKeyId(), row.getCredentials())),
                box.decrypt(row.getKeyId(), row.getWebhookSecret()),
                outlets,
                row.getRegisterId(),
                methods,
                row.getNotifications(),
                connection,
                Optional.ofNullable(row.getReconciledUntil()).map(t -> t.toInstant()),
                fromDb(row.getCreatedAt()),
                row.getStoreId(),
                Optional.ofNullable(row.getStoreIdentity()),
                Optional.ofNullable(row.getPreviousWebhookSecret())
                        .map(boxed -> new Channel.PreviousSecret(
                                box.decrypt(row.getKeyId(), boxed), fromDb(row.getPreviousSecretUntil()))),
                Optional.ofNullable(row.getUnlinkedAt()).map(t -> t.toInstant()));
    }
}
