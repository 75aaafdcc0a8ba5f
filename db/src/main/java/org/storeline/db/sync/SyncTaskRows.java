package org.storeline.db.sync;

import static org.storeline.db.jooq.Tables.SYNC_TASK;
import static org.storeline.db.postgres.Timestamps.fromDb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.impl.DSL;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.JSONValue;
import org.jooq.tools.json.ParseException;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.Tracking;
import org.storeline.core.money.Money;
import org.storeline.core.sync.StatusChange;
import org.storeline.core.sync.SyncKind;
import org.storeline.core.sync.SyncTask;
import org.storeline.core.sync.SyncTaskState;
import org.storeline.db.jooq.tables.records.SyncTaskRecord;

/** Sync task rows: read as {@link SyncTask}, status changes as JSON, and waiting rows written with their merge rule. */
final class SyncTaskRows {

    SyncTask toTask(SyncTaskRecord row) {
        return new SyncTask(
                row.getId(),
                row.getChannelId(),
                SyncKind.fromWire(row.getKind()),
                Optional.ofNullable(row.getProductId()),
                Optional.ofNullable(row.getSaleId()),
                Optional.ofNullable(row.getStatusChange()).map(SyncTaskRows::statusChange),
                SyncTaskState.fromWire(row.getState()),
                row.getAttempts(),
                fromDb(row.getCreatedAt()));
    }

    /**
     * Writes a waiting stock or price task; one already waiting for the same channel and product absorbs it: the later
     * due time, the higher attempt count, the first scheduling time and the latest error win.
     */
    void insertWaiting(DSLContext dsl, SyncTaskRecord row) {
        dsl.insertInto(SYNC_TASK)
                .set(SYNC_TASK.ID, row.getId())
                .set(SYNC_TASK.CHANNEL_ID, row.getChannelId())
                .set(SYNC_TASK.KIND, row.getKind())
                .set(SYNC_TASK.PRODUCT_ID, row.getProductId())
                .set(SYNC_TASK.STATE, SyncTaskState.PENDING.wireName())
                .set(SYNC_TASK.ATTEMPTS, row.getAttempts())
                .set(SYNC_TASK.NEXT_ATTEMPT_AT, row.getNextAttemptAt())
                .set(SYNC_TASK.LAST_OUTCOME, row.getLastOutcome())
                .set(SYNC_TASK.LAST_ERROR, row.getLastError())
                .set(SYNC_TASK.CREATED_AT, row.getCreatedAt())
                .set(SYNC_TASK.UPDATED_AT, row.getUpdatedAt())
                .onConflict(SYNC_TASK.CHANNEL_ID, SYNC_TASK.KIND, SYNC_TASK.PRODUCT_ID)
                .where(SYNC_TASK
                        .STATE
                        .eq(SyncTaskState.PENDING.wireName())
                        .and(SYNC_TASK.KIND.in(SyncKind.STOCK.wireName(), SyncKind.PRICE.wireName())))
                .doUpdate()
                .set(
                        SYNC_TASK.NEXT_ATTEMPT_AT,
                        DSL.greatest(SYNC_TASK.NEXT_ATTEMPT_AT, DSL.excluded(SYNC_TASK.NEXT_ATTEMPT_AT)))
                .set(SYNC_TASK.ATTEMPTS, DSL.greatest(SYNC_TASK.ATTEMPTS, DSL.excluded(SYNC_TASK.ATTEMPTS)))
                .set(SYNC_TASK.CREATED_AT, DSL.least(SYNC_TASK.CREATED_AT, DSL.excluded(SYNC_TASK.CREATED_AT)))
                .set(SYNC_TASK.LAST_OUTCOME, DSL.excluded(SYNC_TASK.LAST_OUTCOME))
                .set(SYNC_TASK.LAST_ERROR, DSL.excluded(SYNC_TASK.LAST_ERROR))
                .set(SYNC_TASK.UPDATED_AT, DSL.excluded(SYNC_TASK.UPDATED_AT))
                .execute();
    }

    /** Of two rows of one product due again in one finish, the one that merges both. */
    static SyncTaskRecord later(SyncTaskRecord a, SyncTaskRecord b) {
        SyncTaskRecord merged = a.getNextAttemptAt().isAfter(b.getNextAttemptAt()) ? a : b;
        merged.setAttempts(Math.max(a.getAttempts(), b.getAttempts()));
        merged.setCreatedAt(a.getCreatedAt().isBefore(b.getCreatedAt()) ? a.getCreatedAt() : b.getCreatedAt());
        return merged;
    }

    static JSON json(StatusChange change) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("external_order_id", change.externalOrderId());
        map.put("kind", change.kind().name());
        map.put("type", change.type().wireName());
        List<Map<String, Object>> tracking = new ArrayList<>();
        for (Tracking t : change.tracking()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("number", t.number().orElse(null));
            item.put("company", t.company().orElse(null));
            item.put("url", t.url().orElse(null));
            tracking.add(item);
        }
        map.put("tracking", tracking);
        map.put("amount", change.amount().map(Money::toDecimalString).orElse(null));
        map.put(
                "currency",
                change.amount().map(m -> m.currency().getCurrencyCode()).orElse(null));
        map.put("wholly_refunded", change.whollyRefunded());
        return JSON.valueOf(JSONValue.toJSONString(map));
    }

    static StatusChange statusChange(JSON json) {
        Map<?, ?> map;
        try {
            map = (Map<?, ?>) new JSONParser().parse(json.data());
        } catch (ParseException | ClassCastException e) {
            throw new IllegalStateException("A stored status change is not a JSON object", e);
        }
        List<Tracking> tracking = new ArrayList<>();
        if (map.get("tracking") instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> t = (Map<?, ?>) item;
                tracking.add(new Tracking(text(t, "number"), text(t, "company"), text(t, "url")));
            }
        }
        Optional<Money> amount =
                text(map, "amount").map(a -> Money.of(new BigDecimal(a), Money.currency((String) map.get("currency"))));
        return new StatusChange(
                (String) map.get("external_order_id"),
                StatusChange.Kind.valueOf((String) map.get("kind")),
                FulfillmentType.fromWire((String) map.get("type")),
                tracking,
                amount,
                Boolean.TRUE.equals(map.get("wholly_refunded")));
    }

    private static Optional<String> text(Map<?, ?> map, String key) {
        return map.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }
}
