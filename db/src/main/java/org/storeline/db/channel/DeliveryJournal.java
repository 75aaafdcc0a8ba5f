package org.storeline.db.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of records, synced before {@link #append} returns, on blocks written once when the
 * file was made and reused ever after.
 *
 * <p>Why: an acknowledgement must wait until its delivery is on disk. PostgreSQL's WAL carries the import's
 * writes too (ten times the deliveries' bytes), is written into newly allocated blocks, and one of its syncs
 * can take hundreds of milliseconds while the kernel writes back data files; every acknowledgement in flight
 * waits for it. A sync of a few kilobytes into blocks that already exist does not wait for the filesystem's
 * journal and took a few milliseconds in the same seconds (docs/BENCHMARKS.md).
 *
 * <p>The journal is a ring of segments, each filled from its start. A segment is reused once every record in
 * it has been {@linkplain #confirm confirmed} (stored durably elsewhere); when none is free {@link #append}
 * throws {@link Unavailable} and the caller makes the record durable another way. Every record carries the
 * generation of its segment's current pass and a CRC, so that reading a segment stops at the first record
 * of an earlier pass or one torn by a crash.
 *
 * <p>One thread writes: appends that arrive while it syncs go out together with the next sync.
 */
public final class DeliveryJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryJournal.class);
    private static final int MAGIC = 0x534c4a31;
    private static final int HEADER_BYTES = 16;
    private static final int MAX_BATCH = 256;

    private final FileChannel lockFile;
    private final FileChannel[] segments;
    private final int segmentBytes;
    /** The newest sequence number written into each segment on its current pass; 0 for none. */
    private final long[] newestIn;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean open = true;
    private volatile long confirmed;
    private volatile long durable;
    private int current;
    private long position;
    private int generation;
    private long sequence;

    /** The journal could not take the record (no free segment, or the disk failed): make it durable elsewhere. */
    public static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class Pending {
        final byte[] payload;
        final CompletableFuture<Long> done = new CompletableFuture<>();
        long sequence;

        Pending(byte[] payload) {
            this.payload = payload;
        }
    }

    private DeliveryJournal(FileChannel lockFile, FileChannel[] segments, int segmentBytes, int generation) {
        this.lockFile = lockFile;
        this.segments = segments;
        this.segmentBytes = segmentBytes;
        this.newestIn = new long[segments.length];
        this.generation = generation;
        this.writer = Thread.ofPlatform().name("storeline-delivery-journal").daemon().unstarted(this::writeLoop);
    }

    /**
     * Opens the journal in {@code dir}, making its segment files (written with zeros, so that their blocks
     * exist) if they are missing, and hands the records still readable in them to {@code recover}, all at once.
     * Once that returns, the records are forgotten: {@code recover} must have made them durable elsewhere.
     */
    public static DeliveryJournal open(Path dir, int segmentCount, int segmentBytes, Recovery recover) {
        try {
            Files.createDirectories(dir);
            FileChannel lockFile = lock(dir);
            FileChannel[] segments = new FileChannel[segmentCount];
            int newestGeneration = 0;
            List<byte[]> records = new ArrayList<>();
            for (int i = 0; i < segmentCount; i++) {
                segments[i] = FileChannel.open(dir.resolve("segment-" + i), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                preallocate(segments[i], segmentBytes);
                newestGeneration = Math.max(newestGeneration, read(segments[i], segmentBytes, records));
            }
            if (!records.isEmpty()) {
                recover.recover(records);
            }
            forget(segments);
            DeliveryJournal journal = new DeliveryJournal(lockFile, segments, segmentBytes, newestGeneration + 1);
            journal.writer.start();
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the delivery journal in " + dir, e);
        }
    }

    /** What to do with the records found on opening. */
    @FunctionalInterface
    public interface Recovery {
        void recover(List<byte[]> records);
    }

    /** Appends a record and returns its sequence number once it is on disk. */
    public long append(byte[] payload) throws Unavailable {
        if (payload.length + HEADER_BYTES > segmentBytes) {
            throw new Unavailable("A record of " + payload.length + " bytes does not fit a journal segment", null);
        }
        Pending pending = new Pending(payload);
        queue.add(pending);
        try {
            return pending.done.get();
        } catch (ExecutionException e) {
            throw new Unavailable(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while waiting for the journal", e);
        }
    }

    /** The newest sequence number on disk: every record up to it has been appended. */
    public long durableSequence() {
        return durable;
    }

    /** Every record up to {@code sequence} is durable elsewhere: the segments holding only those may be reused. */
    public void confirm(long sequence) {
        if (sequence > confirmed) {
            confirmed = sequence;
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (open) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                LOG.error("The delivery journal failed a batch", e);
                batch.forEach(p -> p.done.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        queue.forEach(p -> p.done.completeExceptionally(new IllegalStateException("The delivery journal is closed")));
    }

    private void write(List<Pending> batch) {
        ByteBuffer buffer = ByteBuffer.allocate(batch.stream().mapToInt(p -> p.payload.length + HEADER_BYTES).sum());
        List<Pending> written = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            int size = pending.payload.length + HEADER_BYTES;
            if (position + buffer.position() + size > segmentBytes) {
                flush(buffer, written);
                if (!nextSegment()) {
                    pending.done.completeExceptionally(new IllegalStateException("Every journal segment holds records not yet confirmed"));
                    continue;
                }
            }
            CRC32C crc = new CRC32C();
            crc.update(pending.payload);
            buffer.putInt(MAGIC).putInt(generation).putInt(pending.payload.length).putInt((int) crc.getValue()).put(pending.payload);
            pending.sequence = ++sequence;
            newestIn[current] = sequence;
            written.add(pending);
        }
        flush(buffer, written);
    }

    private void flush(ByteBuffer buffer, List<Pending> written) {
        if (written.isEmpty()) {
            return;
        }
        buffer.flip();
        try {
            FileChannel segment = segments[current];
            long at = position;
            while (buffer.hasRemaining()) {
                at += segment.write(buffer, at);
            }
            segment.force(false);
            position = at;
            durable = sequence;
            written.forEach(p -> p.done.complete(p.sequence));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the delivery journal", e);
        } finally {
            buffer.clear();
            written.clear();
        }
    }

    /**
     * Empties the journal once every record in it is confirmed (a clean shutdown), so that the next start has
     * nothing to check; returns false, and leaves the records, if some are not.
     */
    public boolean clearIfConfirmed() {
        if (durable > confirmed || !queue.isEmpty()) {
            return false;
        }
        try {
            forget(segments);
            return true;
        } catch (IOException e) {
            LOG.warn("Could not empty the delivery journal; the next start checks its records again", e);
            return false;
        }
    }

    /** A zeroed first header makes a segment read as empty. */
    private static void forget(FileChannel[] segments) throws IOException {
        for (FileChannel segment : segments) {
            segment.write(ByteBuffer.allocate(HEADER_BYTES), 0);
            segment.force(false);
        }
    }

    /** Moves to the next segment of the ring if all it holds is confirmed. */
    private boolean nextSegment() {
        int next = (current + 1) % segments.length;
        if (newestIn[next] > confirmed) {
            return false;
        }
        current = next;
        position = 0;
        newestIn[next] = 0;
        generation++;
        return true;
    }

    /** One process per journal: two writing the same segments would overwrite each other's records. */
    private static FileChannel lock(Path dir) throws IOException {
        FileChannel lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (lockFile.tryLock() != null) {
                return lockFile;
            }
        } catch (OverlappingFileLockException heldHere) {
            // Held by this process already: the same answer as for another process.
        }
        lockFile.close();
        throw new IllegalStateException("The delivery journal in " + dir + " is in use by another Storeline process: "
                + "each server process needs a data directory of its own");
    }

    private static void preallocate(FileChannel segment, int bytes) throws IOException {
        if (segment.size() >= bytes) {
            return;
        }
        ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        for (long at = segment.size(); at < bytes; ) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - at));
            at += segment.write(zeros, at);
        }
        segment.force(true);
    }

    /** Reads a segment's records of its current pass; returns that pass's generation (0 if it holds none). */
    private static int read(FileChannel segment, int segmentBytes, List<byte[]> into) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        long at = 0;
        int passGeneration = 0;
        while (at + HEADER_BYTES <= segmentBytes) {
            header.clear();
            segment.read(header, at);
            header.flip();
            int magic = header.getInt();
            int recordGeneration = header.getInt();
            int length = header.getInt();
            int crc = header.getInt();
            if (magic != MAGIC || length < 0 || at + HEADER_BYTES + length > segmentBytes
                    || (passGeneration != 0 && recordGeneration != passGeneration)) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            segment.read(payload, at + HEADER_BYTES);
            CRC32C check = new CRC32C();
            check.update(payload.array());
            if ((int) check.getValue() != crc) {
                break;
            }
            passGeneration = recordGeneration;
            into.add(payload.array());
            at += HEADER_BYTES + length;
        }
        return passGeneration;
    }

    @Override
    public void close() {
        open = false;
        writer.interrupt();
        try {
            writer.join(5_000);
            for (FileChannel segment : segments) {
                segment.close();
            }
            lockFile.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("Could not close the delivery journal", e);
        }
    }
}
