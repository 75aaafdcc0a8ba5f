package org.storeline.db.fulfillment;

import static org.storeline.db.jooq.Tables.FULFILLMENT;
import static org.storeline.db.jooq.Tables.FULFILLMENT_ITEM;
import static org.storeline.db.jooq.Tables.FULFILLMENT_NOTE;
import static org.storeline.db.jooq.Tables.SALE;
import static org.storeline.db.jooq.Tables.SALE_LINE;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep5;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentNote;
import org.storeline.core.fulfillment.FulfillmentRepository;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.fulfillment.Tracking;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.sale.FulfillingOutlets;
import org.storeline.db.jooq.tables.records.FulfillmentNoteRecord;
import org.storeline.db.jooq.tables.records.FulfillmentRecord;
import org.storeline.db.postgres.BatchInsert;
import org.storeline.db.postgres.Cursors;

/**
 * Fulfillments on PostgreSQL: table {@code fulfillment} (with its tracking), its items ({@code fulfillment_item}, their
 * SKU, name and product read from the sale line) and its notes ({@code fulfillment_note}).
 */
public final class JooqFulfillmentRepository implements FulfillmentRepository, FulfillingOutlets {
    private final DSLContext dsl;

    public JooqFulfillmentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insertAll(List<Fulfillment> fulfillments) {
        if (fulfillments.isEmpty()) {
            return;
        }
        BatchInsert rows = BatchInsert.into(
                dsl,
                FULFILLMENT,
                FULFILLMENT.ID,
                FULFILLMENT.SALE_ID,
                FULFILLMENT.OUTLET_ID,
                FULFILLMENT.TYPE,
                FULFILLMENT.STATUS,
                FULFILLMENT.CREATED_AT,
                FULFILLMENT.ASSIGNED_USER_ID);
        BatchInsert items = BatchInsert.into(
                dsl,
                FULFILLMENT_ITEM,
                FULFILLMENT_ITEM.FULFILLMENT_ID,
                FULFILLMENT_ITEM.LINE_ID,
                FULFILLMENT_ITEM.POSITION,
                FULFILLMENT_ITEM.QUANTITY,
                FULFILLMENT_ITEM.PICKED);
        for (Fulfillment f : fulfillments) {
            rows.row(
                    f.id(),
                    f.saleId(),
                    f.outletId(),
                    f.type().wireName(),
                    f.status().wireName(),
                    toDb(f.createdAt()),
                    f.assignedUserId().orElse(null));
            int position = 0;
            for (Fulfillment.Item item : f.items()) {
                items.row(f.id(), item.lineId(), position++, item.quantity(), item.picked());
            }
        }
        rows.execute();
        items.execute();
    }

    @Override
    public Optional<Fulfillment> findById(UUID id) {
        return load(dsl.selectFrom(FULFILLMENT).where(FULFILLMENT.ID.eq(id)).fetch()).stream()
                .findFirst();
    }

    @Override
    public Optional<Placement> findPlacement(UUID id) {
        return dsl.select(FULFILLMENT.SALE_ID, FULFILLMENT.OUTLET_ID)
                .from(FULFILLMENT)
                .where(FULFILLMENT.ID.eq(id))
                .fetchOptional(row -> new Placement(row.value1(), row.value2()));
    }

    @Override
    public Optional<Fulfillment> findByIdForUpdate(UUID id) {
        return load(dsl.selectFrom(FULFILLMENT)
                        .where(FULFILLMENT.ID.eq(id))
                        .forUpdate()
                        .fetch())
                .stream()
                .findFirst();
    }

    @Override
    public List<Fulfillment> findByIds(Collection<UUID> ids) {
        return load(dsl.selectFrom(FULFILLMENT).where(FULFILLMENT.ID.in(ids)).fetch());
    }

    @Override
    public List<Fulfillment> findBySale(UUID saleId) {
        return load(dsl.selectFrom(FULFILLMENT)
                .where(FULFILLMENT.SALE_ID.eq(saleId))
                .orderBy(FULFILLMENT.ID)
                .fetch());
    }

    @Override
    public List<Fulfillment> findBySaleForUpdate(UUID saleId) {
        return load(dsl.selectFrom(FULFILLMENT)
                .where(FULFILLMENT.SALE_ID.eq(saleId))
                .orderBy(FULFILLMENT.ID)
                .forUpdate()
                .fetch());
    }

    @Override
    public void updateStatuses(Collection<Fulfillment> fulfillments) {
        for (Fulfillment f : fulfillments) {
            dsl.update(FULFILLMENT)
                    .set(FULFILLMENT.STATUS, f.status().wireName())
                    .where(FULFILLMENT.ID.eq(f.id()))
                    .execute();
        }
    }

