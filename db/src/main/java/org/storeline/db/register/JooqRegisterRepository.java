package org.storeline.db.register;

import static org.storeline.db.jooq.Tables.PAYMENT_TYPE;
import static org.storeline.db.jooq.Tables.REGISTER;
import static org.storeline.db.jooq.Tables.REGISTER_PERIOD;
import static org.storeline.db.jooq.Tables.SALE_PAYMENT;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.storeline.core.money.Money;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.register.ClosureReport;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterPeriod;
import org.storeline.core.register.RegisterRepository;
import org.storeline.db.jooq.tables.records.RegisterPeriodRecord;
import org.storeline.db.jooq.tables.records.RegisterRecord;

public final class JooqRegisterRepository implements RegisterRepository {
    private final DSLContext dsl;

    public JooqRegisterRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(Register register) {
        dsl.insertInto(REGISTER)
                .set(REGISTER.ID, register.id())
                .set(REGISTER.OUTLET_ID, register.outletId())
                .set(REGISTER.NAME, register.name())
                .set(REGISTER.CREATED_AT, toDb(register.createdAt()))
                .execute();
    }

    @Override
    public boolean nameTaken(UUID outletId, String name) {
        return dsl.fetchExists(REGISTER, REGISTER.OUTLET_ID.eq(outletId).and(REGISTER.NAME.eq(name)));
    }

    @Override
    public Optional<Register> findById(UUID id) {
        return dsl.selectFrom(REGISTER)
                .where(REGISTER.ID.eq(id))
                .fetchOptional()
                .map(this::toRegister);
    }

