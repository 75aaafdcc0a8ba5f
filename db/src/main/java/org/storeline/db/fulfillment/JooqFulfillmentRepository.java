package org.storeline.db.fulfillment;

import static org.storeline.db.jooq.Tables.FULFILLMENT;
import static org.storeline.db.jooq.Tables.FULFILLMENT_ITEM;
import static org.storeline.db.jooq.Tables.SALE_LINE;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentRepository;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.sale.FulfillingOutlets;
import org.storeline.db.jooq.tables.records.FulfillmentRecord;
import org.storeline.db.postgres.BatchInsert;
import org.storeline.db.postgres.Cursors;

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
        Condition where = DSL.noCondition()
                .and(filter.outletId().map(FULFILLMENT.OUTLET_ID::eq).orElse(DSL.noCondition()))
                .and(filter.saleId().map(FULFILLMENT.SALE_ID::eq).orElse(DSL.noCondition()))
                .and(filter.type().map(t -> FULFILLMENT.TYPE.eq(t.wireName())).orElse(DSL.noCondition()))
                .and(FULFILLMENT.STATUS.in(filter.statuses().stream()
                        .map(FulfillmentStatus::wireName)
                        .toList()))
                .and(visibleOutlets.map(FULFILLMENT.OUTLET_ID::in).orElse(DSL.noCondition()))
                .and(Cursors.before(FULFILLMENT.ID, page));
        List<FulfillmentRecord> rows = dsl.selectFrom(FULFILLMENT)
                .where(where)
                .orderBy(FULFILLMENT.ID.desc())
                .limit(Cursors.overfetch(page))
                .fetch();
        return Page.fromOverfetched(load(rows), page.limit(), Fulfillment::id);
    }

    /** Loads the items of all rows in one query, with the names and SKUs of their sale lines. */
    private List<Fulfillment> load(List<FulfillmentRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Record>> items = dsl
                .select(FULFILLMENT_ITEM.asterisk(), SALE_LINE.SKU, SALE_LINE.NAME)
                .from(FULFILLMENT_ITEM)
                .join(SALE_LINE)
                .on(SALE_LINE.ID.eq(FULFILLMENT_ITEM.LINE_ID))
                .where(FULFILLMENT_ITEM.FULFILLMENT_ID.in(
                        rows.stream().map(FulfillmentRecord::getId).toList()))
                .orderBy(FULFILLMENT_ITEM.POSITION)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.get(FULFILLMENT_ITEM.FULFILLMENT_ID)));
        return rows.stream()
                .map(row -> new Fulfillment(
                        row.getId(),
                        row.getSaleId(),
                        row.getOutletId(),
                        FulfillmentType.fromWire(row.getType()),
                        FulfillmentStatus.fromWire(row.getStatus()),
                        items.getOrDefault(row.getId(), List.of()).stream()
                                .map(i -> new Fulfillment.Item(
                                        i.get(FULFILLMENT_ITEM.LINE_ID),
                                        i.get(SALE_LINE.SKU),
                                        i.get(SALE_LINE.NAME),
                                        i.get(FULFILLMENT_ITEM.QUANTITY),
                                        i.get(FULFILLMENT_ITEM.PICKED)))
                                .toList(),
                        fromDb(row.getCreatedAt()),
                        Optional.ofNullable(row.getAssignedUserId())))
                .toList();
    }
}
