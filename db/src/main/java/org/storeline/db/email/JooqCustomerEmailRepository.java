package org.storeline.db.email;

import static org.storeline.db.jooq.Tables.CUSTOMER_EMAIL;
import static org.storeline.db.jooq.Tables.CUSTOMER_EMAIL_CURSOR;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.storeline.core.customer.Email;
import org.storeline.core.email.CustomerEmail;
import org.storeline.core.email.CustomerEmailRepository;
import org.storeline.core.email.CustomerEmailStatus;
import org.storeline.core.email.EmailKind;
import org.storeline.core.email.Letter;
import org.storeline.core.outlet.Language;
import org.storeline.db.jooq.tables.records.CustomerEmailRecord;

/**
 * Customer emails on PostgreSQL: unique per (fulfillment, kind), claimed for sending with FOR UPDATE SKIP LOCKED, and
 * the outbox cursor of the job that writes them (one row, locked while a batch of events is read).
 */
public final class JooqCustomerEmailRepository implements CustomerEmailRepository {
    private static final List<String> DUE =
            List.of(CustomerEmailStatus.PENDING.wireName(), CustomerEmailStatus.FAILED.wireName());

    private final DSLContext dsl;

    public JooqCustomerEmailRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean insertIfAbsent(CustomerEmail email) {
        CustomerEmailRecord row = dsl.newRecord(CUSTOMER_EMAIL);
        row.setId(email.id());
        row.setSaleId(email.saleId());
        row.setFulfillmentId(email.fulfillmentId());
        row.setOutletId(email.outletId());
        row.setKind(email.kind().wireName());
        row.setEventId(email.eventPosition());
        row.setLanguage(email.language().wireName());
        row.setSubject(email.letter().subject());
        row.setBody(email.letter().body());
        row.setCreatedAt(toDb(email.createdAt()));
        setState(row, email);
        return dsl.insertInto(CUSTOMER_EMAIL)
                        .set(row)
                        .onConflict(CUSTOMER_EMAIL.FULFILLMENT_ID, CUSTOMER_EMAIL.KIND)
                        .doNothing()
                        .execute()
                == 1;
    }

    @Override
    public boolean exists(UUID fulfillmentId, EmailKind kind) {
        return dsl.fetchExists(
                CUSTOMER_EMAIL,
                CUSTOMER_EMAIL.FULFILLMENT_ID.eq(fulfillmentId).and(CUSTOMER_EMAIL.KIND.eq(kind.wireName())));
    }

    @Override
    public Optional<CustomerEmail> findById(UUID id) {
        return dsl.selectFrom(CUSTOMER_EMAIL)
                .where(CUSTOMER_EMAIL.ID.eq(id))
                .fetchOptional()
                .map(JooqCustomerEmailRepository::toEmail);
    }

    @Override
    public Optional<CustomerEmail> findByIdForUpdate(UUID id) {
        return dsl.selectFrom(CUSTOMER_EMAIL)
                .where(CUSTOMER_EMAIL.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .map(JooqCustomerEmailRepository::toEmail);
    }

    @Override
    public List<CustomerEmail> findBySale(UUID saleId) {
        return dsl.selectFrom(CUSTOMER_EMAIL)
                .where(CUSTOMER_EMAIL.SALE_ID.eq(saleId))
                .orderBy(CUSTOMER_EMAIL.CREATED_AT, CUSTOMER_EMAIL.ID)
                .fetch(JooqCustomerEmailRepository::toEmail);
    }

    @Override
    public List<CustomerEmail> claimDue(Instant now, int limit, Instant leaseUntil) {
        var due = dsl.select(CUSTOMER_EMAIL.ID)
                .from(CUSTOMER_EMAIL)
                .where(CUSTOMER_EMAIL.STATUS.in(DUE).and(CUSTOMER_EMAIL.NEXT_ATTEMPT_AT.le(toDb(now))))
                .orderBy(CUSTOMER_EMAIL.NEXT_ATTEMPT_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return dsl.update(CUSTOMER_EMAIL)
                .set(CUSTOMER_EMAIL.NEXT_ATTEMPT_AT, toDb(leaseUntil))
                .set(CUSTOMER_EMAIL.ATTEMPTS, CUSTOMER_EMAIL.ATTEMPTS.plus(1))
                .set(CUSTOMER_EMAIL.UPDATED_AT, toDb(now))
                .where(CUSTOMER_EMAIL.ID.in(due))
                .returning()
                .fetch(JooqCustomerEmailRepository::toEmail);
    }

    @Override
    public void update(CustomerEmail email) {
        CustomerEmailRecord row = dsl.newRecord(CUSTOMER_EMAIL);
        setState(row, email);
        dsl.update(CUSTOMER_EMAIL)
                .set(row)
                .where(CUSTOMER_EMAIL.ID.eq(email.id()))
                .execute();
    }

    private static void setState(CustomerEmailRecord row, CustomerEmail email) {
        row.setRecipient(email.recipient().map(Email::value).orElse(null));
        row.setStatus(email.status().wireName());
        row.setAttempts(email.attempts());
        row.setNextAttemptAt(toDb(email.nextAttemptAt().orElse(null)));
        row.setLastError(email.lastError().orElse(null));
        row.setSkipReason(email.skipReason().orElse(null));
        row.setSentAt(toDb(email.sentAt().orElse(null)));
        row.setUpdatedAt(toDb(email.updatedAt()));
    }

    @Override
    public long lockCursor() {
        return dsl.select(CUSTOMER_EMAIL_CURSOR.POSITION)
                .from(CUSTOMER_EMAIL_CURSOR)
                .where(CUSTOMER_EMAIL_CURSOR.ID.eq((short) 1))
                .forUpdate()
                .fetchSingle(CUSTOMER_EMAIL_CURSOR.POSITION);
    }

    @Override
    public void moveCursor(long position, Instant at) {
        dsl.update(CUSTOMER_EMAIL_CURSOR)
                .set(CUSTOMER_EMAIL_CURSOR.POSITION, position)
                .set(CUSTOMER_EMAIL_CURSOR.UPDATED_AT, toDb(at))
                .where(CUSTOMER_EMAIL_CURSOR.ID.eq((short) 1))
                .execute();
    }

    private static CustomerEmail toEmail(CustomerEmailRecord row) {
        return new CustomerEmail(
                row.getId(),
                row.getSaleId(),
                row.getFulfillmentId(),
                row.getOutletId(),
                EmailKind.fromWire(row.getKind()),
                row.getEventId(),
                Optional.ofNullable(row.getRecipient()).map(Email::of),
                Language.fromWire(row.getLanguage()),
                new Letter(row.getSubject(), row.getBody()),
                CustomerEmailStatus.fromWire(row.getStatus()),
                row.getAttempts(),
                Optional.ofNullable(row.getNextAttemptAt()).map(t -> fromDb(t)),
                Optional.ofNullable(row.getLastError()),
                Optional.ofNullable(row.getSkipReason()),
                fromDb(row.getCreatedAt()),
                Optional.ofNullable(row.getSentAt()).map(t -> fromDb(t)),
                fromDb(row.getUpdatedAt()));
    }
}