    @Override
    public void save(Fulfillment f) {
        Optional<Tracking> tracking = f.tracking();
        List<Query> queries = new ArrayList<>();
        queries.add(dsl.update(FULFILLMENT)
                .set(FULFILLMENT.STATUS, f.status().wireName())
                .set(FULFILLMENT.ASSIGNED_USER_ID, f.assignedUserId().orElse(null))
                .set(
                        FULFILLMENT.TRACKING_NUMBER,
                        tracking.flatMap(Tracking::number).orElse(null))
                .set(
                        FULFILLMENT.TRACKING_COMPANY,
                        tracking.flatMap(Tracking::company).orElse(null))
                .set(FULFILLMENT.TRACKING_URL, tracking.flatMap(Tracking::url).orElse(null))
                .where(FULFILLMENT.ID.eq(f.id())));
        for (Fulfillment.Item item : f.items()) {
            queries.add(dsl.update(FULFILLMENT_ITEM)
                    .set(FULFILLMENT_ITEM.PICKED, item.picked())
                    .where(FULFILLMENT_ITEM.FULFILLMENT_ID.eq(f.id()))
                    .and(FULFILLMENT_ITEM.LINE_ID.eq(item.lineId()))
                    .and(FULFILLMENT_ITEM.PICKED.ne(item.picked())));
        }
        if (!f.notes().isEmpty()) {
            // Notes are only ever added: the ones stored already are skipped.
            InsertValuesStep5<FulfillmentNoteRecord, UUID, UUID, String, UUID, OffsetDateTime> notes = dsl.insertInto(
                    FULFILLMENT_NOTE,
                    FULFILLMENT_NOTE.ID,
                    FULFILLMENT_NOTE.FULFILLMENT_ID,
                    FULFILLMENT_NOTE.TEXT,
                    FULFILLMENT_NOTE.USER_ID,
                    FULFILLMENT_NOTE.CREATED_AT);
            for (FulfillmentNote note : f.notes()) {
                notes = notes.values(
                        note.id(), f.id(), note.text(), note.userId().orElse(null), toDb(note.createdAt()));
            }
            queries.add(notes.onConflictDoNothing());
        }
        dsl.batch(queries).execute();
    }

    @Override
    public Set<UUID> of(UUID saleId) {
        return new HashSet<>(dsl.selectDistinct(FULFILLMENT.OUTLET_ID)
                .from(FULFILLMENT)
                .where(FULFILLMENT.SALE_ID.eq(saleId))
                .fetch(FULFILLMENT.OUTLET_ID));
    }

    @Override
    public Map<UUID, List<UUID>> idsBySale(Collection<UUID> saleIds) {
        if (saleIds.isEmpty()) {
            return Map.of();
        }
        return dsl.select(FULFILLMENT.SALE_ID, FULFILLMENT.ID)
                .from(FULFILLMENT)
                .where(FULFILLMENT.SALE_ID.in(saleIds))
                .orderBy(FULFILLMENT.ID)
                .fetchGroups(FULFILLMENT.SALE_ID, FULFILLMENT.ID);
    }

    @Override
    public Page<Fulfillment> list(Filter filter, Optional<Collection<UUID>> visibleOutlets, PageRequest page) {
        Condition where = matching(filter, visibleOutlets)
                .and(FULFILLMENT.STATUS.in(filter.statuses().stream()
                        .sorted(Comparator.naturalOrder())
                        .map(FulfillmentStatus::wireName)
                        .toList()))
                .and(Cursors.after(FULFILLMENT.ID, page));
        // Oldest first: ids carry the time the order was placed (the order import makes them so), so ascending ids
        // are the order's dates, and the id is a unique key to page on.
        List<FulfillmentRecord> rows = dsl.selectFrom(FULFILLMENT)
                .where(where)
                .orderBy(FULFILLMENT.ID.asc())
                .limit(Cursors.overfetch(page))
                .fetch();
        return Page.fromOverfetched(load(rows), page.limit(), Fulfillment::id);
    }

    @Override
    public Map<FulfillmentStatus, Long> countByStatus(Filter filter, Optional<Collection<UUID>> visibleOutlets) {
        return dsl.select(FULFILLMENT.STATUS, DSL.count())
                .from(FULFILLMENT)
                .where(matching(filter, visibleOutlets))
                .and(FULFILLMENT.STATUS.in(FulfillmentStatus.INCOMPLETE.stream()
                        .sorted(Comparator.naturalOrder())
                        .map(FulfillmentStatus::wireName)
                        .toList()))
                .groupBy(FULFILLMENT.STATUS)
                .fetchMap(
                        r -> FulfillmentStatus.fromWire(r.value1()),
                        r -> r.value2().longValue());
    }

