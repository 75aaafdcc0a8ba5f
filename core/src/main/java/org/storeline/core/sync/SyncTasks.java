package org.storeline.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the sync outbox as its workers see it. Tasks are written by {@link SyncOutbox} and {@link StatusOutbox} in the
 * transactions of the changes that cause them; any number of workers in any number of processes claim them, each
 * claim under a lease, so that a worker that dies leaves its tasks to be claimed again once the lease runs out.
 */
public interface SyncTasks {
    /**
     * A channel with work due: when the longest-waiting and the newest of its due tasks became due (both long ago when
     * all it has is claims whose lease ran out), for {@link Gathering}.
     */
    record DueWork(UUID channelId, Instant firstDue, Instant lastDue) {}

    /**
     * Channels with a task due by {@code now} (pending or unknown and due, or in flight under a lease that ran out);
     * at most {@code limit}. Leaves out the channels another sender than {@code sender} holds at {@code now}
     * ({@link ChannelSenders}): only their holder sends to them.
     */
    List<DueWork> channelsWithDueWork(Instant now, String sender, int limit);

    /**
     * Claims up to {@code limit} due tasks of one channel for {@code owner} until {@code now + lease}, skipping those
     * another transaction holds, in its own transaction, and counts the attempt. Never claims a stock or price task
     * while an older one of the same product is in flight under a live lease, nor a status task while an earlier one
     * of its sale is outstanding: a product's values and a sale's changes reach the platform in order. Answers status
     * tasks in the order they were written.
     */
    List<SyncTask> claim(UUID channelId, String owner, Instant now, Duration lease, int limit);

    /** One claimed task and how its attempt ended. */
    record Finished(SyncTask task, SyncOutcome outcome) {}

    /**
     * Records each outcome, in the caller's transaction, for the tasks {@code owner} still holds (one whose lease ran
     * out and was claimed by another worker is left to that worker). A stock or price task due again while a newer one
     * of its product waits merges into it (the later due time wins); a finished stock or price task is removed (the
     * activity log keeps what was sent).
     */
    void finish(String owner, List<Finished> finished, Instant now);

    /** Puts these refused tasks of the channel back to pending, due now (the activity log's retry); answers how many.
     */
    int retryByHand(UUID channelId, Collection<UUID> taskIds, Instant now);

    /** How far behind the outgoing side of one channel is. */
    record Backlog(long depth, Optional<Instant> oldestChangeAt) {}

    /** The tasks still to deliver (pending, in flight, unknown) and when the oldest of them was first scheduled. */
    Backlog backlog(UUID channelId);

    /**
     * Deletes up to {@code limit} tasks done (told, nothing more to do) before {@code before}, in the caller's
     * transaction; answers how many. Refused tasks and those still to deliver are never deleted.
     */
    int deleteDone(Instant before, int limit);
}
