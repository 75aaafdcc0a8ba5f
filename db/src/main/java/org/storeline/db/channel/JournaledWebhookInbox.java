package org.storeline.db.channel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storeline.core.channel.StoredDelivery;
import org.storeline.core.channel.WebhookInbox;
import org.storeline.db.postgres.PropertiesText;

/**
 * The inbox as the webhook route uses it: a delivery is in PostgreSQL (visible to every worker) and on disk
 * before {@link #store} returns, but the disk it waits for is the {@link DeliveryJournal}'s, not PostgreSQL's
 * WAL. The row is committed without waiting for the WAL, then its record is appended to the journal and
 * synced.
 *
 * <p>Every {@link #CONFIRM_EVERY}, a confirmer makes the journal's records durable in PostgreSQL: it checks
 * that their rows are there (a PostgreSQL that restarted may have lost its last unsynced commits; those rows
 * are stored again), then commits synchronously, which puts every earlier commit on disk, and frees the
 * journal's segments up to that point. On start, every record still in the journal is stored unless its row
 * exists. If the journal cannot take a record (no segment free because PostgreSQL has been unreachable, or
 * a disk error), the delivery is made durable by a synchronous commit instead, as without a journal.
 */
public final class JournaledWebhookInbox implements WebhookInbox, AutoCloseable {
    public static final Duration CONFIRM_EVERY = Duration.ofMillis(200);
    private static final Logger LOG = LoggerFactory.getLogger(JournaledWebhookInbox.class);
    private static final int SEGMENTS = 4;
    private static final int SEGMENT_BYTES = 8 << 20;

