package org.storeline.db.event;

import static org.storeline.db.jooq.Tables.DOMAIN_EVENT;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.JSONValue;
import org.jooq.tools.json.ParseException;
import org.storeline.core.event.DomainEvent;
import org.storeline.core.event.DomainEvents;
import org.storeline.db.jooq.tables.records.DomainEventRecord;

/**
 * The outbox on PostgreSQL: table {@code domain_event}, its id a sequence. A sequence alone gives ids in the order
 * transactions take them, not the order they commit, so a reader could read id 8 before id 7 commits and miss it.
 * A writer therefore takes a transaction-scoped advisory lock before its insert: the transactions that publish run
 * their last step one at a time, and ids become visible in order. Publishing comes last in a transaction (after its
 * row locks), so the lock is held only while it commits; events are rare (refunds, cancellations).
 */
public final class JooqDomainEvents implements DomainEvents {
    /** The advisory lock of the outbox ('STOREOUT' in ASCII, so it clashes with nobody's). */
    private static final long OUTBOX_LOCK = 0x53544f52454f5554L;

    private final DSLContext dsl;

    public JooqDomainEvents(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void publish(DomainEvent event) {
        dsl.execute("select pg_advisory_xact_lock(?)", OUTBOX_LOCK);
        dsl.insertInto(DOMAIN_EVENT)
                .set(DOMAIN_EVENT.TYPE, event.type())
                .set(DOMAIN_EVENT.SALE_ID, event.saleId())
                .set(DOMAIN_EVENT.PAYLOAD, JSON.valueOf(JSONValue.toJSONString(event.payload())))
                .set(DOMAIN_EVENT.CREATED_AT, toDb(event.occurredAt()))
                .execute();
    }

    @Override
    public List<Stored> after(long position, int limit) {
        return dsl.selectFrom(DOMAIN_EVENT)
                .where(DOMAIN_EVENT.ID.gt(position))
                .orderBy(DOMAIN_EVENT.ID)
                .limit(limit)
                .fetch(JooqDomainEvents::toStored);
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
