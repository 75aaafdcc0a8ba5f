package org.storeline.server.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.storeline.core.sync.Gathering;
import org.storeline.core.sync.RateBudget;
import org.storeline.core.sync.RateLimiter;
import org.storeline.core.sync.SenderHandover;
import org.storeline.core.sync.SyncTasks;

/**
 * One {@link RateLimiter} per channel, in this process's memory. Only the process holding a channel's sender lease
 * ({@link org.storeline.core.sync.ChannelSenders}) sends to it, so one limiter keeps its budget; when this process
 * takes a channel over, its limiter starts from the history the previous holder left ({@link #handOver}) rather than
 * from an empty window. The platform's own 429 (with its {@code Retry-After}) still holds every process back, through
 * the tasks' due times in the database.
 */
public final class RateLimits {
    private final Map<UUID, RateLimiter> byChannel = new ConcurrentHashMap<>();
    private final Map<UUID, SenderHandover.Seed> seeds = new ConcurrentHashMap<>();

    public RateLimiter of(UUID channelId, RateBudget budget) {
        return byChannel.computeIfAbsent(channelId, id -> {
            SenderHandover.Seed seed = seeds.getOrDefault(id, SenderHandover.Seed.NONE);
            seeds.remove(id, seed);
            return new RateLimiter(budget, System.nanoTime(), seed.requests(), seed.spentUntil());
        });
    }

    /**
     * This process has just taken the channel: what its limiter knew is out of date (another process may have sent
     * since), so the next one made for it starts from {@code seed}. A seed with no history (a channel nobody sent to,
     * or whose requests all left their windows) keeps what this process knows instead: the requests it made before it
     * held the channel (registering the webhooks of a channel just linked) still count at the store.
     */
    public void handOver(UUID channelId, SenderHandover.Seed seed) {
        if (seed.equals(SenderHandover.Seed.NONE)) {
            seeds.remove(channelId);
            return;
        }
        seeds.put(channelId, seed);
        byChannel.remove(channelId);
    }

    /**
     * The requests sent to the channel that still count in one of its windows, as instants; empty when this process
     * made no limiter for it since it took it (it sent nothing: what the lease row says still holds).
     */
    public Optional<List<Instant>> recent(UUID channelId) {
        RateLimiter limiter = byChannel.get(channelId);
        if (limiter == null) {
            return Optional.empty();
        }
        long nanos = System.nanoTime();
        Instant now = Instant.now();
        return Optional.of(SenderHandover.toSave(limiter.recent(nanos), now, nanos));
    }

    /** The requests the channel could send now in its tightest window; empty before this process sent it anything. */
    public OptionalLong left(UUID channelId) {
        RateLimiter limiter = byChannel.get(channelId);
        if (limiter == null) {
            return OptionalLong.empty();
        }
        long left = limiter.left(System.nanoTime());
        return left < 0 ? OptionalLong.empty() : OptionalLong.of(left);
    }

    /**
     * How long this process holds back from the channel's due work before its next round: a pause the platform asked
     * for, a spent budget, or, while the budget runs low, the time to gather more changes into the round
     * ({@link Gathering}). Zero: send now.
     */
    public Duration holdBack(SyncTasks.DueWork due, Instant now) {
        RateLimiter limiter = byChannel.get(due.channelId());
        if (limiter == null) {
            return Duration.ZERO;
        }
        long nanos = System.nanoTime();
        Duration spent = limiter.waitFor(1, nanos);
        Duration gather =
                Gathering.waitBefore(limiter.pressure(nanos, Gathering.LONGEST), due.firstDue(), due.lastDue(), now);
        return spent.compareTo(gather) > 0 ? spent : gather;
    }
}
