package org.storeline.db.payment;

import static org.storeline.db.jooq.Tables.PAYMENT_TYPE;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.payment.PaymentTypeRepository;
import org.storeline.db.jooq.tables.records.PaymentTypeRecord;

public final class JooqPaymentTypeRepository implements PaymentTypeRepository {
    private final DSLContext dsl;

    public JooqPaymentTypeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(PaymentType type) {
        dsl.insertInto(PAYMENT_TYPE)
                .set(PAYMENT_TYPE.ID, type.id())
                .set(PAYMENT_TYPE.NAME, type.name())
                .set(PAYMENT_TYPE.KIND, type.kind().wireName())
                .set(PAYMENT_TYPE.PROCESSOR, type.processor().orElse(null))
                .set(PAYMENT_TYPE.CREATED_AT, toDb(type.createdAt()))
                .execute();
    }

    @Override
    public Optional<PaymentType> findById(UUID id) {
        return dsl.selectFrom(PAYMENT_TYPE)
                .where(PAYMENT_TYPE.ID.eq(id))
                .fetchOptional()
                .map(JooqPaymentTypeRepository::toType);
    }

    @Override
    public boolean nameTaken(String name) {
        return dsl.fetchExists(PAYMENT_TYPE, PAYMENT_TYPE.NAME.eq(name));
    }

    @Override
    public List<PaymentType> findAll() {
        return dsl.selectFrom(PAYMENT_TYPE).orderBy(PAYMENT_TYPE.ID).fetch(JooqPaymentTypeRepository::toType);
    }

    private static PaymentType toType(PaymentTypeRecord row) {
        return new PaymentType(
                row.getId(),
                row.getName(),
                PaymentKind.fromWire(row.getKind()),
                Optional.ofNullable(row.getProcessor()),
                fromDb(row.getCreatedAt()));
    }
}
