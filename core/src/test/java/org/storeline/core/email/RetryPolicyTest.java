package org.storeline.core.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void eachFailureDoublesTheWaitUpToTheLongestAndTheLastFailureEndsTheRetries() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(5), 6);

        assertThat(policy.nextAttempt(1, NOW)).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(policy.nextAttempt(2, NOW)).contains(NOW.plus(Duration.ofMinutes(2)));
        assertThat(policy.nextAttempt(3, NOW)).contains(NOW.plus(Duration.ofMinutes(4)));
        assertThat(policy.nextAttempt(4, NOW)).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(policy.nextAttempt(5, NOW)).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(policy.nextAttempt(6, NOW)).isEmpty();
    }

    @Test
    void theStandardPolicyTriesTenTimesAtMostAnHourApart() {
        RetryPolicy policy = RetryPolicy.startingAfter(Duration.ofMinutes(1));

        assertThat(policy.nextAttempt(9, NOW)).contains(NOW.plus(Duration.ofHours(1)));
        assertThat(policy.nextAttempt(10, NOW)).isEmpty();
        assertThat(policy.nextAttempt(1_000_000, NOW)).isEmpty();
    }
}
