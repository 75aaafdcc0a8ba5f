package org.storeline.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryRetriesTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @ParameterizedTest(name = "after attempt {0}, tried again in {1} s")
    @CsvSource({"0, 10", "1, 10", "2, 20", "3, 40", "4, 80", "9, 2560", "10, 3600", "11, 3600"})
    void aFailureThePlatformMayGetOverIsTriedAgainLaterEachTimeUpToAnHour(int attempts, long seconds) {
        assertThat(DeliveryRetries.nextAttempt(true, attempts, NOW)).contains(NOW.plus(Duration.ofSeconds(seconds)));
    }

    @ParameterizedTest(name = "after attempt {0}")
    @CsvSource({"12", "13", "100"})
    void isGivenUpAfterTheLastAttempt(int attempts) {
        assertThat(DeliveryRetries.nextAttempt(true, attempts, NOW)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest(name = "after attempt {0}")
    @CsvSource({"0", "1", "5"})
    void aFinalFailureIsGivenUpAtOnce(int attempts) {
        assertThat(DeliveryRetries.nextAttempt(false, attempts, NOW)).isEmpty();
    }
}
