package org.storeline.core.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a delivery whose processing failed is tried again. A failure the platform may get over (a 429, a 5xx, a
 * timeout) is tried again after 10 s, 20 s, 40 s ... at most an hour apart, so a platform that is down is not
 * hammered; after {@link #MAX_ATTEMPTS} attempts, or at once for a final failure, the delivery is given up and
 * waits for the retry button.
 */
public final class DeliveryRetries {
    /**
     * About three and a half hours of attempts with the backoff below, longer than any platform outage we have seen.
     */
    public static final int MAX_ATTEMPTS = 12;

    private DeliveryRetries() {}

    /** When to try again after {@code attempts} attempts, or empty to give up. */
    public static Optional<Instant> nextAttempt(boolean retryable, int attempts, Instant now) {
        if (!retryable || attempts >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        return Optional.of(now.plus(backoff(attempts)));
    }

    static Duration backoff(int attempts) {
        long seconds = 10L << Math.min(Math.max(attempts - 1, 0), 9);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }
}
