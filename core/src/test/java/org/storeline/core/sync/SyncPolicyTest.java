package org.storeline.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SyncPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "3, 4", "4, 8", "9, 256", "10, 300", "40, 300"})
    void theBackoffDoublesFromOneSecondUpToFiveMinutes(int attempts, long seconds) {
        assertThat(SyncPolicy.backoff(attempts)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @EnumSource(SyncKind.class)
    void aRefusalIsFinalWithThePlatformsOwnWords(SyncKind kind) {
        SyncOutcome outcome = SyncPolicy.afterFailure(kind, 3, failure(SendFailure.Kind.REFUSED, 0), NOW);

        assertThat(outcome).isEqualTo(new SyncOutcome.Refused("Invalid ID."));
    }

    @ParameterizedTest
    @EnumSource(
            value = SendFailure.Kind.class,
            names = {"UNAVAILABLE", "UNREACHABLE"})
    void anOutageIsTriedAgainAfterTheBackoff(SendFailure.Kind kind) {
        SyncOutcome outcome = SyncPolicy.afterFailure(SyncKind.STATUS, 3, failure(kind, 0), NOW);

        assertThat(outcome).isEqualTo(new SyncOutcome.Later(NOW.plusSeconds(4), "Invalid ID."));
    }

    @Test
    void theRetryAfterThePlatformAskedForWinsWhetherShorterOrLongerThanTheBackoff() {
        assertThat(SyncPolicy.afterFailure(SyncKind.STOCK, 6, failure(SendFailure.Kind.UNAVAILABLE, 2), NOW))
                .isEqualTo(new SyncOutcome.Later(NOW.plusSeconds(2), "Invalid ID."));
        assertThat(SyncPolicy.afterFailure(SyncKind.STOCK, 1, failure(SendFailure.Kind.UNAVAILABLE, 120), NOW))
                .isEqualTo(new SyncOutcome.Later(NOW.plusSeconds(120), "Invalid ID."));
        assertThat(SyncPolicy.afterFailure(SyncKind.STOCK, 1, failure(SendFailure.Kind.UNAVAILABLE, 86_400), NOW))
                .as("a wild Retry-After parks the channel an hour at most")
                .isEqualTo(new SyncOutcome.Later(NOW.plusSeconds(3600), "Invalid ID."));
    }

    @ParameterizedTest
    @EnumSource(
            value = SyncKind.class,
            names = {"STOCK", "PRICE"})
    void aTimedOutLevelOrPriceIsSimplySentAgainForItIsAbsolute(SyncKind kind) {
        SyncOutcome outcome = SyncPolicy.afterFailure(kind, 1, failure(SendFailure.Kind.TIMED_OUT, 0), NOW);

        assertThat(outcome).isInstanceOfSatisfying(SyncOutcome.Later.class, later -> {
            assertThat(later.at()).isEqualTo(NOW.plusSeconds(1));
            assertThat(later.reason()).contains("sent again");
        });
    }

    @Test
    void aTimedOutStatusChangeBecomesUnknownToBeCheckedBeforeItIsSentAgain() {
        SyncOutcome outcome = SyncPolicy.afterFailure(SyncKind.STATUS, 2, failure(SendFailure.Kind.TIMED_OUT, 0), NOW);

        assertThat(outcome).isInstanceOfSatisfying(SyncOutcome.Unknown.class, unknown -> {
            assertThat(unknown.at()).isEqualTo(NOW.plusSeconds(2));
            assertThat(unknown.reason()).contains("checked with the platform");
        });
        assertThat(outcome.event()).isEqualTo(SyncTaskState.Event.LOSE_TRACK);
    }

    private static SendFailure failure(SendFailure.Kind kind, long retryAfterSeconds) {
        return new SendFailure(
                kind,
                "Invalid ID.",
                kind == SendFailure.Kind.UNAVAILABLE ? 429 : 0,
                retryAfterSeconds > 0 ? Optional.of(Duration.ofSeconds(retryAfterSeconds)) : Optional.empty());
    }
}
