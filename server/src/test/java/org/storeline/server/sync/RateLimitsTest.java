package org.storeline.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.sync.RateBudget;
import org.storeline.core.sync.SenderHandover;
import org.storeline.core.sync.SyncTasks;

/** What a channel's limiter knows when this process takes the channel's sender lease. */
class RateLimitsTest {
    private static final RateBudget FIVE_A_MINUTE = RateBudget.of(new RateBudget.Window(5, Duration.ofMinutes(1)));
    private static final RateBudget TEN_A_MINUTE = RateBudget.of(new RateBudget.Window(10, Duration.ofMinutes(1)));

    private final RateLimits limits = new RateLimits();
    private final UUID channel = UUID.randomUUID();

    @Test
    void requestsMadeBeforeTakingAChannelNobodySentToStillCount() {
        limits.of(channel, FIVE_A_MINUTE).take(3, System.nanoTime()); // registering the webhooks of a new channel

        limits.handOver(channel, SenderHandover.Seed.NONE);

        assertThat(limits.of(channel, FIVE_A_MINUTE).left(System.nanoTime())).isEqualTo(2);
    }

    @Test
    void aPreviousHoldersHistoryReplacesWhatThisProcessKnew() {
        limits.of(channel, FIVE_A_MINUTE).take(3, System.nanoTime());
        long now = System.nanoTime();

        limits.handOver(
                channel,
                new SenderHandover.Seed(List.of(now - 1_000, now - 500, now - 100, now), OptionalLong.empty()));

        assertThat(limits.of(channel, FIVE_A_MINUTE).left(System.nanoTime())).isEqualTo(1);
    }

    @Test
    void aChannelWithMostOfItsMinuteSpentGathersChangesBeforeItsNextRound() {
        Instant now = Instant.now();
        SyncTasks.DueWork justChanged = new SyncTasks.DueWork(channel, now.minusSeconds(1), now);
        limits.of(channel, TEN_A_MINUTE).take(5, System.nanoTime());

        assertThat(limits.holdBack(justChanged, now)).isZero();

        limits.of(channel, TEN_A_MINUTE).take(3, System.nanoTime());

        assertThat(limits.holdBack(justChanged, now)).isPositive().isLessThanOrEqualTo(Duration.ofMillis(150));
        assertThat(limits.holdBack(new SyncTasks.DueWork(channel, now.minusSeconds(10), now), now))
                .isZero();
    }

    @Test
    void aSpentBudgetHoldsTheChannelBackUntilARequestLeavesTheWindow() {
        Instant now = Instant.now();
        limits.of(channel, FIVE_A_MINUTE).take(5, System.nanoTime());

        assertThat(limits.holdBack(new SyncTasks.DueWork(channel, now.minusSeconds(60), now.minusSeconds(60)), now))
                .isGreaterThan(Duration.ofSeconds(50));
    }

    @Test
    void aChannelThisProcessNeverSentToIsNotHeldBack() {
        Instant now = Instant.now();

        assertThat(limits.holdBack(new SyncTasks.DueWork(channel, now, now), now))
                .isZero();
    }
}
