package org.storeline.core.email;

/** Port: the single row of email settings; the password is sealed at rest by the adapter. */
public interface EmailSettingsRepository {
    EmailSettings get();

    void update(EmailSettings settings);
}
