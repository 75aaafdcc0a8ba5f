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
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
 * <p>Every {@link #CONFIRM_EVERY}, a confirmer makes the journal's records durable in PostgreSQL, in one
 * transaction that commits synchronously: it stores again the rows that are missing (a PostgreSQL that
 * restarted may have lost its last unsynced commits), and its commit puts every earlier commit on disk; then
 * the journal is freed up to that point. On start, every record still in the journal goes through the same
 * transaction. If the journal cannot take a record (no segment free because PostgreSQL has been unreachable, a
 * disk error, or closing), the delivery is made durable by that synchronous transaction instead, as without a
 * journal. A record PostgreSQL refuses for its content is kept as a file in {@code refused/}.
 */
public final class JournaledWebhookInbox implements WebhookInbox, AutoCloseable {
    public static final Duration CONFIRM_EVERY = Duration.ofMillis(200);
    private static final Logger LOG = LoggerFactory.getLogger(JournaledWebhookInbox.class);
    private static final int SEGMENTS = 4;
    private static final int SEGMENT_BYTES = 8 << 20;
    private static final int CHECK_AT_ONCE = 1000;

    private final JooqWebhookInbox inbox;
    private final DeliveryJournal journal;
    private final Path dir;
    private final int recoveredOnOpen;
    private final ConcurrentLinkedQueue<Entry> unconfirmed = new ConcurrentLinkedQueue<>();
    /** Whether the last append failed: said once in the log when it starts and once when it ends, not per delivery. */
    private final AtomicBoolean unavailable = new AtomicBoolean();
    /** Stores hold it shared; closing takes it alone, so that no append is in flight once the journal is emptied. */
    private final ReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile boolean closed;
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
     * Opens the journal in {@code dir} (four segments of 8 MiB), first making durable what a previous run left
     * in it, and confirms it every {@code confirmEvery} ({@link #CONFIRM_EVERY} unless a test must catch
     * PostgreSQL before it syncs).
     */
    public static JournaledWebhookInbox open(JooqWebhookInbox inbox, Path dir, Duration confirmEvery) {
        return open(inbox, dir, SEGMENTS, SEGMENT_BYTES, confirmEvery);
    }

    /** The same with the journal's size given (tests). */
    public static JournaledWebhookInbox open(JooqWebhookInbox inbox, Path dir, int segments, int segmentBytes, Duration confirmEvery) {
        int[] recovered = {0};
        DeliveryJournal journal = DeliveryJournal.open(dir, segments, segmentBytes, records -> {
            List<StoredDelivery> deliveries = records.stream().map(JournaledWebhookInbox::decode).toList();
            recovered[0] = makeDurable(inbox, deliveries, dir);
            LOG.info("Delivery journal: {} deliveries from the last run made durable, {} of them stored again", deliveries.size(),
                    recovered[0]);
        });
        JournaledWebhookInbox journaled = new JournaledWebhookInbox(inbox, journal, dir, recovered[0]);
        long every = confirmEvery.toMillis();
        journaled.confirmer.scheduleWithFixedDelay(journaled::confirmQuietly, every, every, TimeUnit.MILLISECONDS);
        return journaled;
    }

    @Override
    public void store(StoredDelivery delivery) {
        gate.readLock().lock();
        try {
            if (closed) {
                makeDurable(inbox, List.of(delivery), dir);
                return;
            }
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
                makeDurable(inbox, List.of(delivery), dir);
            }
        } finally {
            gate.readLock().unlock();
        }
    }

    /** One round of confirmation; public so that tests can run it at a moment of their choosing. */
    public void confirm() {
        long durable = journal.durableSequence();
        List<Entry> entries = new ArrayList<>(unconfirmed);
        if (entries.isEmpty()) {
            return;
        }
        makeDurable(inbox, entries.stream().map(e -> e.delivery).toList(), dir);
        journal.confirm(durable);
        unconfirmed.removeIf(e -> e.sequence > 0 && e.sequence <= durable);
    }

    /** How many deliveries the journal had that PostgreSQL did not, stored again when this was opened. */
    public int recoveredOnOpen() {
        return recoveredOnOpen;
    }

    /** Makes deliveries durable in PostgreSQL, a thousand per transaction; returns how many were missing and stored again. */
    private static int makeDurable(JooqWebhookInbox inbox, List<StoredDelivery> deliveries, Path dir) {
        int stored = 0;
        for (int from = 0; from < deliveries.size(); from += CHECK_AT_ONCE) {
            List<StoredDelivery> chunk = deliveries.subList(from, Math.min(deliveries.size(), from + CHECK_AT_ONCE));
            for (StoredDelivery again : inbox.storeDurably(chunk, (refused, e) -> keepRefused(refused, e, dir))) {
                LOG.warn("Delivery {} was acknowledged but PostgreSQL lost it: stored again from the journal", again.id());
                stored++;
            }
        }
        return stored;
    }

    /** A record PostgreSQL refuses for its content (say its channel is gone) is kept as a file, and the rest go on. */
    private static void keepRefused(StoredDelivery delivery, DataAccessException e, Path dir) {
        Path kept = dir.resolve("refused").resolve(delivery.id().toString());
        try {
            Files.createDirectories(kept.getParent());
            Files.write(kept, encode(delivery));
        } catch (IOException io) {
            throw new UncheckedIOException("Could not keep refused delivery " + delivery.id() + " in " + kept, io);
        }
        LOG.error("Delivery {} (channel {}) from the journal was refused by PostgreSQL ({}): kept in {}", delivery.id(),
                delivery.channelId(), e.getMessage(), kept);
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
     * Stops taking deliveries into the journal (later ones are made durable by a synchronous commit), waits for
     * those in flight, confirms what it can and, if that was everything, empties the journal; whatever is left
     * is checked on the next start.
     */
    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            closed = true;
        } finally {
            gate.writeLock().unlock();
        }
        confirmer.shutdown();
        try {
            confirmer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        confirmQuietly();
        if (unconfirmed.isEmpty()) {
            journal.stopAndClearIfConfirmed();
        }
        journal.close();
    }
}
