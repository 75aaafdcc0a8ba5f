package org.storeline.core.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: who sends a channel's sync tasks. One sender at a time per channel across every process on the database, so
 * that the channel's rate budget is kept by one limiter and not by one per process (N processes, N times the budget).
 * A sender holds the channel under a lease it renews before each round and never sends past; another takes it over
 * only once the lease ran out (its process stopped, or had nothing to send for a while). Each call is one short
 * statement in its own transaction: nothing is held open across a platform call.
 *
 * <p>The times of the requests the holder sent recently go with the lease ({@link #save}, {@link #release}), so that a
 * successor's limiter starts with the window its predecessor used rather than a fresh one.
 */
public interface ChannelSenders {
    /**
     * What taking the channel gave.
     *
     * @param continued the same sender held it without a break: its own limiter knows the channel's recent requests
     * @param recentRequests when not continued: the request times the previous holder saved (oldest first)
     * @param spentUntil when not continued: the budget counts as spent at this time (a holder stopped in the middle
     *     of a round at or before it: it may have sent requests it never saved, up to its lease's end)
     * @param until the lease's end: no request of the holder's may still be waiting for its answer then
     */
    record Held(boolean continued, List<Instant> recentRequests, Optional<Instant> spentUntil, Instant until) {
        public Held {
            recentRequests = List.copyOf(recentRequests);
        }
    }

    /**
     * Takes the channel for {@code sender} until {@code until}, or renews its hold: one conditional INSERT ... ON
     * CONFLICT DO UPDATE, which succeeds when no one holds it, {@code sender} holds it, or the holder's lease ran out
     * by {@code now}. Marks the holder as sending (a round begins). Empty when another sender holds it.
     */
    Optional<Held> take(UUID channelId, String sender, Instant now, Instant until);

    /**
     * The round is over: the requests sent recently, for a successor (replacing what the row said, the budget spent
     * included); empty when the holder knows nothing newer than the row (it sent nothing since it took it). Only while
     * {@code sender} holds the channel.
     */
    void save(UUID channelId, String sender, Optional<List<Instant>> recentRequests);

    /** Gives the channel up at {@code now} (the process stops), saving as {@link #save}; only if {@code sender} holds
     * it. */
    void release(UUID channelId, String sender, Optional<List<Instant>> recentRequests, Instant now);
}
