package org.storeline.core.sync;

import java.time.Duration;
import java.util.List;

/**
 * Keeps the requests to one channel within its platform's {@link RateBudget}: one token bucket per window (as many
 * tokens as the window allows, refilled evenly over it), and a pause the platform itself asked for (429 with
 * {@code Retry-After}). A caller asks {@link #waitFor how long} to wait before a request, waits, then
 * {@link #take takes} its tokens; requests a call made beyond the one it waited for (a module that needed two) are
 * taken afterwards, so that the next call waits for them. Times are {@link System#nanoTime()} readings, passed in so
 * that tests need no clock. Thread-safe.
 */
public final class RateLimiter {
    private final List<Bucket> buckets;
    private long pausedUntil;
    private boolean paused;

    public RateLimiter(RateBudget budget, long now) {
        this.buckets = budget.windows().stream().map(w -> new Bucket(w, now)).toList();
    }

    /** How long to wait before {@code requests} more may go: the pause left, or until every window has room. */
    public synchronized Duration waitFor(int requests, long now) {
        long wait = pauseLeft(now);
        for (Bucket bucket : buckets) {
            wait = Math.max(wait, bucket.waitFor(requests, now));
        }
        return Duration.ofNanos(wait);
    }

    /** Takes tokens for requests made (or about to be), going into debt if need be: the next ones wait for it. */
    public synchronized void take(int requests, long now) {
        for (Bucket bucket : buckets) {
            bucket.take(requests, now);
        }
    }

    /** The platform asked for a pause (429 with {@code Retry-After}): no request before it is over. */
    public synchronized void pause(Duration duration, long now) {
        long until = now + duration.toNanos();
        if (!paused || until - pausedUntil > 0) {
            pausedUntil = until;
            paused = true;
        }
    }

    /** The requests that could go now in the tightest window (0 while paused); -1 when the budget has no window. */
    public synchronized long left(long now) {
        if (buckets.isEmpty()) {
            return -1;
        }
        if (pauseLeft(now) > 0) {
            return 0;
        }
        long left = Long.MAX_VALUE;
        for (Bucket bucket : buckets) {
            left = Math.min(left, bucket.whole(now));
        }
        return left;
    }

    private long pauseLeft(long now) {
        return paused && pausedUntil - now > 0 ? pausedUntil - now : 0;
    }

    /** A window as a bucket of {@code capacity} tokens refilled at {@code capacity} per {@code period}. */
    private static final class Bucket {
        private final double capacity;
        private final double tokensPerNano;
        private double tokens;
        private long refilledAt;

        Bucket(RateBudget.Window window, long now) {
            this.capacity = window.requests();
            this.tokensPerNano = window.requests() / (double) window.per().toNanos();
            this.tokens = capacity;
            this.refilledAt = now;
        }

        void take(int requests, long now) {
            refill(now);
            tokens -= requests;
        }

        long waitFor(int requests, long now) {
            refill(now);
            double missing = requests - tokens;
            return missing <= 0 ? 0 : (long) Math.ceil(missing / tokensPerNano);
        }

        long whole(long now) {
            refill(now);
            return Math.max(0, (long) Math.floor(tokens));
        }

        private void refill(long now) {
            long elapsed = now - refilledAt;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
                refilledAt = now;
            }
        }
    }
}
