package org.storeline.server.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.storeline.core.email.EmailSettings;

/** How each kind of connection is set up: STARTTLS is required when asked for, TLS checks the server's name. */
class SmtpMailerTest {
    private static EmailSettings server(String security, boolean login) {
        return EmailSettings.OFF.with(new EmailSettings.Changes(
                Optional.of(true),
                Optional.of("smtp.example.com"),
                Optional.empty(),
                Optional.of(security),
                Optional.ofNullable(login ? "shop" : null),
                Optional.ofNullable(login ? "secret" : null),
                Optional.of("shop@example.com"),
                Optional.empty()));
    }

    @Test
    void starttlsIsRequiredNeverSkippedAndTheCertificatesNameIsChecked() {
        Properties props = SmtpMailer.properties(server("starttls", true), Duration.ofSeconds(20));

        assertThat(SmtpMailer.protocol(server("starttls", true).security())).isEqualTo("smtp");
        assertThat(props)
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.connectiontimeout", "20000")
                .containsEntry("mail.smtp.timeout", "20000")
                .containsEntry("mail.smtp.writetimeout", "20000");
    }

    @Test
    void tlsSpeaksSmtpsFromTheFirstByteOnItsUsualPort() {
        EmailSettings tls = server("tls", false);
        Properties props = SmtpMailer.properties(tls, Duration.ofSeconds(5));

        assertThat(SmtpMailer.protocol(tls.security())).isEqualTo("smtps");
        assertThat(tls.port()).isEqualTo(465);
        assertThat(props)
                .containsEntry("mail.smtps.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtps.auth", "false")
                .doesNotContainKey("mail.smtp.starttls.enable");
    }

    @Test
    void noSecurityIsPlainSmtpWithoutStarttls() {
        Properties props = SmtpMailer.properties(server("none", false), Duration.ofSeconds(5));

        assertThat(props)
                .doesNotContainKey("mail.smtp.starttls.enable")
                .doesNotContainKey("mail.smtp.ssl.checkserveridentity");
    }
}
