package org.storeline.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time is passed in as nanoseconds: these tests move it by hand. */
class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private static final RateBudget FIVE_A_SECOND = RateBudget.of(new RateBudget.Window(5, Duration.ofSeconds(1)));

    @Test
    void aFullWindowLetsItsRequestsGoAtOnceThenOneEveryFifthOfASecond() {
        RateLimiter limiter = new RateLimiter(FIVE_A_SECOND, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.waitFor(1, 0)).isZero();
            limiter.take(1, 0);
        }

        assertThat(limiter.left(0)).isZero();
        assertThat(limiter.waitFor(1, 0)).isEqualTo(Duration.ofMillis(200));
        assertThat(limiter.waitFor(1, SECOND / 5)).isZero();
        assertThat(limiter.left(SECOND)).isEqualTo(5);
    }

    @Test
    void requestsBeyondTheOneWaitedForAreTakenAfterwardsAndTheNextCallWaitsForThem() {
        RateLimiter limiter = new RateLimiter(FIVE_A_SECOND, 0);

        limiter.take(8, 0);

        assertThat(limiter.waitFor(1, 0)).isEqualTo(Duration.ofMillis(800));
        assertThat(limiter.left(0)).isZero();
    }

    @Test
    void everyWindowHoldsLightspeedsTwentyASecondAndThreeHundredInFiveMinutes() {
        RateLimiter limiter = new RateLimiter(
                RateBudget.of(
                        new RateBudget.Window(20, Duration.ofSeconds(1)),
                        new RateBudget.Window(300, Duration.ofMinutes(5))),
                0);
        long now = 0;
        int sent = 0;
        while (now < 60 * SECOND) {
            Duration wait = limiter.waitFor(1, now);
            now += wait.toNanos();
            limiter.take(1, now);
            sent++;
        }

        // 300 at once from the 5-minute window's full bucket, then its refill: one a second.
        assertThat(sent).isBetween(355, 362);
    }

    @Test
    void aPauseThePlatformAskedForHoldsEveryRequestUntilItEnds() {
        RateLimiter limiter = new RateLimiter(FIVE_A_SECOND, 0);

        limiter.pause(Duration.ofSeconds(30), 0);
        limiter.pause(Duration.ofSeconds(2), 0);

        assertThat(limiter.waitFor(1, 10 * SECOND)).isEqualTo(Duration.ofSeconds(20));
        assertThat(limiter.left(10 * SECOND)).isZero();
        assertThat(limiter.waitFor(1, 30 * SECOND)).isZero();
    }

    @Test
    void aBudgetWithoutWindowsNeverWaitsAndHasNoCount() {
        RateLimiter limiter = new RateLimiter(new RateBudget(List.of()), 0);

        limiter.take(1000, 0);

        assertThat(limiter.waitFor(1, 0)).isZero();
        assertThat(limiter.left(0)).isEqualTo(-1);
    }
}