    /** What the filter asks for, but its statuses, among the outlets visible to the caller. */
    private static Condition matching(Filter filter, Optional<Collection<UUID>> visibleOutlets) {
        return DSL.noCondition()
                .and(filter.outletId().map(FULFILLMENT.OUTLET_ID::eq).orElse(DSL.noCondition()))
                .and(filter.saleId().map(FULFILLMENT.SALE_ID::eq).orElse(DSL.noCondition()))
                .and(filter.type().map(t -> FULFILLMENT.TYPE.eq(t.wireName())).orElse(DSL.noCondition()))
                .and(filter.channelId()
                        .map(channel -> FULFILLMENT.SALE_ID.in(
                                DSL.select(SALE.ID).from(SALE).where(SALE.CHANNEL_ID.eq(channel))))
                        .orElse(DSL.noCondition()))
                .and(filter.assignedUserId()
                        .map(FULFILLMENT.ASSIGNED_USER_ID::eq)
                        .orElse(DSL.noCondition()))
                .and(filter.receiptNumber()
                        .map(receipt -> FULFILLMENT.SALE_ID.in(
                                DSL.select(SALE.ID).from(SALE).where(SALE.RECEIPT_NUMBER.eq(receipt))))
                        .orElse(DSL.noCondition()))
                .and(visibleOutlets.map(FULFILLMENT.OUTLET_ID::in).orElse(DSL.noCondition()));
    }

    /** Loads the items and notes of all rows in two queries, the items with the SKUs and names of their sale lines. */
    private List<Fulfillment> load(List<FulfillmentRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(FulfillmentRecord::getId).toList();
        Map<UUID, List<Record>> items = dsl
                .select(FULFILLMENT_ITEM.asterisk(), SALE_LINE.SKU, SALE_LINE.NAME, SALE_LINE.PRODUCT_ID)
                .from(FULFILLMENT_ITEM)
                .join(SALE_LINE)
                .on(SALE_LINE.ID.eq(FULFILLMENT_ITEM.LINE_ID))
                .where(FULFILLMENT_ITEM.FULFILLMENT_ID.in(ids))
                .orderBy(FULFILLMENT_ITEM.POSITION)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.get(FULFILLMENT_ITEM.FULFILLMENT_ID)));
        Map<UUID, List<FulfillmentNote>> notes = dsl
                .selectFrom(FULFILLMENT_NOTE)
                .where(FULFILLMENT_NOTE.FULFILLMENT_ID.in(ids))
                .orderBy(FULFILLMENT_NOTE.ID)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(
                        FulfillmentNoteRecord::getFulfillmentId,
                        Collectors.mapping(
                                n -> new FulfillmentNote(
                                        n.getId(),
                                        n.getText(),
                                        Optional.ofNullable(n.getUserId()),
                                        fromDb(n.getCreatedAt())),
                                Collectors.toList())));
        return rows.stream()
                .map(row -> new Fulfillment(
                        row.getId(),
                        row.getSaleId(),
                        row.getOutletId(),
                        FulfillmentType.fromWire(row.getType()),
                        FulfillmentStatus.fromWire(row.getStatus()),
                        items.getOrDefault(row.getId(), List.of()).stream()
                                .map(JooqFulfillmentRepository::item)
                                .toList(),
                        fromDb(row.getCreatedAt()),
                        Optional.ofNullable(row.getAssignedUserId()),
                        notes.getOrDefault(row.getId(), List.of()),
                        tracking(row)))
                .toList();
    }

    private static Fulfillment.Item item(Record i) {
        return new Fulfillment.Item(
                i.get(FULFILLMENT_ITEM.LINE_ID),
                i.get(SALE_LINE.SKU),
                i.get(SALE_LINE.NAME),
                i.get(FULFILLMENT_ITEM.QUANTITY),
                i.get(FULFILLMENT_ITEM.PICKED),
                Optional.ofNullable(i.get(SALE_LINE.PRODUCT_ID)));
    }

    private static Optional<Tracking> tracking(FulfillmentRecord row) {
        if (row.getTrackingNumber() == null && row.getTrackingCompany() == null && row.getTrackingUrl() == null) {
            return Optional.empty();
        }
        return Optional.of(new Tracking(
                Optional.ofNullable(row.getTrackingNumber()),
                Optional.ofNullable(row.getTrackingCompany()),
                Optional.ofNullable(row.getTrackingUrl())));
    }
}
