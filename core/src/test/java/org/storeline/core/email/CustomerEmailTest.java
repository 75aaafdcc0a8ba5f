package org.storeline.core.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.customer.Email;
import org.storeline.core.outlet.Language;

class CustomerEmailTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(10), 3);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private static CustomerEmail.Draft draft(Optional<Email> to) {
        return new CustomerEmail.Draft(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                EmailKind.SHIPPED,
                7,
                to,
                Language.FR,
                new Letter("Votre commande #1 a été expédiée", "Bonjour,"));
    }

    private static final CustomerEmail PENDING =
            CustomerEmail.toSend(draft(Optional.of(Email.of("anne@example.com"))), NOW);

    @Test
    void aNewEmailIsDueAtOnceAndAClaimCountsAnAttemptAndHoldsItForTheLease() {
        CustomerEmail claimed = PENDING.claimed(NOW, LEASE);

        assertThat(PENDING.nextAttemptAt()).contains(NOW);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.nextAttemptAt()).contains(NOW.plus(LEASE));
    }

    @Test
    void aFailedAttemptKeepsItsErrorAndIsTriedAgainUntilTheAttemptsRunOut() {
        CustomerEmail once = PENDING.claimed(NOW, LEASE).failed("Connection refused", true, RETRY, NOW);
        CustomerEmail thrice = once.claimed(NOW, LEASE)
                .failed("Connection refused", true, RETRY, NOW)
                .claimed(NOW, LEASE)
                .failed("Connection refused again", true, RETRY, NOW);

        assertThat(once.status()).isEqualTo(CustomerEmailStatus.FAILED);
        assertThat(once.lastError()).contains("Connection refused");
        assertThat(once.nextAttemptAt()).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(thrice.attempts()).isEqualTo(3);
        assertThat(thrice.lastError()).contains("Connection refused again");
        assertThat(thrice.nextAttemptAt()).isEmpty();
    }

    @Test
    void anAddressTheServerRefusesIsNotTriedAgain() {
        CustomerEmail refused = PENDING.claimed(NOW, LEASE).failed("550 no such user", false, RETRY, NOW);

        assertThat(refused.status()).isEqualTo(CustomerEmailStatus.FAILED);
        assertThat(refused.nextAttemptAt()).isEmpty();
    }

    @Test
    void aSentEmailIsNoLongerDueAndTellsWhenItWent() {
        CustomerEmail sent = PENDING.claimed(NOW, LEASE)
                .failed("Connection refused", true, RETRY, NOW)
                .claimed(NOW, LEASE)
                .sent(NOW.plusSeconds(60));

        assertThat(sent.status()).isEqualTo(CustomerEmailStatus.SENT);
        assertThat(sent.sentAt()).contains(NOW.plusSeconds(60));
        assertThat(sent.nextAttemptAt()).isEmpty();
        assertThat(sent.attempts()).isEqualTo(2);
    }

    @Test
    void aResendGoesToTheAddressGivenAtOnceWithAFreshRoundOfAttempts() {
        CustomerEmail skipped = CustomerEmail.skipped(draft(Optional.empty()), FulfillmentEmailReader.NO_ADDRESS, NOW);
        CustomerEmail again = skipped.resend(Email.of("new@example.com"), NOW.plusSeconds(5));
        CustomerEmail sentAgain = PENDING.claimed(NOW, LEASE).sent(NOW).resend(Email.of("anne@example.com"), NOW);

        assertThat(skipped.nextAttemptAt()).isEmpty();
        assertThat(again.status()).isEqualTo(CustomerEmailStatus.PENDING);
        assertThat(again.recipient()).contains(Email.of("new@example.com"));
        assertThat(again.skipReason()).isEmpty();
        assertThat(again.nextAttemptAt()).contains(NOW.plusSeconds(5));
        assertThat(sentAgain.attempts()).isZero();
        assertThat(sentAgain.sentAt()).contains(NOW);
    }
}
