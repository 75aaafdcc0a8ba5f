package org.storeline.simulators;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A platform's rate limit as a fixed window: at most {@code limit} requests per {@code window}. */
public final class RateWindow {
    private final int limit;
    private final Duration window;
    private Instant started = Instant.MIN;
    private int used;

    public RateWindow(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    public static RateWindow unlimited() {
        return new RateWindow(Integer.MAX_VALUE, Duration.ofSeconds(1));
    }

    /** Counts a request; empty when it may go, else how long until the window ends. */
    synchronized Optional<Duration> take(Instant now) {
        if (!now.isBefore(started.plus(window)) || started.equals(Instant.MIN)) {
            started = now;
            used = 0;
        }
        if (used >= limit) {
            return Optional.of(Duration.between(now, started.plus(window)));
        }
        used++;
        return Optional.empty();
    }
}
