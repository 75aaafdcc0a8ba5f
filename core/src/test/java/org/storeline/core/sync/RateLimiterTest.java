package org.storeline.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Time is passed in as nanoseconds: these tests move it by hand. */
class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;
    private static final RateBudget FIVE_A_SECOND = RateBudget.of(new RateBudget.Window(5, Duration.ofSeconds(1)));

    @Test
    void aWindowLetsItsRequestsGoAtOnceThenTheNextWaitsUntilTheFirstIsAWindowOld() {
        RateLimiter limiter = new RateLimiter(FIVE_A_SECOND, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.waitFor(1, 0)).isZero();
            limiter.take(1, 0);
        }

        assertThat(limiter.left(0)).isZero();
        // A token bucket would let one more go after 200 ms: six in the second that began at 0.
        assertThat(limiter.waitFor(1, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.waitFor(1, SECOND / 5)).isEqualTo(Duration.ofMillis(800));
        assertThat(limiter.waitFor(1, SECOND)).isZero();
        assertThat(limiter.left(SECOND)).isEqualTo(5);
    }

    @Test
    void spreadRequestsFreeTheirRoomOneByOneAWindowAfterEach() {
        RateLimiter limiter = new RateLimiter(FIVE_A_SECOND, 0);
        for (int i = 0; i < 5; i++) {
            limiter.take(1, i * 100 * MILLI);
        }

        assertThat(limiter.waitFor(1, 500 * MILLI)).isEqualTo(Duration.ofMillis(500));
        assertThat(limiter.waitFor(2, 500 * MILLI)).isEqualTo(Duration.ofMillis(600));
        assertThat(limiter.left(1050 * MILLI)).isEqualTo(1);
    }

    @Test
    void aFullWindowAndItsRefillDoNotGoTogetherAsATokenBucketWouldLetThem() {
        RateLimiter limiter = new RateLimiter(RateBudget.of(new RateBudget.Window(150, Duration.ofSeconds(30))), 0);
        long now = 0;
        int sent = 0;
        while (now < 30 * SECOND) {
            now += limiter.waitFor(1, now).toNanos();
            if (now < 30 * SECOND) {
                limiter.take(1, now);
                sent++;
            }
        }

        assertThat(sent).isEqualTo(150);
    }

    @Test
    void requestsTakenBeyondTheWindowAreADebtTheNextRequestWaitsAWholeWindowFor() {
        RateLimiter limiter = new RateLimiter(FIVE_A_SECOND, 0);

        limiter.take(8, 0);

        assertThat(limiter.waitFor(1, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.left(0)).isZero();
        assertThat(limiter.waitFor(1, SECOND)).isZero();
    }

    @Test
    void moreRequestsThanTheWindowHoldsGoTogetherOnceTheLastIsAWindowOld() {
        RateLimiter limiter = new RateLimiter(FIVE_A_SECOND, 0);
        limiter.take(1, 300 * MILLI);

        assertThat(limiter.waitFor(7, 300 * MILLI)).isEqualTo(Duration.ofSeconds(1));
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
            now += limiter.waitFor(1, now).toNanos();
            if (now < 60 * SECOND) {
                limiter.take(1, now);
                sent++;
            }
        }

        // 20 a second for 15 s, then nothing until the first of them is five minutes old.
        assertThat(sent).isEqualTo(300);
        assertThat(limiter.waitFor(1, 60 * SECOND)).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    void aReservationTakesItsRequestsAtTheTimeTheyWillGoSoTheNextCallerQueuesBehindIt() {
        RateLimiter limiter = new RateLimiter(FIVE_A_SECOND, 0);
        limiter.take(5, 0);

        assertThat(limiter.reserve(1, 0, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.reserve(4, 0, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.reserve(1, 0, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aReservationLongerThanTheCallerWaitsTakesNothing() {
        RateLimiter limiter = new RateLimiter(FIVE_A_SECOND, 0);
        limiter.take(5, 0);

        assertThat(limiter.reserve(1, 0, Duration.ofMillis(999))).isEqualTo(Duration.ofSeconds(1));

        assertThat(limiter.waitFor(5, SECOND)).isZero();
    }

    @Test
    void aRequestCountsFromWhenItsAnswerCameSoThatALateArrivalCannotCrowdTheNextWindow() {
        RateLimiter limiter = new RateLimiter(FIVE_A_SECOND, 0);
        limiter.take(1, 0);
        limiter.answered(1, 0, 80 * MILLI);
        for (int i = 1; i < 5; i++) {
            limiter.take(1, i * 100 * MILLI);
        }

        // The first was taken at 0 but may have arrived as late as 80 ms: the sixth may not arrive before 1080 ms.
        assertThat(limiter.waitFor(1, 500 * MILLI)).isEqualTo(Duration.ofMillis(580));
    }

    @Test
    void anAnswerMovesItsRequestsBehindOnesTakenLaterAndKeepsTheLogInOrder() {
        RateLimiter limiter = new RateLimiter(FIVE_A_SECOND, 0);
        limiter.take(2, 0);
        limiter.take(3, 10 * MILLI);

        limiter.answered(2, 0, 50 * MILLI);

        // 10, 10, 10, 50, 50: the third most recent is at 10 ms, the most recent at 50 ms.
        assertThat(limiter.waitFor(3, 0)).isEqualTo(Duration.ofMillis(1010));
        assertThat(limiter.waitFor(4, 0)).isEqualTo(Duration.ofMillis(1050));
        assertThat(limiter.waitFor(5, 0)).isEqualTo(Duration.ofMillis(1050));
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

    @Test
    void pressureIsTheShareSpentOfTheFullestWindowLongerThanAsked() {
        RateLimiter limiter = new RateLimiter(
                RateBudget.of(
                        new RateBudget.Window(20, Duration.ofSeconds(1)),
                        new RateBudget.Window(300, Duration.ofMinutes(5))),
                0);
        limiter.take(15, 0);

        assertThat(limiter.pressure(0, Duration.ofSeconds(1))).isEqualTo(15 / 300.0);
        assertThat(limiter.pressure(0, Duration.ZERO)).isEqualTo(15 / 20.0);
        assertThat(limiter.pressure(2 * SECOND, Duration.ZERO)).isEqualTo(15 / 300.0);
        assertThat(limiter.pressure(301 * SECOND, Duration.ZERO)).isZero();
        assertThat(limiter.pressure(0, Duration.ofMinutes(5))).isZero();
    }

    @Test
    void oneRequestIsUnderWayAtATimeWhicheverThreadSendsIt() throws Exception {
        RateLimiter limiter = new RateLimiter(FIVE_A_SECOND, 0);
        assertThat(limiter.takeTurn(Duration.ZERO)).isTrue();

        assertThat(otherThreadTakesTurn(limiter)).isFalse();

        limiter.endTurn();
        assertThat(otherThreadTakesTurn(limiter)).isTrue();
    }

    private static boolean otherThreadTakesTurn(RateLimiter limiter) throws Exception {
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            return other.submit(() -> {
                        boolean took = limiter.takeTurn(Duration.ofMillis(20));
                        limiter.endTurn();
                        return took;
                    })
                    .get();
        }
    }
}
