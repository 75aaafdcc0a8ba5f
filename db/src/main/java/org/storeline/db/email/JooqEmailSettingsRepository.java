package org.storeline.db.email;

import static org.storeline.db.jooq.Tables.EMAIL_SETTINGS;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.storeline.core.customer.Email;
import org.storeline.core.email.EmailSettings;
import org.storeline.core.email.EmailSettingsRepository;
import org.storeline.core.email.SmtpSecurity;
import org.storeline.db.crypto.SecretBox;
import org.storeline.db.jooq.tables.records.EmailSettingsRecord;

/** The email settings' single row; the SMTP password is sealed with AES-256-GCM, like channel credentials. */
public final class JooqEmailSettingsRepository implements EmailSettingsRepository {
    private final DSLContext dsl;
    private final SecretBox box;

    public JooqEmailSettingsRepository(DSLContext dsl, SecretBox box) {
        this.dsl = dsl;
        this.box = box;
    }

    @Override
    public EmailSettings get() {
        EmailSettingsRecord row = dsl.selectFrom(EMAIL_SETTINGS)
                .where(EMAIL_SETTINGS.ID.eq((short) 1))
                .fetchSingle();
        Optional<String> password =
                Optional.ofNullable(row.getPassword()).map(boxed -> box.decrypt(row.getKeyId(), boxed));
        return new EmailSettings(
                row.getEnabled(),
                Optional.ofNullable(row.getHost()),
                row.getPort(),
                SmtpSecurity.fromWire(row.getSecurity()),
                Optional.ofNullable(row.getUsername()),
                password,
                Optional.ofNullable(row.getFromAddress()).map(Email::of),
                Optional.ofNullable(row.getFromName()));
    }

    /** Writes them all; the password is sealed again with the current key (so a rotated key takes over). */
    @Override
    public void update(EmailSettings settings) {
        dsl.update(EMAIL_SETTINGS)
                .set(EMAIL_SETTINGS.ENABLED, settings.enabled())
                .set(EMAIL_SETTINGS.HOST, settings.host().orElse(null))
                .set(EMAIL_SETTINGS.PORT, settings.port())
                .set(EMAIL_SETTINGS.SECURITY, settings.security().wireName())
                .set(EMAIL_SETTINGS.USERNAME, settings.username().orElse(null))
                .set(
                        EMAIL_SETTINGS.PASSWORD,
                        settings.password().map(box::encrypt).orElse(null))
                .set(
                        EMAIL_SETTINGS.KEY_ID,
                        settings.password().map(p -> box.currentKeyId()).orElse(null))
                .set(
                        EMAIL_SETTINGS.FROM_ADDRESS,
                        settings.fromAddress().map(Email::value).orElse(null))
                .set(EMAIL_SETTINGS.FROM_NAME, settings.fromName().orElse(null))
                .set(EMAIL_SETTINGS.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(EMAIL_SETTINGS.ID.eq((short) 1))
                .execute();
    }
}
