package org.storeline.server.sync;

import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.storeline.core.sync.RateBudget;
import org.storeline.core.sync.RateLimiter;

/**
 * One {@link RateLimiter} per channel, in this process's memory: each process keeps its own count, so N processes
 * sending to one channel at once could use N times its budget between them. The platform's own 429 (with its
 * {@code Retry-After}) still holds every process back, through the tasks' due times in the database.
 */
public final class RateLimits {
    private final Map<UUID, RateLimiter> byChannel = new ConcurrentHashMap<>();

    public RateLimiter of(UUID channelId, RateBudget budget) {
        return byChannel.computeIfAbsent(channelId, id -> new RateLimiter(budget, System.nanoTime()));
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

    /** Whether this process must hold back from the channel now (a pause the platform asked for, or a spent budget). */
    public boolean holdsBack(UUID channelId) {
        RateLimiter limiter = byChannel.get(channelId);
        return limiter != null && !limiter.waitFor(1, System.nanoTime()).isZero();
    }
}
