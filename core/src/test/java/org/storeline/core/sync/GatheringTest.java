package org.storeline.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatheringTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aChannelWithHalfItsBudgetOrMoreLeftSendsEachChangeAtOnce() {
        assertThat(Gathering.waitBefore(0.5, NOW, NOW, NOW)).isZero();
        assertThat(Gathering.waitBefore(0, NOW, NOW, NOW)).isZero();
    }

    @Test
    void aLoneChangeUnderPressureWaitsOnlyUntilNothingNewCameForTheQuietTime() {
        assertThat(Gathering.waitBefore(0.9, NOW, NOW, NOW)).isEqualTo(Gathering.QUIET);
        assertThat(Gathering.waitBefore(0.9, NOW.minusMillis(100), NOW.minusMillis(100), NOW))
                .isEqualTo(Gathering.QUIET.minusMillis(100));
        assertThat(Gathering.waitBefore(0.9, NOW.minusSeconds(1), NOW.minusSeconds(1), NOW))
                .isZero();
    }

    @Test
    void whileChangesKeepComingTheRoundWaitsAGatherTimeThatGrowsWithTheShareSpent() {
        assertThat(gatherTime(0.6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(gatherTime(0.75)).isEqualTo(Duration.ofSeconds(5));
        assertThat(gatherTime(1)).isEqualTo(Gathering.LONGEST);
    }

    @Test
    void aRoundWhoseOldestChangeWaitedItsGatherTimeGoesThoughChangesStillCome() {
        assertThat(Gathering.waitBefore(0.75, NOW.minusSeconds(5), NOW, NOW)).isZero();
        assertThat(Gathering.waitBefore(0.75, NOW.minusMillis(4_900), NOW, NOW)).isEqualTo(Duration.ofMillis(100));
    }

    /** The shortest wait since the first change after which a round goes, with a new change a moment ago. */
    private static Duration gatherTime(double pressure) {
        Instant lastDue = NOW.minusMillis(1);
        Duration waited = Duration.ZERO;
        while (!Gathering.waitBefore(pressure, NOW.minus(waited), lastDue, NOW).isZero()) {
            waited = waited.plusMillis(1);
        }
        return waited;
    }
}
