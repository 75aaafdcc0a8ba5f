package org.storeline.core.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * When the next round of a channel may start, as its rate budget runs low. A round's requests cost the same for one
 * product as for a batch's worth, so a channel sending every change at once spends its budget on many small rounds in
 * a burst, and the last changes then wait for the oldest requests to leave the window (half a minute at Ecwid's 600 a
 * minute, more at Lightspeed's 300 per 5 minutes). Instead, once a window is more than half spent, the next round
 * gathers: it waits until its oldest due change has waited a gather time that grows with the share spent, from nothing
 * at half to {@link #LONGEST} at all, so the rounds grow and thin out as the budget shrinks. It goes at once when no
 * new change has come for {@link #QUIET}: the burst is over (or it was one change), and waiting would only delay it.
 * Pure: the worker asks, then waits or sends.
 */
public final class Gathering {
    /** A window spent up to this share leaves rounds alone: each change goes as soon as it is due. */
    static final double RELAXED = 0.5;
    /**
     * The gather time when a window is full, and the windows that count: one no longer than this empties while a round
     * gathers, so gathering would not spare it (Lightspeed's 20 a second, Shopify's 2 a second).
     */
    public static final Duration LONGEST = Duration.ofSeconds(10);
    /** No new change for this long: send what waits now. Short, as each lone change waits this long under pressure. */
    static final Duration QUIET = Duration.ofMillis(150);

    private Gathering() {}

    /**
     * How long the channel's next round waits from {@code now}: zero to start it now.
     *
     * @param pressure the share spent of the channel's fullest window longer than {@link #LONGEST}, 0 to 1
     * @param firstDue when the longest-waiting of its due changes became due
     * @param lastDue when the newest of them became due
     */
    public static Duration waitBefore(double pressure, Instant firstDue, Instant lastDue, Instant now) {
        if (pressure <= RELAXED) {
            return Duration.ZERO;
        }
        double share = Math.min(1, (pressure - RELAXED) / (1 - RELAXED));
        Duration gather = Duration.ofMillis(Math.round(LONGEST.toMillis() * share));
        Instant gathered = firstDue.plus(gather);
        Instant quiet = lastDue.plus(QUIET);
        Instant start = gathered.isBefore(quiet) ? gathered : quiet;
        return start.isAfter(now) ? Duration.between(now, start) : Duration.ZERO;
    }
}
