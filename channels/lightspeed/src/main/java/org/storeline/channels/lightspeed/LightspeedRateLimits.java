package org.storeline.channels.lightspeed;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/**
 * Lightspeed's rate-limit headers, for a 429 that carries no {@code Retry-After}. Lightspeed answers every call with
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}, each holding three values
 * for its three windows, "5 minutes/hour/day" ({@code 300/3000/12000}, {@code 0/2999/11999}, {@code 5/2063/23663}:
 * the reset in seconds). {@code PlatformHttp} reads them through {@link #waitAfter}.
 */
final class LightspeedRateLimits {
    /** A 429 while every window has requests left: the per-second limit (20 a second), not in the headers. */
    static final Duration PER_SECOND = Duration.ofSeconds(1);

    private LightspeedRateLimits() {}

    /** The wait a 429 asks for in Lightspeed's headers; empty for any other answer. */
    static Optional<Duration> waitAfter(int status, HttpHeaders headers) {
        return status == 429 ? waitAfterLimit(headers) : Optional.empty();
    }

    /**
     * How long to wait after a 429: until the latest reset among the windows with nothing left, else a second (the
     * per-second limit); empty when the headers say nothing readable.
     */
    static Optional<Duration> waitAfterLimit(HttpHeaders headers) {
        Optional<long[]> remaining = values(headers, "X-RateLimit-Remaining");
        Optional<long[]> reset = values(headers, "X-RateLimit-Reset");
        if (remaining.isEmpty() || reset.isEmpty() || remaining.get().length != reset.get().length) {
            return Optional.empty();
        }
        long wait = -1;
        for (int window = 0; window < remaining.get().length; window++) {
            if (remaining.get()[window] <= 0) {
                wait = Math.max(wait, reset.get()[window]);
            }
        }
        return Optional.of(wait < 0 ? PER_SECOND : Duration.ofSeconds(Math.max(wait, 1)));
    }

    private static Optional<long[]> values(HttpHeaders headers, String name) {
        return headers.firstValue(name).flatMap(value -> {
            String[] parts = value.trim().split("/");
            long[] numbers = new long[parts.length];
            try {
                for (int i = 0; i < parts.length; i++) {
                    numbers[i] = Long.parseLong(parts[i].trim());
                }
                return Optional.of(numbers);
            } catch (NumberFormatException unreadable) {
                return Optional.empty();
            }
        });
    }
}
