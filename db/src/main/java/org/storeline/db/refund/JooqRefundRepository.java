package org.storeline.db.refund;

import static org.storeline.db.jooq.Tables.REFUND;
import static org.storeline.db.jooq.Tables.SALE;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.storeline.core.money.Money;
import org.storeline.core.refund.Refund;
import org.storeline.core.refund.RefundRepository;
import org.storeline.core.refund.RefundStatus;
import org.storeline.db.jooq.tables.records.RefundRecord;

/** Refunds on PostgreSQL: one row per return, claimed for a recheck with FOR UPDATE SKIP LOCKED. */
public final class JooqRefundRepository implements RefundRepository {
    private static final List<String> IN_FLIGHT =
            List.of(RefundStatus.PENDING.wireName(), RefundStatus.UNKNOWN.wireName());

    private final DSLContext dsl;

    public JooqRefundRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(Refund refund) {
        RefundRecord row = dsl.newRecord(REFUND);
        row.setId(refund.id());
        row.setSaleId(refund.saleId());
        row.setReturnSaleId(refund.returnSaleId());
        row.setRequestKey(refund.requestKey().orElse(null));
        row.setRequestDigest(refund.requestDigest().orElse(null));
        row.setPaymentTypeId(refund.paymentTypeId().orElse(null));
        row.setPaymentReference(refund.paymentReference().orElse(null));
        row.setAmount(refund.amount().amount());
        row.setCurrency(refund.amount().currency().getCurrencyCode());
        row.setReason(refund.reason());
        row.setRegisterId(refund.registerId());
        row.setUserId(refund.userId().orElse(null));
        row.setCreatedAt(toDb(refund.createdAt()));
        setState(row, refund);
        row.insert();
    }

    @Override
    public void update(Refund refund) {
        RefundRecord row = dsl.newRecord(REFUND);
        setState(row, refund);
        dsl.update(REFUND).set(row).where(REFUND.ID.eq(refund.id())).execute();
    }

    private static void setState(RefundRecord row, Refund refund) {
        row.setStatus(refund.status().wireName());
        row.setMessage(refund.message());
        row.setAttempts(refund.attempts());
        row.setNextAttemptAt(toDb(refund.nextAttemptAt().orElse(null)));
        row.setUpdatedAt(toDb(refund.updatedAt()));
    }

    @Override
    public Optional<Refund> findById(UUID id) {
        return dsl.selectFrom(REFUND).where(REFUND.ID.eq(id)).fetchOptional().map(JooqRefundRepository::toRefund);
    }

    @Override
    public Optional<Refund> findByIdForUpdate(UUID id) {
        return dsl.selectFrom(REFUND)
                .where(REFUND.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .map(JooqRefundRepository::toRefund);
    }

    @Override
    public Optional<Refund> findByRequestKey(UUID saleId, String requestKey) {
        return dsl.selectFrom(REFUND)
                .where(REFUND.SALE_ID.eq(saleId).and(REFUND.REQUEST_KEY.eq(requestKey)))
                .fetchOptional()
                .map(JooqRefundRepository::toRefund);
    }

    @Override
    public List<Refund> findByReturns(Collection<UUID> returnSaleIds) {
        if (returnSaleIds.isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(REFUND)
                .where(REFUND.RETURN_SALE_ID.in(returnSaleIds))
                .fetch(JooqRefundRepository::toRefund);
    }

    @Override
    public Money committedFor(UUID saleId, Currency currency) {
        BigDecimal sum = dsl.select(DSL.sum(REFUND.AMOUNT))
                .from(REFUND)
                .where(REFUND.SALE_ID.eq(saleId).and(REFUND.STATUS.ne(RefundStatus.REFUSED.wireName())))
                .fetchOne(0, BigDecimal.class);
        return Money.of(sum == null ? BigDecimal.ZERO : sum, currency);
    }

    @Override
    public List<UUID> claimDue(Instant now, int limit, Instant leaseUntil) {
        var due = dsl.select(REFUND.ID)
                .from(REFUND)
                .where(REFUND.STATUS.in(IN_FLIGHT).and(REFUND.NEXT_ATTEMPT_AT.le(toDb(now))))
                .orderBy(REFUND.NEXT_ATTEMPT_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return dsl.update(REFUND)
                .set(REFUND.NEXT_ATTEMPT_AT, toDb(leaseUntil))
                .set(REFUND.ATTEMPTS, REFUND.ATTEMPTS.plus(1))
                .set(REFUND.UPDATED_AT, toDb(now))
                .where(REFUND.ID.in(due))
                .returning(REFUND.ID)
                .fetch(REFUND.ID);
    }

    @Override
    public List<ReturnSummary> returnsOf(Collection<UUID> saleIds) {
        if (saleIds.isEmpty()) {
            return List.of();
        }
        return dsl.select(REFUND.SALE_ID, REFUND.RETURN_SALE_ID, SALE.RECEIPT_NUMBER, REFUND.STATUS)
                .from(REFUND)
                .join(SALE)
                .on(SALE.ID.eq(REFUND.RETURN_SALE_ID))
                .where(REFUND.SALE_ID.in(saleIds))
                .orderBy(REFUND.RETURN_SALE_ID)
                .fetch(r -> new ReturnSummary(r.value1(), r.value2(), r.value3(), RefundStatus.fromWire(r.value4())));
    }

    private static Refund toRefund(RefundRecord row) {
        return new Refund(
                row.getId(),
                row.getSaleId(),
                row.getReturnSaleId(),
                Optional.ofNullable(row.getRequestKey()),
                Optional.ofNullable(row.getRequestDigest()),
                Optional.ofNullable(row.getPaymentTypeId()),
                Optional.ofNullable(row.getPaymentReference()),
                Money.of(row.getAmount(), Currency.getInstance(row.getCurrency().trim())),
                row.getReason(),
                RefundStatus.fromWire(row.getStatus()),
                row.getMessage(),
                row.getRegisterId(),
                Optional.ofNullable(row.getUserId()),
                row.getAttempts(),
                Optional.ofNullable(fromDb(row.getNextAttemptAt())),
                fromDb(row.getCreatedAt()),
                fromDb(row.getUpdatedAt()));
    }
}
