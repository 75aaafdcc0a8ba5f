package org.storeline.db.register;

import static org.storeline.db.jooq.Tables.PAYMENT_TYPE;
import static org.storeline.db.jooq.Tables.REGISTER;
import static org.storeline.db.jooq.Tables.REGISTER_CLOSURE_TOTAL;
import static org.storeline.db.jooq.Tables.REGISTER_PERIOD;
import static org.storeline.db.jooq.Tables.SALE_PAYMENT;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.math.BigDecimal;
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

    /**
     * FOR KEY SHARE: it conflicts with the FOR UPDATE of opening and closing, not with other imports nor with the
     * key share that the foreign keys of the sale and payment rows take on the register anyway. The open period is
     * read by a second statement, after the lock is granted, so it sees a closing that committed meanwhile.
     */
    @Override
    public Optional<Register> findByIdForShare(UUID id) {
        return dsl.selectFrom(REGISTER)
                .where(REGISTER.ID.eq(id))
                .forKeyShare()
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
    public int carryOverPayments(UUID registerId, UUID periodId) {
        int carried = dsl.update(SALE_PAYMENT)
                .set(SALE_PAYMENT.REGISTER_PERIOD_ID, periodId)
                .where(SALE_PAYMENT.REGISTER_ID.eq(registerId).and(SALE_PAYMENT.REGISTER_PERIOD_ID.isNull()))
                .execute();
        if (carried > 0) {
            dsl.update(REGISTER_PERIOD)
                    .set(REGISTER_PERIOD.CARRIED_OVER, carried)
                    .where(REGISTER_PERIOD.ID.eq(periodId))
                    .execute();
        }
        return carried;
    }

    @Override
    public int carriedOver(UUID periodId) {
        return dsl.select(REGISTER_PERIOD.CARRIED_OVER)
                .from(REGISTER_PERIOD)
                .where(REGISTER_PERIOD.ID.eq(periodId))
                .fetchOptional(REGISTER_PERIOD.CARRIED_OVER)
                .orElse(0);
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
                .orderBy(PAYMENT_TYPE.NAME, PAYMENT_TYPE.ID, SALE_PAYMENT.CURRENCY)
                .fetch(r -> new ClosureReport.PaymentTotal(
                        r.get(PAYMENT_TYPE.ID),
                        r.get(PAYMENT_TYPE.NAME),
                        PaymentKind.fromWire(r.get(PAYMENT_TYPE.KIND)),
                        Optional.ofNullable(r.get(PAYMENT_TYPE.PROCESSOR)),
                        r.get(count),
                        money(r.get(sum), r.get(SALE_PAYMENT.CURRENCY))));
    }

    @Override
    public void closePeriod(ClosureReport report) {
        RegisterPeriod period = report.period();
        dsl.update(REGISTER_PERIOD)
                .set(REGISTER_PERIOD.CLOSED_AT, toDb(period.closedAt().orElseThrow()))
                .set(
                        REGISTER_PERIOD.COUNTED_CASH,
                        period.countedCash().map(Money::amount).orElse(null))
                .set(REGISTER_PERIOD.EXPECTED_CASH, report.expectedCash().amount())
                .where(REGISTER_PERIOD.ID.eq(period.id()))
                .execute();
        if (report.payments().isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(
                REGISTER_CLOSURE_TOTAL,
                REGISTER_CLOSURE_TOTAL.REGISTER_PERIOD_ID,
                REGISTER_CLOSURE_TOTAL.PAYMENT_TYPE_ID,
                REGISTER_CLOSURE_TOTAL.CURRENCY,
                REGISTER_CLOSURE_TOTAL.NAME,
                REGISTER_CLOSURE_TOTAL.KIND,
                REGISTER_CLOSURE_TOTAL.PROCESSOR,
                REGISTER_CLOSURE_TOTAL.PAYMENT_COUNT,
                REGISTER_CLOSURE_TOTAL.TOTAL);
        for (ClosureReport.PaymentTotal total : report.payments()) {
            insert = insert.values(
                    period.id(),
                    total.paymentTypeId(),
                    total.total().currency().getCurrencyCode(),
                    total.name(),
                    total.kind().wireName(),
                    total.processor().orElse(null),
                    Math.toIntExact(total.count()),
                    total.total().amount());
        }
        insert.execute();
    }

    @Override
    public List<ClosureReport> closureReports(UUID registerId, int limit) {
        return closureReports(REGISTER_PERIOD.REGISTER_ID.eq(registerId), limit);
    }

    @Override
    public List<ClosureReport> closureReports(
            Optional<Collection<UUID>> outletIds, Optional<Instant> from, Optional<Instant> to) {
        Condition where = DSL.noCondition()
                .and(outletIds.map(REGISTER.OUTLET_ID::in).orElse(DSL.noCondition()))
                .and(from.map(f -> REGISTER_PERIOD.CLOSED_AT.ge(toDb(f))).orElse(DSL.noCondition()))
                .and(to.map(t -> REGISTER_PERIOD.CLOSED_AT.lt(toDb(t))).orElse(DSL.noCondition()));
        return closureReports(where, Integer.MAX_VALUE);
    }

    /** Closed periods with their stored totals: two queries, however many reports. */
    private List<ClosureReport> closureReports(Condition where, int limit) {
        var periods = dsl.select(REGISTER.OUTLET_ID, REGISTER_PERIOD.asterisk())
                .from(REGISTER_PERIOD)
                .join(REGISTER)
                .on(REGISTER.ID.eq(REGISTER_PERIOD.REGISTER_ID))
                .where(REGISTER_PERIOD.CLOSED_AT.isNotNull().and(where))
                .orderBy(REGISTER_PERIOD.CLOSED_AT.desc(), REGISTER_PERIOD.ID.desc())
                .limit(limit)
                .fetch();
        List<UUID> ids = periods.map(r -> r.get(REGISTER_PERIOD.ID));
        Map<UUID, List<ClosureReport.PaymentTotal>> totals = storedTotals(ids);
        return periods.map(r -> {
            RegisterPeriod period = toPeriod(r.into(REGISTER_PERIOD));
            return new ClosureReport(
                    period.registerId(),
                    r.get(REGISTER.OUTLET_ID),
                    period,
                    totals.getOrDefault(period.id(), List.of()),
                    Money.of(
                            r.get(REGISTER_PERIOD.EXPECTED_CASH),
                            period.openingFloat().currency()),
                    period.countedCash(),
                    r.get(REGISTER_PERIOD.CARRIED_OVER));
        });
    }

    private Map<UUID, List<ClosureReport.PaymentTotal>> storedTotals(List<UUID> periodIds) {
        if (periodIds.isEmpty()) {
            return Map.of();
        }
        var t = REGISTER_CLOSURE_TOTAL;
        return dsl.selectFrom(t)
                .where(t.REGISTER_PERIOD_ID.in(periodIds))
                .orderBy(t.NAME, t.PAYMENT_TYPE_ID, t.CURRENCY)
                .fetchGroups(
                        t.REGISTER_PERIOD_ID,
                        r -> new ClosureReport.PaymentTotal(
                                r.getPaymentTypeId(),
                                r.getName(),
                                PaymentKind.fromWire(r.getKind()),
                                Optional.ofNullable(r.getProcessor()),
                                r.getPaymentCount(),
                                money(r.getTotal(), r.getCurrency())));
    }

    private static Money money(BigDecimal amount, String currency) {
        return Money.of(amount, Currency.getInstance(currency.trim()));
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
