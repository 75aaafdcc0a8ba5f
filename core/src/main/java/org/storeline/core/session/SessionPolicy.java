package org.storeline.core.session;

import java.time.Duration;

/**
 * How long a staff session lasts and when sign-in locks: a session ends after {@code idle} without a request or
 * {@code absolute} after sign-in, whichever comes first; {@code maxFailures} wrong passwords for one email within
 * {@code failureWindow} lock that email's sign-in until the oldest of them is that old.
 */
public record SessionPolicy(Duration idle, Duration absolute, int maxFailures, Duration failureWindow) {
    /** A shift: two idle hours, twelve in all; five failures in fifteen minutes lock. */
    public static final SessionPolicy STANDARD =
            new SessionPolicy(Duration.ofHours(2), Duration.ofHours(12), 5, Duration.ofMinutes(15));

    public SessionPolicy {
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("idle must be positive and at most absolute: " + idle + ", " + absolute);
        }
        if (maxFailures < 1 || failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("maxFailures and failureWindow must be positive");
        }
    }
}