    @Override
    public Optional<Register> findByIdForUpdate(UUID id) {
        return dsl.selectFrom(REGISTER)
                .where(REGISTER.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .map(this::toRegister);
    }

    /** Every register with its open period: two queries, however many registers there are. */
    @Override
    public List<Register> findAll() {
        Map<UUID, RegisterPeriod> open = dsl.selectFrom(REGISTER_PERIOD)
                .where(REGISTER_PERIOD.CLOSED_AT.isNull())
                .fetchMap(REGISTER_PERIOD.REGISTER_ID, JooqRegisterRepository::toPeriod);
        return dsl.selectFrom(REGISTER)
                .orderBy(REGISTER.ID)
                .fetch(row -> toRegister(row, Optional.ofNullable(open.get(row.getId()))));
    }

    @Override
    public void insertPeriod(RegisterPeriod period) {
        dsl.insertInto(REGISTER_PERIOD)
                .set(REGISTER_PERIOD.ID, period.id())
                .set(REGISTER_PERIOD.REGISTER_ID, period.registerId())
                .set(REGISTER_PERIOD.OPENED_AT, toDb(period.openedAt()))
                .set(REGISTER_PERIOD.CURRENCY, period.openingFloat().currency().getCurrencyCode())
                .set(REGISTER_PERIOD.OPENING_FLOAT, period.openingFloat().amount())
                .execute();
    }

    @Override
    public void closePeriod(RegisterPeriod period) {
        dsl.update(REGISTER_PERIOD)
                .set(REGISTER_PERIOD.CLOSED_AT, toDb(period.closedAt().orElseThrow()))
                .set(
                        REGISTER_PERIOD.COUNTED_CASH,
                        period.countedCash().map(Money::amount).orElse(null))
                .where(REGISTER_PERIOD.ID.eq(period.id()))
                .execute();
    }

    @Override
    public List<ClosureReport.PaymentTotal> paymentTotals(UUID periodId) {
        var count = DSL.count();
        var sum = DSL.sum(SALE_PAYMENT.AMOUNT);
        return dsl.select(
                        PAYMENT_TYPE.ID,
                        PAYMENT_TYPE.NAME,
                        PAYMENT_TYPE.KIND,
                        PAYMENT_TYPE.PROCESSOR,
                        SALE_PAYMENT.CURRENCY,
                        count,
                        sum)
                .from(SALE_PAYMENT)
                .join(PAYMENT_TYPE)
                .on(PAYMENT_TYPE.ID.eq(SALE_PAYMENT.PAYMENT_TYPE_ID))
                .where(SALE_PAYMENT.REGISTER_PERIOD_ID.eq(periodId))
                .groupBy(
                        PAYMENT_TYPE.ID,
                        PAYMENT_TYPE.NAME,
                        PAYMENT_TYPE.KIND,
                        PAYMENT_TYPE.PROCESSOR,
                        SALE_PAYMENT.CURRENCY)
                .orderBy(PAYMENT_TYPE.NAME)
                .fetch(r -> new ClosureReport.PaymentTotal(
                        r.get(PAYMENT_TYPE.ID),
                        r.get(PAYMENT_TYPE.NAME),
                        PaymentKind.fromWire(r.get(PAYMENT_TYPE.KIND)),
                        Optional.ofNullable(r.get(PAYMENT_TYPE.PROCESSOR)),
                        r.get(count),
                        Money.of(
                                r.get(sum),
                                Currency.getInstance(
                                        r.get(SALE_PAYMENT.CURRENCY).trim()))));
    }

    @Override
    public List<RegisterPeriod> closedPeriods(UUID registerId, int limit) {
        return dsl.selectFrom(REGISTER_PERIOD)
                .where(REGISTER_PERIOD.REGISTER_ID.eq(registerId).and(REGISTER_PERIOD.CLOSED_AT.isNotNull()))
                .orderBy(REGISTER_PERIOD.OPENED_AT.desc())
                .limit(limit)
                .fetch(JooqRegisterRepository::toPeriod);
    }

    @Override
    public List<RegisterPeriod> closedPeriodsBetween(
            Collection<UUID> outletIds, Optional<Instant> from, Optional<Instant> to) {
        Condition closedInRange = REGISTER_PERIOD.CLOSED_AT.isNotNull();
        if (from.isPresent()) {
            closedInRange = closedInRange.and(REGISTER_PERIOD.CLOSED_AT.ge(toDb(from.get())));
        }
        if (to.isPresent()) {
            closedInRange = closedInRange.and(REGISTER_PERIOD.CLOSED_AT.lt(toDb(to.get())));
        }
        return dsl.select(REGISTER_PERIOD.fields())
                .from(REGISTER_PERIOD)
                .join(REGISTER)
                .on(REGISTER.ID.eq(REGISTER_PERIOD.REGISTER_ID))
                .where(REGISTER.OUTLET_ID.in(outletIds).and(closedInRange))
                .orderBy(REGISTER_PERIOD.CLOSED_AT.desc(), REGISTER_PERIOD.ID.desc())
                .fetch(r -> toPeriod(r.into(REGISTER_PERIOD)));
    }

    private Register toRegister(RegisterRecord row) {
        return toRegister(
                row,
                dsl.selectFrom(REGISTER_PERIOD)
                        .where(REGISTER_PERIOD.REGISTER_ID.eq(row.getId()).and(REGISTER_PERIOD.CLOSED_AT.isNull()))
                        .fetchOptional()
                        .map(JooqRegisterRepository::toPeriod));
    }

    private static Register toRegister(RegisterRecord row, Optional<RegisterPeriod> open) {
        return new Register(row.getId(), row.getOutletId(), row.getName(), fromDb(row.getCreatedAt()), open);
    }

    private static RegisterPeriod toPeriod(RegisterPeriodRecord row) {
        Currency currency = Currency.getInstance(row.getCurrency().trim());
        return new RegisterPeriod(
                row.getId(),
                row.getRegisterId(),
                fromDb(row.getOpenedAt()),
                Optional.ofNullable(row.getClosedAt()).map(t -> t.toInstant()),
                Money.of(row.getOpeningFloat(), currency),
                Optional.ofNullable(row.getCountedCash()).map(c -> Money.of(c, currency)));
    }
}
