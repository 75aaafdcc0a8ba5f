package org.storeline.core.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * The sync outbox's retry rules, pure. A failed attempt is tried again after a backoff that doubles from one second
 * up to five minutes, or when the platform's {@code Retry-After} says (it knows best when it can take the call again;
 * capped at an hour, so that a wild answer cannot park a channel for days); a refusal is final; a timeout of a
 * stock level or a price is sent again (it is absolute: sending it twice is sending it once), while a timed-out status
 * change becomes unknown, to be checked before it is sent again. A request its round had no time left for was never
 * sent: released, due again at once, the attempt not counted.
 */
public final class SyncPolicy {
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

    private SyncPolicy() {}

    /** How long after its {@code attempts}-th failed attempt (1-based) a task is tried again. */
    public static Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : delay;
    }

    /** What becomes of a task of this kind after its {@code attempts}-th attempt failed so. */
    public static SyncOutcome afterFailure(SyncKind kind, int attempts, SendFailure failure, Instant now) {
        Duration wait = failure.retryAfter()
                .map(asked -> asked.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : asked)
                .orElse(backoff(attempts));
        Instant at = now.plus(wait);
        return switch (failure.kind()) {
            case REFUSED -> new SyncOutcome.Refused(failure.message());
            case UNAVAILABLE, UNREACHABLE -> new SyncOutcome.Later(at, failure.message());
            case OUT_OF_TIME -> new SyncOutcome.Released();
            case TIMED_OUT ->
                kind.coalesces()
                        ? new SyncOutcome.Later(at, failure.message() + " (sent again: the value is absolute)")
                        : new SyncOutcome.Unknown(
                                at, failure.message() + " (checked with the platform before it is sent again)");
        };
    }
}