    private final JooqWebhookInbox inbox;
    private final DeliveryJournal journal;
    private final Path dir;
    private final int recoveredOnOpen;
    private final ConcurrentLinkedQueue<Entry> unconfirmed = new ConcurrentLinkedQueue<>();
    /** Whether the last append failed: said once in the log when it starts and once when it ends, not per delivery. */
    private final AtomicBoolean unavailable = new AtomicBoolean();
    private final ScheduledExecutorService confirmer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("storeline-journal-confirmer").daemon().factory());

    /** A delivery stored unsynced, and its journal sequence number once it has one. */
    private static final class Entry {
        final StoredDelivery delivery;
        volatile long sequence;

        Entry(StoredDelivery delivery) {
            this.delivery = delivery;
        }
    }

    private JournaledWebhookInbox(JooqWebhookInbox inbox, DeliveryJournal journal, Path dir, int recoveredOnOpen) {
        this.inbox = inbox;
        this.journal = journal;
        this.dir = dir;
        this.recoveredOnOpen = recoveredOnOpen;
    }

    /**
     * Opens the journal in {@code dir} (four segments of 8 MiB), first storing what a previous run left in it,
     * and confirms it every {@code confirmEvery} ({@link #CONFIRM_EVERY} unless a test must catch PostgreSQL
     * before it syncs).
     */
    public static JournaledWebhookInbox open(JooqWebhookInbox inbox, Path dir, Duration confirmEvery) {
        return open(inbox, dir, SEGMENTS, SEGMENT_BYTES, confirmEvery);
    }

    /** The same with the journal's size and the confirmation's pace given (tests). */
    public static JournaledWebhookInbox open(JooqWebhookInbox inbox, Path dir, int segments, int segmentBytes, Duration confirmEvery) {
        int[] recovered = {0};
        DeliveryJournal journal = DeliveryJournal.open(dir, segments, segmentBytes, records -> {
            List<StoredDelivery> deliveries = records.stream().map(JournaledWebhookInbox::decode).toList();
            recovered[0] = storeMissing(inbox, deliveries, dir);
            LOG.info("Delivery journal: {} deliveries from the last run checked against the inbox, {} of them stored again",
                    deliveries.size(), recovered[0]);
        });
        JournaledWebhookInbox journaled = new JournaledWebhookInbox(inbox, journal, dir, recovered[0]);
        long every = confirmEvery.toMillis();
        journaled.confirmer.scheduleWithFixedDelay(journaled::confirmQuietly, every, every, TimeUnit.MILLISECONDS);
        return journaled;
    }

    @Override
    public void store(StoredDelivery delivery) {
        inbox.storeUnsynced(delivery);
        Entry entry = new Entry(delivery);
        unconfirmed.add(entry);
        try {
            entry.sequence = journal.append(encode(delivery));
            if (unavailable.compareAndSet(true, false)) {
                LOG.info("Delivery journal available again");
            }
        } catch (DeliveryJournal.Unavailable e) {
            if (unavailable.compareAndSet(false, true)) {
                LOG.warn("Delivery journal unavailable ({}): acknowledgements wait for PostgreSQL's WAL until it is back", e.getMessage());
            }
            unconfirmed.remove(entry);
            inbox.syncCommitted();
        }
    }

    /** One round of confirmation; public so that tests can run it at a moment of their choosing. */
    public void confirm() {
        long durable = journal.durableSequence();
        List<Entry> entries = new ArrayList<>(unconfirmed);
        if (entries.isEmpty()) {
            return;
        }
        storeMissing(inbox, entries.stream().map(e -> e.delivery).toList(), dir);
        inbox.syncCommitted();
        journal.confirm(durable);
        unconfirmed.removeIf(e -> e.sequence > 0 && e.sequence <= durable);
    }

    /** Stores the deliveries whose rows are missing (looked up a thousand at a time); returns how many it stored. */
    private static int storeMissing(JooqWebhookInbox inbox, List<StoredDelivery> deliveries, Path dir) {
        int stored = 0;
        for (int from = 0; from < deliveries.size(); from += 1000) {
            List<StoredDelivery> chunk = deliveries.subList(from, Math.min(deliveries.size(), from + 1000));
            Set<UUID> present = inbox.stored(chunk.stream().map(StoredDelivery::id).toList());
            for (StoredDelivery delivery : chunk) {
                if (!present.contains(delivery.id())) {
                    LOG.warn("Delivery {} was acknowledged but PostgreSQL lost it: stored again from the journal", delivery.id());
                    if (storeAgain(inbox, delivery, dir)) {
                        stored++;
                    }
                }
            }
        }
        return stored;
    }

    /**
     * Stores a delivery from the journal unless its row exists; true if it was missing. A row PostgreSQL refuses for its content (an
     * integrity error: say its channel is gone) is kept as a file in {@code refused/} and skipped, so that one
     * record cannot stop every start or every confirmation; any other error is thrown and the record stays.
     */
    private static boolean storeAgain(JooqWebhookInbox inbox, StoredDelivery delivery, Path dir) {
        try {
            return inbox.storeIfAbsent(delivery);
        } catch (DataAccessException e) {
            if (e.sqlState() == null || !e.sqlState().startsWith("23")) {
                throw e;
            }
            Path kept = dir.resolve("refused").resolve(delivery.id().toString());
            try {
                Files.createDirectories(kept.getParent());
                Files.write(kept, encode(delivery));
            } catch (IOException io) {
                throw new UncheckedIOException("Could not keep refused delivery " + delivery.id() + " in " + kept, io);
            }
            LOG.error("Delivery {} (channel {}) from the journal was refused by PostgreSQL ({}): kept in {}", delivery.id(),
                    delivery.channelId(), e.getMessage(), kept);
            return false;
        }
    }

    /** How many deliveries the journal had that PostgreSQL did not, stored again when this was opened. */
    public int recoveredOnOpen() {
        return recoveredOnOpen;
    }

    private void confirmQuietly() {
        try {
            confirm();
        } catch (RuntimeException e) {
            LOG.warn("Could not confirm the delivery journal yet: {}", e.getMessage());
        }
    }

    /** A delivery as the journal records it. */
    public static byte[] encode(StoredDelivery delivery) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(delivery.body().length + 512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(delivery.id().getMostSignificantBits());
            out.writeLong(delivery.id().getLeastSignificantBits());
            out.writeLong(delivery.channelId().getMostSignificantBits());
            out.writeLong(delivery.channelId().getLeastSignificantBits());
            out.writeLong(delivery.receivedAt().getEpochSecond());
            out.writeInt(delivery.receivedAt().getNano());
            writeBytes(out, PropertiesText.encode(delivery.headers()).getBytes(StandardCharsets.UTF_8));
            writeBytes(out, PropertiesText.encode(delivery.query()).getBytes(StandardCharsets.UTF_8));
            writeBytes(out, delivery.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static StoredDelivery decode(byte[] record) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            UUID id = new UUID(in.readLong(), in.readLong());
            UUID channelId = new UUID(in.readLong(), in.readLong());
            Instant receivedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String headers = new String(readBytes(in), StandardCharsets.UTF_8);
            String query = new String(readBytes(in), StandardCharsets.UTF_8);
            byte[] body = readBytes(in);
            return new StoredDelivery(id, channelId, receivedAt, PropertiesText.decode(headers), PropertiesText.decode(query), body, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("A delivery journal record could not be read", e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        return in.readNBytes(in.readInt());
    }

    @Override
    public List<StoredDelivery> claim(int limit, Duration lease, Instant now) {
        return inbox.claim(limit, lease, now);
    }

    @Override
    public void finish(List<Finished> finished, Instant at) {
        inbox.finish(finished, at);
    }

    @Override
    public void fail(UUID deliveryId, String error, Optional<Instant> retryAt) {
        inbox.fail(deliveryId, error, retryAt);
    }

    @Override
    public Optional<StoredDelivery> find(UUID deliveryId) {
        return inbox.find(deliveryId);
    }

    @Override
    public void requeue(UUID deliveryId, Instant now) {
        inbox.requeue(deliveryId, now);
    }

    @Override
    public Optional<Instant> oldestPending(UUID channelId) {
        return inbox.oldestPending(channelId);
    }

    /**
     * Confirms what it can and, if that was everything, empties the journal, then closes: whatever is left is
     * checked on the next start.
     */
    @Override
    public void close() {
        confirmer.shutdown();
        try {
            confirmer.awaitTermination(5, TimeUnit.SECONDS);
            confirmQuietly();
            if (unconfirmed.isEmpty()) {
                journal.clearIfConfirmed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
    }
}
