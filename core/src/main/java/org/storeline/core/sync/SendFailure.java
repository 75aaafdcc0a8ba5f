package org.storeline.core.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a call to a platform failed, as the sync outbox needs to know it (the platform module's exception, translated
 * where the modules are wired).
 *
 * @param kind what happened
 * @param message the platform's own words where it answered, for the activity log
 * @param status the HTTP status of the answer; 0 when none came
 * @param retryAfter how long the platform asked to wait (429 or 503 with {@code Retry-After})
 * @param request the request that failed ({@code "POST /path"}), when one was made
 */
public record SendFailure(
        Kind kind, String message, int status, Optional<Duration> retryAfter, Optional<String> request) {
    public enum Kind {
        /** The platform said no (4xx), or answered what can never be read: sending it again is pointless. */
        REFUSED,
        /** The platform answered that it cannot now (429, 5xx). */
        UNAVAILABLE,
        /** No answer, and the request never arrived (connection refused, connect timeout). */
        UNREACHABLE,
        /** The request was sent and no answer came in time: the platform may have done it. */
        TIMED_OUT,
        /**
         * Not sent: its answer could not have come before the round's claim runs out ({@link PlatformGateway#within}).
         * Released to be sent again at once, by whoever then holds the channel.
         */
        OUT_OF_TIME
    }

    public SendFailure {
        Objects.requireNonNull(kind, "kind");
        message = message == null ? "" : message;
        retryAfter = retryAfter.filter(d -> !d.isNegative());
    }

    /** A failure that names no request. */
    public SendFailure(Kind kind, String message, int status, Optional<Duration> retryAfter) {
        this(kind, message, status, retryAfter, Optional.empty());
    }
}
