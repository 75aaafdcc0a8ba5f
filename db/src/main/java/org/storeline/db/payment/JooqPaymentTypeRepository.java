package org.storeline.db.payment;

import static org.storeline.db.jooq.Tables.PAYMENT_TYPE;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.payment.PaymentTypeRepository;
import org.storeline.core.payment.ProcessorEndpoint;
import org.storeline.db.crypto.SecretBox;
import org.storeline.db.jooq.tables.records.PaymentTypeRecord;

/** Payment types on PostgreSQL; a processor's credentials are sealed with AES-256-GCM before they are written. */
public final class JooqPaymentTypeRepository implements PaymentTypeRepository {
    private final DSLContext dsl;
    private final SecretBox box;

    public JooqPaymentTypeRepository(DSLContext dsl, SecretBox box) {
        this.dsl = dsl;
        this.box = box;
    }

    @Override
    public void insert(PaymentType type, Optional<String> processorCredentials) {
        dsl.insertInto(PAYMENT_TYPE)
                .set(PAYMENT_TYPE.ID, type.id())
                .set(PAYMENT_TYPE.NAME, type.name())
                .set(PAYMENT_TYPE.KIND, type.kind().wireName())
                .set(PAYMENT_TYPE.PROCESSOR, type.processor().orElse(null))
                .set(PAYMENT_TYPE.CREATED_AT, toDb(type.createdAt()))
                .set(
                        PAYMENT_TYPE.PROCESSOR_URL,
                        type.processorUrl().map(URI::toString).orElse(null))
                .set(
                        PAYMENT_TYPE.PROCESSOR_CREDENTIALS,
                        processorCredentials.map(box::encrypt).orElse(null))
                .set(
                        PAYMENT_TYPE.KEY_ID,
                        processorCredentials.map(c -> box.currentKeyId()).orElse(null))
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

    @Override
    public Optional<ProcessorEndpoint> endpointOf(UUID id) {
        return dsl.selectFrom(PAYMENT_TYPE)
                .where(PAYMENT_TYPE.ID.eq(id))
                .fetchOptional()
                .filter(row -> row.getProcessorUrl() != null)
                .map(row -> new ProcessorEndpoint(
                        URI.create(row.getProcessorUrl()),
                        Optional.ofNullable(row.getProcessorCredentials())
                                .map(boxed -> box.decrypt(row.getKeyId(), boxed))));
    }

    private static PaymentType toType(PaymentTypeRecord row) {
        return new PaymentType(
                row.getId(),
                row.getName(),
                PaymentKind.fromWire(row.getKind()),
                Optional.ofNullable(row.getProcessor()),
                fromDb(row.getCreatedAt()),
                Optional.ofNullable(row.getProcessorUrl()).map(URI::create),
                row.getProcessorCredentials() != null);
    }
}
