package org.storeline.core.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.money.Money;

/** A refund's life: sent once, answered, rechecked while unknown with a growing delay, settled for good. */
class RefundTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private static Refund.Draft draft() {
        return new Refund.Draft(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Optional.of("key-1"),
                Optional.of("digest"),
                Optional.of(UUID.randomUUID()),
                Optional.of("payment-1"),
                Money.of("12.50", "EUR"),
                "too small",
                UUID.randomUUID(),
                Optional.empty());
    }

    @Test
    void aRefundToSendIsPendingAndDueAgainOnlyIfNoAnswerIsRecordedInTime() {
        Refund sent = Refund.toSend(draft(), "Stripe", NOW, Duration.ofSeconds(40));

        assertThat(sent.status()).isEqualTo(RefundStatus.PENDING);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.nextAttemptAt()).contains(NOW.plusSeconds(40));
        assertThat(sent.message()).isEqualTo("Sent to Stripe; waiting for its answer.");
    }

    @Test
    void anUnknownAnswerIsDueAtOnceAfterTheFirstAttemptThenLater() {
        Refund unknown = Refund.toSend(draft(), "Stripe", NOW, Duration.ofSeconds(40))
                .unknown("Stripe", "it did not answer within 3 s", NOW);

        assertThat(unknown.status()).isEqualTo(RefundStatus.UNKNOWN);
        assertThat(unknown.nextAttemptAt()).contains(NOW);
        assertThat(unknown.message()).contains("it did not answer within 3 s").contains("same refund id");

        Refund again = unknown.claimed(NOW, Duration.ofSeconds(40)).unknown("Stripe", "HTTP 503", NOW);
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.nextAttemptAt()).contains(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void theRecheckDelayDoublesUpToAnHour() {
        assertThat(Refund.recheckDelay(1)).isZero();
        assertThat(Refund.recheckDelay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Refund.recheckDelay(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Refund.recheckDelay(8)).isEqualTo(Duration.ofHours(1));
        assertThat(Refund.recheckDelay(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aRefusalKeepsTheProcessorsWordsAndIsFinal() {
        Refund refused =
                Refund.toSend(draft(), "Stripe", NOW, Duration.ofSeconds(40)).refused("Stripe", "Card expired", NOW);

        assertThat(refused.message()).startsWith("Stripe refused the refund: Card expired. Nothing was refunded");
        assertThat(refused.nextAttemptAt()).isEmpty();
        assertRefused(ErrorCode.INVALID_TRANSITION, () -> refused.succeeded("Stripe", NOW));
    }

    @Test
    void aSuccessSaysHowMuchWentBackAndWhere() {
        Refund done =
                Refund.toSend(draft(), "Stripe", NOW, Duration.ofSeconds(40)).succeeded("Stripe", NOW.plusSeconds(1));

        assertThat(done.status()).isEqualTo(RefundStatus.DONE);
        assertThat(done.message()).isEqualTo("Refunded 12.50 through Stripe.");
        assertThat(done.updatedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(done.nextAttemptAt()).isEmpty();
    }
}
