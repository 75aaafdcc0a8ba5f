package org.storeline.core.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One thing to tell one channel, from the sync outbox: a product's stock level or price (its current value, read when
 * sent), or a status change of one of the channel's orders (what to send, decided when it happened). Its life cycle is
 * {@link SyncTaskState}; the outbox claims it, a worker sends it and {@link #after finishes} it with an outcome.
 *
 * @param attempts how many times it was claimed, this claim included
 * @param createdAt when the change it carries was first scheduled (the age of the oldest change a channel waits for)
 */
public record SyncTask(
        UUID id,
        UUID channelId,
        SyncKind kind,
        Optional<UUID> productId,
        Optional<UUID> saleId,
        Optional<StatusChange> statusChange,
        SyncTaskState state,
        int attempts,
        Instant createdAt) {

    public SyncTask {
        Objects.requireNonNull(kind, "kind");
        if (kind.coalesces() != productId.isPresent() || (kind == SyncKind.STATUS) != statusChange.isPresent()) {
            throw new IllegalArgumentException(
                    "A stock or price task names a product; a status task carries its change: " + id);
        }
    }

    /** The state this task is in after an attempt ended so (refused by the state machine when it cannot be). */
    public SyncTaskState after(SyncOutcome outcome) {
        return state.on(outcome.event());
    }
}
