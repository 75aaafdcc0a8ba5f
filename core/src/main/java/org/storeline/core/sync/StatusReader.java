package org.storeline.core.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelRepository;
import org.storeline.core.event.DomainEvents;
import org.storeline.core.transaction.Transactions;

/**
 * Reads the domain-event outbox after its cursor and writes the status tasks its events call for (the STS table):
 * {@link StatusChanges} decides which, for the channel that imported the sale; a store linked again since hears of
 * its sales through its new channel. Whoever published an event does not matter. The tasks and the cursor's move are
 * written in one transaction with the cursor locked, so each event is read once however many processes read; and the
 * event was committed with the change it tells of, so no change is lost between the two.
 */
public final class StatusReader {
    /** Events read per transaction, and transactions per run at most: a backlog is read over a few runs. */
    private static final int BATCH = 500;

    private static final int BATCHES_PER_RUN = 10;

    private final DomainEvents outbox;
    private final StatusOutbox statuses;
    private final StatusChanges changes;
    private final ChannelRepository channels;
    private final Transactions tx;
    private final Clock clock;

    public StatusReader(
            DomainEvents outbox,
            StatusOutbox statuses,
            StatusChanges changes,
            ChannelRepository channels,
            Transactions tx,
            Clock clock) {
        this.outbox = outbox;
        this.statuses = statuses;
        this.changes = changes;
        this.channels = channels;
        this.tx = tx;
        this.clock = clock;
    }

    /** Reads what the outbox holds after the cursor (a few batches at most); answers how many tasks it wrote. */
    public int readNew() {
        int written = 0;
        for (int i = 0; i < BATCHES_PER_RUN; i++) {
            Batch batch = tx.inTransaction(this::readBatch);
            written += batch.written();
            if (batch.events() < BATCH) {
                break;
            }
        }
        return written;
    }

    private record Batch(int events, int written) {}

    /**
     * The channel told about the sales a channel imported: itself while it is linked; once unlinked, the channel that
     * linked its store again (SOR-5: the same store, the same orders), or, until one does, itself, where the change
     * waits (an unlinked channel is sent nothing) for a relink to take it over. A channel deleted is told nothing.
     */
    private Optional<UUID> recipientFor(UUID importedBy) {
        Optional<Channel> channel = channels.findById(importedBy);
        if (channel.isEmpty() || channel.get().isLinked()) {
            return channel.map(Channel::id);
        }
        UUID store = channel.get().storeId();
        return channels.findAll().stream()
                .filter(c -> c.storeId().equals(store))
                .map(Channel::id)
                .findFirst()
                .or(() -> Optional.of(importedBy));
    }

    private Batch readBatch() {
        long position = statuses.lockCursor();
        List<DomainEvents.Stored> events = outbox.after(position, BATCH);
        if (events.isEmpty()) {
            return new Batch(0, 0);
        }
        Instant now = clock.instant();
        Map<UUID, Optional<UUID>> recipients = new HashMap<>();
        List<StatusOutbox.NewStatus> toSend = new ArrayList<>();
        for (DomainEvents.Stored stored : events) {
            Optional<StatusOutbox.NewStatus> status = changes.of(stored.event());
            if (status.isEmpty()) {
                continue;
            }
            StatusOutbox.NewStatus change = status.get();
            recipients
                    .computeIfAbsent(change.channelId(), this::recipientFor)
                    .ifPresent(to -> toSend.add(new StatusOutbox.NewStatus(to, change.saleId(), change.change())));
        }
        statuses.add(toSend, now);
        statuses.moveCursor(events.getLast().position(), now);
        return new Batch(events.size(), toSend.size());
    }
}
