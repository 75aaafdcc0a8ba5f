package org.storeline.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;

/**
 * How a channel's request history crosses from one process's limiter to another's, pure: a limiter counts in
 * {@link System#nanoTime()} readings, which mean nothing in another process, and the lease row keeps wall-clock
 * instants (to the microsecond). Every conversion errs on the budget's side: a time saved goes up to the next
 * microsecond, and a time read back goes {@link #MARGIN} later, more than the two readings of the clocks that
 * convert it can be apart; so a successor never counts a request earlier than it went.
 */
public final class SenderHandover {
    /** How much later than saved a request counts once handed over. */
    static final Duration MARGIN = Duration.ofMillis(1);

    private SenderHandover() {}

    /** What a successor's limiter starts with: request times and when the whole budget counts as spent, as readings. */
    public record Seed(List<Long> requests, OptionalLong spentUntil) {
        public Seed {
            requests = List.copyOf(requests);
        }

        public static final Seed NONE = new Seed(List.of(), OptionalLong.empty());
    }

    /**
     * The seed for a channel just taken, read at {@code now} (wall clock) and {@code nowNanos} (the same moment on the
     * limiter's clock): the requests the previous holder saved, and, when it stopped in the middle of a round, the
     * whole budget spent at its lease's end (it may have sent up to then requests it never saved).
     */
    public static Seed seed(ChannelSenders.Held held, Instant now, long nowNanos) {
        List<Long> requests = held.recentRequests().stream()
                .map(at -> toNanos(at, now, nowNanos))
                .toList();
        OptionalLong spent = held.spentUntil()
                .map(at -> OptionalLong.of(toNanos(at, now, nowNanos)))
                .orElse(OptionalLong.empty());
        return new Seed(requests, spent);
    }

    /** Request times of the limiter's clock as instants to save, each rounded up to the microsecond. */
    public static List<Instant> toSave(List<Long> requests, Instant now, long nowNanos) {
        return requests.stream()
                .map(at -> ceilMicros(now.plusNanos(at - nowNanos)))
                .toList();
    }

    private static long toNanos(Instant at, Instant now, long nowNanos) {
        return nowNanos + Duration.between(now, at.plus(MARGIN)).toNanos();
    }

    private static Instant ceilMicros(Instant at) {
        Instant down = at.truncatedTo(ChronoUnit.MICROS);
        return down.equals(at) ? at : down.plus(1, ChronoUnit.MICROS);
    }
}
