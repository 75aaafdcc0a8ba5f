package org.storeline.db.sync;

import static org.storeline.db.jooq.Tables.CHANNEL_LISTING;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep6;
import org.jooq.JSON;
import org.jooq.impl.DSL;
import org.storeline.core.sync.ChannelListings;
import org.storeline.core.sync.Listing;
import org.storeline.db.jooq.tables.records.ChannelListingRecord;
import org.storeline.db.postgres.JsonMaps;

/** The products each channel sells, as its platform knows them, on PostgreSQL (table {@code channel_listing}). */
public final class JooqChannelListings implements ChannelListings {
    private final DSLContext dsl;

    public JooqChannelListings(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Map<UUID, Known> find(UUID channelId, Collection<UUID> productIds) {
        Map<UUID, Known> known = new HashMap<>();
        if (productIds.isEmpty()) {
            return known;
        }
        dsl.selectFrom(CHANNEL_LISTING)
                .where(CHANNEL_LISTING.CHANNEL_ID.eq(channelId))
                .and(CHANNEL_LISTING.PRODUCT_ID.in(productIds))
                .forEach(r -> known.put(
                        r.getProductId(),
                        new Known(
                                r.getProductId(),
                                r.getSku(),
                                r.getFound()
                                        ? Optional.of(new Listing(
                                                r.getSku(),
                                                JsonMaps.fromJson(
                                                        r.getPlatformIds().data())))
                                        : Optional.empty(),
                                fromDb(r.getCheckedAt()))));
        return known;
    }

    @Override
    public List<Known> findByPlatformIds(UUID channelId, Map<String, String> platformIds) {
        return dsl.selectFrom(CHANNEL_LISTING)
                .where(CHANNEL_LISTING.CHANNEL_ID.eq(channelId))
                .and(CHANNEL_LISTING.FOUND.isTrue())
                .and(DSL.condition(
                        "{0} @> {1}::jsonb", CHANNEL_LISTING.PLATFORM_IDS, DSL.val(JsonMaps.toJson(platformIds))))
                .orderBy(CHANNEL_LISTING.SKU)
                .fetch(r -> new Known(
                        r.getProductId(),
                        r.getSku(),
                        Optional.of(new Listing(
                                r.getSku(), JsonMaps.fromJson(r.getPlatformIds().data()))),
                        fromDb(r.getCheckedAt())));
    }

    /** One statement however many listings: the rows are copied as they are, in the caller's transaction. */
    @Override
    public void carryOver(UUID fromChannel, UUID toChannel) {
        intoListings()
                .select(dsl.select(
                                DSL.val(toChannel),
                                CHANNEL_LISTING.PRODUCT_ID,
                                CHANNEL_LISTING.SKU,
                                CHANNEL_LISTING.PLATFORM_IDS,
                                CHANNEL_LISTING.FOUND,
                                CHANNEL_LISTING.CHECKED_AT)
                        .from(CHANNEL_LISTING)
                        .where(CHANNEL_LISTING.CHANNEL_ID.eq(fromChannel)))
                .onConflictDoNothing()
                .execute();
    }

    @Override
    public void remember(UUID channelId, Collection<Known> looked) {
        if (looked.isEmpty()) {
            return;
        }
        var insert = intoListings();
        for (Known k : looked) {
            insert = insert.values(
                    channelId,
                    k.productId(),
                    k.sku(),
                    JSON.valueOf(JsonMaps.toJson(k.listing().map(Listing::ids).orElse(Map.of()))),
                    k.listing().isPresent(),
                    toDb(k.checkedAt()));
        }
        insert.onConflict(CHANNEL_LISTING.CHANNEL_ID, CHANNEL_LISTING.PRODUCT_ID)
                .doUpdate()
                .set(CHANNEL_LISTING.SKU, DSL.excluded(CHANNEL_LISTING.SKU))
                .set(CHANNEL_LISTING.PLATFORM_IDS, DSL.excluded(CHANNEL_LISTING.PLATFORM_IDS))
                .set(CHANNEL_LISTING.FOUND, DSL.excluded(CHANNEL_LISTING.FOUND))
                .set(CHANNEL_LISTING.CHECKED_AT, DSL.excluded(CHANNEL_LISTING.CHECKED_AT))
                .execute();
    }

    /** An insert into {@code channel_listing} naming every column, in the order the rows are given. */
    private InsertValuesStep6<ChannelListingRecord, UUID, UUID, String, JSON, Boolean, OffsetDateTime> intoListings() {
        return dsl.insertInto(
                CHANNEL_LISTING,
                CHANNEL_LISTING.CHANNEL_ID,
                CHANNEL_LISTING.PRODUCT_ID,
                CHANNEL_LISTING.SKU,
                CHANNEL_LISTING.PLATFORM_IDS,
                CHANNEL_LISTING.FOUND,
                CHANNEL_LISTING.CHECKED_AT);
    }
}
