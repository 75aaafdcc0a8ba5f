package org.storeline.db.stock;

import static org.storeline.db.jooq.Tables.STOCK_LEVEL;
import static org.storeline.db.jooq.Tables.STOCK_MOVEMENT;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.storeline.core.ids.Ids;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.stock.StockChange;
import org.storeline.core.stock.StockLedger;
import org.storeline.core.stock.StockLevel;
import org.storeline.core.stock.StockMovement;
import org.storeline.core.stock.StockReason;
import org.storeline.db.jooq.tables.records.StockMovementRecord;
import org.storeline.db.postgres.BatchInsert;
import org.storeline.db.postgres.Cursors;

/**
 * The ledger on PostgreSQL. A level is changed with one atomic upsert ({@code quantity = quantity +
 * delta}), so concurrent sales of one product queue on its row and none is lost; the movement that
 * records the change is inserted in the same transaction, with the level it produced.
 */
public final class JooqStockLedger implements StockLedger {
    private final DSLContext dsl;

    public JooqStockLedger(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Two statements for any number of changes: one multi-row upsert of the levels (rows in a fixed order,
     * so that two transactions never wait on each other in a cycle) and one multi-row insert of the
     * movements, each with the level it left behind.
     */
    @Override
    public List<StockMovement> apply(List<StockChange> changes, Instant at) {
        if (changes.isEmpty()) {
            return List.of();
        }
        Map<LevelKey, Long> deltas = new TreeMap<>();
        changes.forEach(c -> deltas.merge(new LevelKey(c.productId(), c.outletId()), c.delta(), Long::sum));
        var upsert = dsl.insertInto(
                STOCK_LEVEL,
                STOCK_LEVEL.PRODUCT_ID,
                STOCK_LEVEL.OUTLET_ID,
                STOCK_LEVEL.QUANTITY,
                STOCK_LEVEL.UPDATED_AT);
        for (Map.Entry<LevelKey, Long> delta : deltas.entrySet()) {
            upsert = upsert.values(delta.getKey().productId(), delta.getKey().outletId(), delta.getValue(), toDb(at));
        }
        Map<LevelKey, Long> after = new HashMap<>();
        upsert.onConflict(STOCK_LEVEL.PRODUCT_ID, STOCK_LEVEL.OUTLET_ID)
                .doUpdate()
                .set(STOCK_LEVEL.QUANTITY, STOCK_LEVEL.QUANTITY.plus(DSL.excluded(STOCK_LEVEL.QUANTITY)))
                .set(STOCK_LEVEL.UPDATED_AT, DSL.excluded(STOCK_LEVEL.UPDATED_AT))
                .returning(STOCK_LEVEL.PRODUCT_ID, STOCK_LEVEL.OUTLET_ID, STOCK_LEVEL.QUANTITY)
                .fetch()
                .forEach(r -> after.put(
                        new LevelKey(r.get(STOCK_LEVEL.PRODUCT_ID), r.get(STOCK_LEVEL.OUTLET_ID)),
                        r.get(STOCK_LEVEL.QUANTITY)));
        List<StockMovement> movements = movementsWithLevels(changes, after, at);
        recordAll(movements);
        return movements;
    }

    /** Walks the changes backwards from each final level, so that each movement carries the level right after it. */
    private static List<StockMovement> movementsWithLevels(
            List<StockChange> changes, Map<LevelKey, Long> after, Instant at) {
        Map<LevelKey, Long> level = new HashMap<>(after);
        StockMovement[] movements = new StockMovement[changes.size()];
        for (int i = changes.size() - 1; i >= 0; i--) {
            StockChange change = changes.get(i);
            LevelKey key = new LevelKey(change.productId(), change.outletId());
            long quantityAfter = level.get(key);
            level.put(key, quantityAfter - change.delta());
            movements[i] = new StockMovement(
                    Ids.newId(),
                    change.productId(),
                    change.outletId(),
                    change.delta(),
                    quantityAfter,
                    change.reason(),
                    change.saleId(),
                    change.userId(),
                    at);
        }
        return List.of(movements);
    }

    private record LevelKey(UUID productId, UUID outletId) implements Comparable<LevelKey> {
        @Override
        public int compareTo(LevelKey other) {
            int byProduct = productId.compareTo(other.productId);
            return byProduct != 0 ? byProduct : outletId.compareTo(other.outletId);
        }
    }

    @Override
    public StockMovement setLevel(
            UUID productId, UUID outletId, long quantity, StockReason reason, UUID userId, Instant at) {
        dsl.insertInto(STOCK_LEVEL)
                .set(STOCK_LEVEL.PRODUCT_ID, productId)
                .set(STOCK_LEVEL.OUTLET_ID, outletId)
                .set(STOCK_LEVEL.QUANTITY, 0L)
                .set(STOCK_LEVEL.UPDATED_AT, toDb(at))
                .onConflictDoNothing()
                .execute();
        long current = dsl.select(STOCK_LEVEL.QUANTITY)
                .from(STOCK_LEVEL)
                .where(STOCK_LEVEL.PRODUCT_ID.eq(productId).and(STOCK_LEVEL.OUTLET_ID.eq(outletId)))
                .forUpdate()
                .fetchSingle(STOCK_LEVEL.QUANTITY);
        dsl.update(STOCK_LEVEL)
                .set(STOCK_LEVEL.QUANTITY, quantity)
                .set(STOCK_LEVEL.UPDATED_AT, toDb(at))
                .where(STOCK_LEVEL.PRODUCT_ID.eq(productId).and(STOCK_LEVEL.OUTLET_ID.eq(outletId)))
                .execute();
        return record(new StockMovement(
                Ids.newId(),
                productId,
                outletId,
                quantity - current,
                quantity,
                reason,
                Optional.empty(),
                Optional.of(userId),
                at));
    }

    @Override
    public List<StockLevel> levelsOf(UUID productId) {
        return dsl.selectFrom(STOCK_LEVEL)
                .where(STOCK_LEVEL.PRODUCT_ID.eq(productId))
                .fetch(r -> new StockLevel(r.getProductId(), r.getOutletId(), r.getQuantity()));
    }

    @Override
    public long levelOf(UUID productId, UUID outletId) {
        return dsl.select(STOCK_LEVEL.QUANTITY)
                .from(STOCK_LEVEL)
                .where(STOCK_LEVEL.PRODUCT_ID.eq(productId).and(STOCK_LEVEL.OUTLET_ID.eq(outletId)))
                .fetchOptional(STOCK_LEVEL.QUANTITY)
                .orElse(0L);
    }

    @Override
    public Page<StockMovement> movements(UUID productId, UUID outletId, PageRequest page) {
        List<StockMovement> rows = dsl.selectFrom(STOCK_MOVEMENT)
                .where(STOCK_MOVEMENT.PRODUCT_ID.eq(productId).and(STOCK_MOVEMENT.OUTLET_ID.eq(outletId)))
                .and(Cursors.before(STOCK_MOVEMENT.ID, page))
                .orderBy(STOCK_MOVEMENT.ID.desc())
                .limit(Cursors.overfetch(page))
                .fetch(JooqStockLedger::toMovement);
        return Page.fromOverfetched(rows, page.limit(), StockMovement::id);
    }

    @Override
    public List<StockLevel> negativeLevels(Collection<UUID> outletIds) {
        return dsl.selectFrom(STOCK_LEVEL)
                .where(STOCK_LEVEL.QUANTITY.lt(0L).and(STOCK_LEVEL.OUTLET_ID.in(outletIds)))
                .orderBy(STOCK_LEVEL.OUTLET_ID, STOCK_LEVEL.QUANTITY)
                .fetch(r -> new StockLevel(r.getProductId(), r.getOutletId(), r.getQuantity()));
    }

    private void recordAll(List<StockMovement> movements) {
        BatchInsert rows = BatchInsert.into(
                dsl,
                STOCK_MOVEMENT,
                STOCK_MOVEMENT.ID,
                STOCK_MOVEMENT.PRODUCT_ID,
                STOCK_MOVEMENT.OUTLET_ID,
                STOCK_MOVEMENT.DELTA,
                STOCK_MOVEMENT.QUANTITY_AFTER,
                STOCK_MOVEMENT.REASON,
                STOCK_MOVEMENT.SALE_ID,
                STOCK_MOVEMENT.USER_ID,
                STOCK_MOVEMENT.CREATED_AT);
        for (StockMovement m : movements) {
            rows.row(
                    m.id(),
                    m.productId(),
                    m.outletId(),
                    m.delta(),
                    m.quantityAfter(),
                    m.reason().wireName(),
                    m.saleId().orElse(null),
                    m.userId().orElse(null),
                    toDb(m.createdAt()));
        }
        rows.execute();
    }

    private StockMovement record(StockMovement movement) {
        dsl.insertInto(STOCK_MOVEMENT)
                .set(STOCK_MOVEMENT.ID, movement.id())
                .set(STOCK_MOVEMENT.PRODUCT_ID, movement.productId())
                .set(STOCK_MOVEMENT.OUTLET_ID, movement.outletId())
                .set(STOCK_MOVEMENT.DELTA, movement.delta())
                .set(STOCK_MOVEMENT.QUANTITY_AFTER, movement.quantityAfter())
                .set(STOCK_MOVEMENT.REASON, movement.reason().wireName())
                .set(STOCK_MOVEMENT.SALE_ID, movement.saleId().orElse(null))
                .set(STOCK_MOVEMENT.USER_ID, movement.userId().orElse(null))
                .set(STOCK_MOVEMENT.CREATED_AT, toDb(movement.createdAt()))
                .execute();
        return movement;
    }

    private static StockMovement toMovement(StockMovementRecord r) {
        return new StockMovement(
                r.getId(),
                r.getProductId(),
                r.getOutletId(),
                r.getDelta(),
                r.getQuantityAfter(),
                StockReason.fromWire(r.getReason()),
                Optional.ofNullable(r.getSaleId()),
                Optional.ofNullable(r.getUserId()),
                fromDb(r.getCreatedAt()));
    }

    @Override
    public List<StockLevel> levelsAt(Collection<UUID> productIds, Collection<UUID> outletIds) {
        if (productIds.isEmpty() || outletIds.isEmpty()) {
            return List.of();
        }
        return dsl.select(STOCK_LEVEL.PRODUCT_ID, STOCK_LEVEL.OUTLET_ID, STOCK_LEVEL.QUANTITY)
                .from(STOCK_LEVEL)
                .where(STOCK_LEVEL.PRODUCT_ID.in(productIds).and(STOCK_LEVEL.OUTLET_ID.in(outletIds)))
                .fetch(r -> new StockLevel(r.value1(), r.value2(), r.value3()));
    }
}
