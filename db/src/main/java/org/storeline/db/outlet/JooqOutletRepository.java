package org.storeline.db.outlet;

import static org.storeline.db.jooq.Tables.OUTLET;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.outlet.Language;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletRepository;
import org.storeline.db.jooq.tables.records.OutletRecord;

public final class JooqOutletRepository implements OutletRepository {
    private final DSLContext dsl;

    public JooqOutletRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Outlet insert(UUID id, String name, ZoneId timeZone, Language language, Instant createdAt) {
        OutletRecord row = dsl.insertInto(OUTLET)
                .set(OUTLET.ID, id)
                .set(OUTLET.NUMBER, DSL.field("nextval('outlet_number_seq')", Integer.class))
                .set(OUTLET.NAME, name)
                .set(OUTLET.TIME_ZONE, timeZone.getId())
                .set(OUTLET.LANGUAGE, language.wireName())
                .set(OUTLET.CREATED_AT, toDb(createdAt))
                .returning()
                .fetchOne();
        return toOutlet(row);
    }

    @Override
    public void update(Outlet outlet) {
        dsl.update(OUTLET)
                .set(OUTLET.NAME, outlet.name())
                .set(OUTLET.LANGUAGE, outlet.language().wireName())
                .where(OUTLET.ID.eq(outlet.id()))
                .execute();
    }

    @Override
    public Optional<Outlet> findById(UUID id) {
        return dsl.selectFrom(OUTLET).where(OUTLET.ID.eq(id)).fetchOptional().map(JooqOutletRepository::toOutlet);
    }

    @Override
    public List<Outlet> findAll() {
        return dsl.selectFrom(OUTLET).orderBy(OUTLET.NUMBER).fetch(JooqOutletRepository::toOutlet);
    }

    @Override
    public String nextReceiptNumber(UUID outletId) {
        // The row lock taken here queues concurrent sales of one outlet until the sale commits.
        var row = dsl.update(OUTLET)
                .set(OUTLET.LAST_RECEIPT_SEQ, OUTLET.LAST_RECEIPT_SEQ.plus(1))
                .where(OUTLET.ID.eq(outletId))
                .returning(OUTLET.NUMBER, OUTLET.LAST_RECEIPT_SEQ)
                .fetchOptional()
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.OUTLET_NOT_FOUND, "Outlet", outletId));
        return row.get(OUTLET.NUMBER) + "-" + String.format("%06d", row.get(OUTLET.LAST_RECEIPT_SEQ));
    }

    private static Outlet toOutlet(OutletRecord row) {
        return new Outlet(
                row.getId(),
                row.getNumber(),
                row.getName(),
                ZoneId.of(row.getTimeZone()),
                Language.fromWire(row.getLanguage()),
                fromDb(row.getCreatedAt()));
    }

    @Override
    public List<String> nextReceiptNumbers(UUID outletId, int count) {
        var row = dsl.update(OUTLET)
                .set(OUTLET.LAST_RECEIPT_SEQ, OUTLET.LAST_RECEIPT_SEQ.plus((long) count))
                .where(OUTLET.ID.eq(outletId))
                .returning(OUTLET.NUMBER, OUTLET.LAST_RECEIPT_SEQ)
                .fetchOptional()
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.OUTLET_NOT_FOUND, "Outlet", outletId));
        long last = row.get(OUTLET.LAST_RECEIPT_SEQ);
        List<String> numbers = new ArrayList<>(count);
        for (long seq = last - count + 1; seq <= last; seq++) {
            numbers.add(row.get(OUTLET.NUMBER) + "-" + String.format("%06d", seq));
        }
        return numbers;
    }
}
