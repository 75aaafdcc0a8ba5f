package org.storeline.core.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.storeline.core.customer.Email;
import org.storeline.core.error.ErrorCode;

class EmailSettingsTest {
    private static final EmailSettings.Changes NONE = changes(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    private static EmailSettings.Changes changes(
            Optional<Boolean> enabled,
            Optional<String> host,
            Optional<Long> port,
            Optional<String> security,
            Optional<String> username,
            Optional<String> password,
            Optional<String> from) {
        return new EmailSettings.Changes(enabled, host, port, security, username, password, from, Optional.empty());
    }

    private static final EmailSettings ON = EmailSettings.OFF.with(changes(
            Optional.of(true),
            Optional.of(" smtp.example.com "),
            Optional.empty(),
            Optional.empty(),
            Optional.of("shop"),
            Optional.of(" s3cret "),
            Optional.of("shop@example.com")));

    @Test
    void aNewStoreSendsNoEmail() {
        assertThat(EmailSettings.OFF.enabled()).isFalse();
        assertThat(EmailSettings.OFF.security()).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(EmailSettings.OFF.port()).isEqualTo(587);
    }

    @Test
    void turnedOnTheSettingsKeepWhatWasGivenTrimmedButThePasswordAsItCame() {
        assertThat(ON.enabled()).isTrue();
        assertThat(ON.host()).contains("smtp.example.com");
        assertThat(ON.password()).contains(" s3cret ");
        assertThat(ON.fromAddress()).contains(Email.of("shop@example.com"));
    }

    @Test
    void emailsAreNotTurnedOnWithoutAHostOrAFromAddress() {
        var on = changes(
                Optional.of(true),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        assertRefused(ErrorCode.INVALID_REQUEST, () -> EmailSettings.OFF.with(on));
        assertRefused(
                ErrorCode.INVALID_REQUEST,
                () -> ON.with(changes(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(""))));
    }

    @Test
    void aPasswordLeftOutIsKeptAndAnEmptyOneClearsIt() {
        assertThat(ON.with(NONE).password()).contains(" s3cret ");
        assertThat(ON.with(changes(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(""),
                                Optional.empty()))
                        .hasPassword())
                .isFalse();
    }

    @Test
    void anotherSecurityWithoutAPortMovesToItsUsualPortAndAPortGivenWins() {
        assertThat(ON.with(changes(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("tls"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()))
                        .port())
                .isEqualTo(465);
        assertThat(ON.with(changes(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(2525L),
                                Optional.of("none"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()))
                        .port())
                .isEqualTo(2525);
    }

    @Test
    void badValuesAreRefusedWithTheFieldNamed() {
        assertRefused(
                ErrorCode.INVALID_REQUEST,
                () -> ON.with(changes(
                        Optional.empty(),
                        Optional.of("smtp example.com"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));
        assertRefused(
                ErrorCode.INVALID_REQUEST,
                () -> ON.with(changes(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(70_000L),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));
        assertRefused(
                ErrorCode.INVALID_REQUEST,
                () -> ON.with(changes(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("ssl"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));
        assertRefused(
                ErrorCode.INVALID_REQUEST,
                () -> ON.with(new EmailSettings.Changes(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("Shop\r\nBcc: everyone@example.com"))));
    }

    @Test
    void thePasswordIsNeverWrittenOut() {
        assertThat(ON.toString()).doesNotContain("s3cret").contains("password=(set)");
    }
}
