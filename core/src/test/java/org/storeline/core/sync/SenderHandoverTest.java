package org.storeline.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A channel's budget across a change of sender: the first process's limiter saves its recent requests with the lease,
 * the next one's starts from them. Each process reads its own {@link System#nanoTime()}, with an origin of its own;
 * here the two are a minute and a quarter apart, and the wall clock the same.
 */
class SenderHandoverTest {
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000 * MILLI;
    private static final Instant WALL = Instant.parse("2026-12-10T09:00:00.000000300Z");
    /** The same moment, WALL, on each process's nanoTime. */
    private static final long FIRST = 5 * SECOND;

    private static final long SECOND_PROCESS = 80 * SECOND;

    private static final RateBudget FIVE_A_SECOND = RateBudget.of(new RateBudget.Window(5, Duration.ofSeconds(1)));
    private static final RateBudget LIGHTSPEED = RateBudget.of(
            new RateBudget.Window(20, Duration.ofSeconds(1)), new RateBudget.Window(300, Duration.ofMinutes(5)));

    @Test
    void theNextSenderWaitsForTheWindowThePreviousOneUsedNotForAFreshOne() {
        RateLimiter first = new RateLimiter(FIVE_A_SECOND, FIRST);
        for (int i = 0; i < 5; i++) {
            first.take(1, FIRST + i * 100 * MILLI);
        }
        long savedAt = FIRST + 450 * MILLI;
        List<Instant> saved = SenderHandover.toSave(first.recent(savedAt), WALL, FIRST);

        RateLimiter next = successor(FIVE_A_SECOND, saved, Optional.empty());

        // Half a second after the first process's first request, in the second process's time: nothing may go yet.
        Duration wait = next.waitFor(1, SECOND_PROCESS + 500 * MILLI);
        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThanOrEqualTo(Duration.ofMillis(502));
        assertThat(sentInAnyWindow(saved, next, SECOND_PROCESS + 500 * MILLI, 20))
                .isLessThanOrEqualTo(5);
    }

    @Test
    void withoutTheHistoryTheNextSenderWouldSendAWholeSecondWindowInTheSameSecond() {
        RateLimiter first = new RateLimiter(FIVE_A_SECOND, FIRST);
        for (int i = 0; i < 5; i++) {
            first.take(1, FIRST + i * 100 * MILLI);
        }
        List<Instant> saved = SenderHandover.toSave(first.recent(FIRST + 450 * MILLI), WALL, FIRST);

        RateLimiter fresh = successor(FIVE_A_SECOND, List.of(), Optional.empty());

        assertThat(sentInAnyWindow(saved, fresh, SECOND_PROCESS + 500 * MILLI, 20))
                .isEqualTo(10);
    }

    @Test
    void aSenderCutOffMidRoundLeavesTheWholeBudgetSpentUntilItsLeaseRanOut() {
        Instant leaseEnd = WALL.plusSeconds(30);

        RateLimiter next = successor(LIGHTSPEED, List.of(), Optional.of(leaseEnd));

        // Taken over ten seconds after the lease ran out: Lightspeed's five minutes count from its end.
        long takenAt = SECOND_PROCESS + 40 * SECOND;
        assertThat(next.waitFor(1, takenAt)).isBetween(Duration.ofSeconds(290), Duration.ofMillis(290_002));
        assertThat(next.left(takenAt)).isZero();
    }

    @Test
    void aTimeSavedIsNeverReadBackEarlierThanItWas() {
        long at = FIRST + 123_456_789L; // nanoseconds past WALL that a microsecond cannot hold
        List<Instant> saved = SenderHandover.toSave(List.of(at), WALL, FIRST);

        assertThat(saved.getFirst()).isAfterOrEqualTo(WALL.plusNanos(123_456_789L));
        assertThat(saved.getFirst().getNano() % 1_000).isZero();
        long readBack = SenderHandover.seed(held(saved, Optional.empty()), WALL, SECOND_PROCESS)
                .requests()
                .getFirst();
        assertThat(readBack - SECOND_PROCESS).isGreaterThan(123_456_789L);
        assertThat(readBack - SECOND_PROCESS)
                .isLessThanOrEqualTo(123_456_789L + SenderHandover.MARGIN.toNanos() + 1_000);
    }

    @Test
    void onlyWhatStillCountsInSomeWindowIsSaved() {
        RateLimiter limiter = new RateLimiter(LIGHTSPEED, 0);
        for (int i = 0; i < 400; i++) {
            limiter.take(1, i * SECOND);
        }

        List<Long> recent = limiter.recent(400 * SECOND);

        // The last 300 requests, less those more than five minutes old.
        assertThat(recent).hasSize(299).startsWith(101 * SECOND).endsWith(399 * SECOND);
    }

    private static RateLimiter successor(RateBudget budget, List<Instant> saved, Optional<Instant> spentUntil) {
        SenderHandover.Seed seed = SenderHandover.seed(held(saved, spentUntil), WALL, SECOND_PROCESS);
        return new RateLimiter(budget, SECOND_PROCESS, seed.requests(), seed.spentUntil());
    }

    private static ChannelSenders.Held held(List<Instant> saved, Optional<Instant> spentUntil) {
        return new ChannelSenders.Held(false, saved, spentUntil, WALL.plusSeconds(300));
    }

    /**
     * The successor sends {@code count} requests as soon as it may from {@code from}; answers the most requests of
     * both senders, on the wall clock, in any interval of one second.
     */
    private static int sentInAnyWindow(List<Instant> before, RateLimiter next, long from, int count) {
        List<Long> all = new ArrayList<>();
        before.forEach(at -> all.add(Duration.between(WALL, at).toNanos()));
        long now = from;
        for (int i = 0; i < count; i++) {
            now += next.waitFor(1, now).toNanos();
            next.take(1, now);
            all.add(now - SECOND_PROCESS);
        }
        all.sort(Long::compare);
        int most = 0;
        for (int i = 0; i < all.size(); i++) {
            int inWindow = 0;
            for (int j = i; j < all.size() && all.get(j) - all.get(i) < SECOND; j++) {
                inWindow++;
            }
            most = Math.max(most, inWindow);
        }
        return most;
    }
}
