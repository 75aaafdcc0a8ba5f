package org.storeline.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.sync.RateBudget;
import org.storeline.core.sync.SenderHandover;

/** What a channel's limiter knows when this process takes the channel's sender lease. */
class RateLimitsTest {
    private static final RateBudget FIVE_A_MINUTE = RateBudget.of(new RateBudget.Window(5, Duration.ofMinutes(1)));

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
}
