package org.storeline.core.email;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed email is tried again: {@code first} after the first failure, then twice as long after each next one,
 * never longer than {@code longest}, and not again once {@code attempts} have failed (staff can still resend it).
 */
public record RetryPolicy(Duration first, Duration longest, int attempts) {
    /** Ten attempts over about four hours with a first delay of a minute: a mail server down for a while. */
    public static final int STANDARD_ATTEMPTS = 10;

    public static final Duration STANDARD_LONGEST = Duration.ofHours(1);

    public RetryPolicy {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || attempts < 1) {
            throw new IllegalArgumentException("A retry policy needs 0 < first <= longest and one attempt at least");
        }
    }

    public static RetryPolicy startingAfter(Duration first) {
        return new RetryPolicy(
                first, STANDARD_LONGEST.compareTo(first) < 0 ? first : STANDARD_LONGEST, STANDARD_ATTEMPTS);
    }

    /** The next attempt after {@code failed} attempts have failed, the last at {@code now}; none once all have. */
    public Optional<Instant> nextAttempt(int failed, Instant now) {
        if (failed >= attempts) {
            return Optional.empty();
        }
        Duration delay = first;
        for (int i = 1; i < failed && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(now.plus(delay.compareTo(longest) < 0 ? delay : longest));
    }
}
