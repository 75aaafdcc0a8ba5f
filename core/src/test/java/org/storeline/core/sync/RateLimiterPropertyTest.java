package org.storeline.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * Whenever requests arrive, a sender that waits as the limiter says and then takes them never puts more than N
 * requests in any interval of length P, for each window of the platforms' budgets.
 */
class RateLimiterPropertyTest {
    private static final long SEED = 20_261_206L;
    private static final long MILLI = 1_000_000L;

    private static final RateBudget SHOPIFY = RateBudget.of(
            new RateBudget.Window(40, Duration.ofSeconds(20)), new RateBudget.Window(2, Duration.ofSeconds(1)));
    private static final List<RateBudget> BUDGETS = List.of(
            RateBudget.of(new RateBudget.Window(5, Duration.ofSeconds(1))),
            RateBudget.of(new RateBudget.Window(150, Duration.ofSeconds(30))),
            RateBudget.of(new RateBudget.Window(600, Duration.ofMinutes(1))),
            RateBudget.of(
                    new RateBudget.Window(20, Duration.ofSeconds(1)),
                    new RateBudget.Window(300, Duration.ofMinutes(5))),
            SHOPIFY);

    /** One request (or a batch charged as {@code weight}) arriving {@code gap} after the one before. */
    record Arrival(long gap, int weight) {}

    @Test
    void noIntervalOfAWindowsLengthEverHoldsMoreThanItsRequests() {
        AtomicInteger examples = new AtomicInteger();
        qt().withFixedSeed(SEED)
                .withExamples(300)
                .forAll(
                        Generate.pick(BUDGETS),
                        lists().of(integers().between(-1_500, 1_500)).ofSizeBetween(1, 400),
                        integers().between(1, 3),
                        booleans().all())
                .checkAssert((budget, gaps, weight, reserving) -> {
                    examples.incrementAndGet();
                    List<Long> sent = send(budget, arrivals(budget, gaps, weight), reserving);
                    for (RateBudget.Window window : budget.windows()) {
                        assertThat(mostInOneInterval(sent, window.per().toNanos()))
                                .as("the most requests in any %s", window.per())
                                .isLessThanOrEqualTo(window.requests());
                    }
                });
        assertThat(examples.get()).isGreaterThan(200);
    }

    @Test
    void countedFromTheirAnswersRequestsThatArriveLateStillNeverCrowdAWindow() {
        qt().withFixedSeed(SEED)
                .withExamples(200)
                .forAll(
                        Generate.pick(BUDGETS),
                        lists().of(integers().between(-1_500, 1_500)).ofSizeBetween(1, 300),
                        lists().of(integers().between(0, 100)).ofSize(300))
                .checkAssert((budget, gaps, lateness) -> {
                    List<Long> arrived = sendAndAnswer(budget, arrivals(budget, gaps, 1), lateness);
                    for (RateBudget.Window window : budget.windows()) {
                        assertThat(mostInOneInterval(arrived, window.per().toNanos()))
                                .as("the most requests arriving in any %s", window.per())
                                .isLessThanOrEqualTo(window.requests());
                    }
                });
    }

    @Test
    void shopifysWindowsKeepWithinItsBucketOfFortyLeakingTwoASecond() {
        qt().withFixedSeed(SEED)
                .withExamples(200)
                .forAll(lists().of(integers().between(-1_500, 1_500)).ofSizeBetween(1, 400))
                .checkAssert(gaps -> {
                    double level = 0;
                    long before = 0;
                    for (long at : send(SHOPIFY, arrivals(SHOPIFY, gaps, 1), false)) {
                        level = Math.max(0, level - 2.0 * (at - before) / (1_000 * MILLI)) + 1;
                        before = at;
                        assertThat(level).isLessThanOrEqualTo(40);
                    }
                });
    }

    /**
     * Gaps up to 7.5 % of the longest window; half of them 0, so that bursts come too. A weight is never more than the
     * smallest window holds: more than N at once are over any window of N by themselves (a debt).
     */
    private static List<Arrival> arrivals(RateBudget budget, List<Integer> gaps, int weight) {
        int heaviest = Math.min(
                weight,
                budget.windows().stream()
                        .mapToInt(RateBudget.Window::requests)
                        .min()
                        .orElseThrow());
        long longest = budget.windows().stream()
                .mapToLong(w -> w.per().toNanos())
                .max()
                .orElseThrow();
        return gaps.stream()
                .map(g -> new Arrival(Math.max(0, g) * (longest / 20_000), g % 7 == 0 ? heaviest : 1))
                .toList();
    }

    /** One sender: each arrival waits for the one before to go, then for the limiter; answers every send time. */
    private static List<Long> send(RateBudget budget, List<Arrival> arrivals, boolean reserving) {
        RateLimiter limiter = new RateLimiter(budget, 0);
        List<Long> sent = new ArrayList<>();
        long arrived = 0;
        long free = 0;
        for (Arrival arrival : arrivals) {
            arrived += arrival.gap();
            long now = Math.max(arrived, free);
            long at;
            if (reserving) {
                at = now
                        + limiter.reserve(arrival.weight(), now, Duration.ofDays(1))
                                .toNanos();
            } else {
                at = now + limiter.waitFor(arrival.weight(), now).toNanos();
                limiter.take(arrival.weight(), at);
            }
            for (int i = 0; i < arrival.weight(); i++) {
                sent.add(at);
            }
            free = at;
        }
        return sent;
    }

    /**
     * One sender, one request at a time as a module sends them: each is reserved, goes, arrives at the platform some
     * time before its answer ({@code lateness} % of a round trip of up to a tenth of the shortest window), and is
     * counted from its answer; answers the arrival times, in order.
     */
    private static List<Long> sendAndAnswer(RateBudget budget, List<Arrival> arrivals, List<Integer> lateness) {
        long shortest = budget.windows().stream()
                .mapToLong(w -> w.per().toNanos())
                .min()
                .orElseThrow();
        RateLimiter limiter = new RateLimiter(budget, 0);
        List<Long> arrived = new ArrayList<>();
        long came = 0;
        long free = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            came += arrivals.get(i).gap();
            long now = Math.max(came, free);
            long at = now + limiter.reserve(1, now, Duration.ofDays(1)).toNanos();
            long roundTrip = shortest / 10 * lateness.get(i) / 100;
            long answered = at + roundTrip;
            arrived.add(at + roundTrip * lateness.get((i + 1) % lateness.size()) / 100);
            limiter.answered(1, at, answered);
            free = answered;
        }
        return arrived.stream().sorted().toList();
    }

    /** The most send times in any interval [t, t + period), for times in order. */
    private static int mostInOneInterval(List<Long> sent, long period) {
        int most = 0;
        int end = 0;
        for (int start = 0; start < sent.size(); start++) {
            while (end < sent.size() && sent.get(end) - sent.get(start) < period) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }
}
