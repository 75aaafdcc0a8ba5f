package org.storeline.db.event;

import static org.storeline.db.jooq.Tables.DOMAIN_EVENT;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.JSONValue;
import org.jooq.tools.json.ParseException;
import org.storeline.core.event.DomainEvent;
import org.storeline.core.event.DomainEvents;
import org.storeline.db.jooq.tables.records.DomainEventRecord;
import org.storeline.db.postgres.BatchInsert;

/**
 * The outbox on PostgreSQL: table {@code domain_event}, its id a sequence. A sequence alone gives ids in the order
 * transactions take them, not the order they commit, so a reader could read id 8 before id 7 commits and miss it.
 * A writer therefore takes a transaction-scoped advisory lock before its insert: the transactions that publish run
 * their last step one at a time, and ids become visible in order. Publishing comes last in a transaction (after its
 * row locks), so the lock is held only while it commits. An import batch publishes all its events with one lock and
 * one insert ({@link #publishAll}).
 *
 * <p>Each event's outlet (the payload's {@code outlet_id}) is kept in a column of its own, so that a reader of one
 * user's outlets filters in SQL. A publishing transaction also sends a NOTIFY on {@link #CHANNEL} (delivered when it
 * commits, once however many it sent), which wakes the live stream's readers before their next poll.
 */
public final class JooqDomainEvents implements DomainEvents {
    /** The NOTIFY channel that tells listeners the outbox may have grown. */
    public static final String CHANNEL = "storeline_outbox";
    /** The advisory lock of the outbox ('STOREOUT' in ASCII, so it clashes with nobody's). */
    private static final long OUTBOX_LOCK = 0x53544f52454f5554L;

    private final DSLContext dsl;

    public JooqDomainEvents(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void publish(DomainEvent event) {
        publishAll(List.of(event));
    }

    @Override
    public void publishAll(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        dsl.execute("select pg_advisory_xact_lock(?), pg_notify(?, '')", OUTBOX_LOCK, CHANNEL);
        BatchInsert rows = BatchInsert.into(
                dsl,
                DOMAIN_EVENT,
                DOMAIN_EVENT.TYPE,
                DOMAIN_EVENT.SALE_ID,
                DOMAIN_EVENT.OUTLET_ID,
                DOMAIN_EVENT.PAYLOAD,
                DOMAIN_EVENT.CREATED_AT);
        for (DomainEvent event : events) {
            rows.row(
                    event.type(),
                    event.saleId(),
                    event.outletId().orElse(null),
                    JSON.valueOf(JSONValue.toJSONString(event.payload())),
                    toDb(event.occurredAt()));
        }
        rows.execute();
    }

    @Override
    public List<Stored> after(long position, int limit) {
        return dsl.selectFrom(DOMAIN_EVENT)
                .where(DOMAIN_EVENT.ID.gt(position))
                .orderBy(DOMAIN_EVENT.ID)
                .limit(limit)
                .fetch(JooqDomainEvents::toStored);
    }

    @Override
    public List<Stored> after(long position, Set<String> types, Optional<Collection<UUID>> outlets, int limit) {
        return dsl.selectFrom(DOMAIN_EVENT)
                .where(DOMAIN_EVENT.ID.gt(position))
                .and(DOMAIN_EVENT.TYPE.in(types))
                .and(outlets.map(DOMAIN_EVENT.OUTLET_ID::in).orElse(DSL.noCondition()))
                .orderBy(DOMAIN_EVENT.ID)
                .limit(limit)
                .fetch(JooqDomainEvents::toStored);
    }

    @Override
    public List<Stored> ofSale(UUID saleId, int limit) {
        List<Stored> newestFirst = dsl.selectFrom(DOMAIN_EVENT)
                .where(DOMAIN_EVENT.SALE_ID.eq(saleId))
                .orderBy(DOMAIN_EVENT.ID.desc())
                .limit(limit)
                .fetch(JooqDomainEvents::toStored);
        List<Stored> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Override
    public Bounds bounds() {
        Record2<Long, Long> row = dsl.select(DSL.min(DOMAIN_EVENT.ID), DSL.max(DOMAIN_EVENT.ID))
                .from(DOMAIN_EVENT)
                .fetchOne();
        return row == null || row.value2() == null ? new Bounds(0, 0) : new Bounds(row.value1(), row.value2());
    }

    private static Stored toStored(DomainEventRecord row) {
        return new Stored(
                row.getId(),
                new DomainEvent(row.getType(), row.getSaleId(), payload(row.getPayload()), fromDb(row.getCreatedAt())),
                fromDb(row.getCreatedAt()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(JSON json) {
        try {
            return new LinkedHashMap<>((Map<String, Object>) new JSONParser().parse(json.data()));
        } catch (ParseException | ClassCastException e) {
            throw new IllegalStateException("A stored event's payload is not a JSON object", e);
        }
    }
}
