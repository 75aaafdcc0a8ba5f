package org.storeline.core.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a channel is doing (BYD-4): its connection, the oldest delivery not yet processed, the failures of the last
 * hour and what waits to go out to it.
 */
public record ChannelHealth(
        Channel channel,
        Instant at,
        Optional<Instant> oldestPendingAt,
        long failuresLastHour,
        ChannelSync.OutboundHealth outbound) {
    /** Work waiting longer than this makes a channel "behind": webhooks are processed, and stock sent, in seconds. */
    public static final Duration BEHIND_AFTER = Duration.ofMinutes(5);

    /** In one word, worst first: unlinked, failing (connection failed, or failures this hour), behind, pending, ok. */
    public enum State {
        UNLINKED,
        FAILING,
        BEHIND,
        PENDING,
        CONNECTED
    }

    public long behindSeconds() {
        return oldestPendingAt
                .map(o -> Math.max(0, Duration.between(o, at).toSeconds()))
                .orElse(0L);
    }

    /** How long the oldest change waiting to go out has waited (zero when none waits). */
    public Duration outboundWait() {
        return outbound.oldestChangeAt()
                .map(o -> Duration.between(o, at))
                .filter(d -> !d.isNegative())
                .orElse(Duration.ZERO);
    }

    public State state() {
        if (!channel.isLinked() || channel.connection().status() == Channel.ConnectionStatus.UNLINKED) {
            return State.UNLINKED;
        }
        if (channel.connection().status() == Channel.ConnectionStatus.FAILED || failuresLastHour > 0) {
            return State.FAILING;
        }
        if (behindSeconds() > BEHIND_AFTER.toSeconds() || outboundWait().compareTo(BEHIND_AFTER) > 0) {
            return State.BEHIND;
        }
        if (channel.connection().status() == Channel.ConnectionStatus.PENDING) {
            return State.PENDING;
        }
        return State.CONNECTED;
    }
}
