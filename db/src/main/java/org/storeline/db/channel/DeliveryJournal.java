package org.storeline.db.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * generation of its segment's pass, and a CRC over that generation, its length and its bytes; reading a
 * segment stops at the first record of an earlier pass or one torn by a crash. Generations only grow, also
 * across restarts (the newest is kept in the file {@code generation}), so that an old record can never pass
 * for a new one.
 *
 * <p>One thread writes: appends that arrive while it syncs go out together with the next sync.
 */
public final class DeliveryJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryJournal.class);
    private static final int MAGIC = 0x534c4a31;
    private static final int HEADER_BYTES = 16;
    private static final int MAX_BATCH_BYTES = 4 << 20;
    /** An append that waits this long gives up, and the caller makes the record durable another way. */
    private static final Duration APPEND_TIMEOUT = Duration.ofSeconds(10);

    private final FileChannel lockFile;
    private final FileChannel generationFile;
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
    private long generation;
    private long sequence;

    /** The journal could not take the record (no free segment, the disk failed, closed): make it durable elsewhere. */
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

    /** What to do with the records found on opening. */
    @FunctionalInterface
    public interface Recovery {
        void recover(List<byte[]> records);
    }

    private DeliveryJournal(FileChannel lockFile, FileChannel generationFile, FileChannel[] segments, int segmentBytes, long generation) {
        this.lockFile = lockFile;
        this.generationFile = generationFile;
        this.segments = segments;
        this.segmentBytes = segmentBytes;
        this.newestIn = new long[segments.length];
        this.generation = generation;
        this.writer = Thread.ofPlatform().name("storeline-delivery-journal").daemon().unstarted(this::writeLoop);
    }

    /**
     * Opens the journal in {@code dir}, making its segment files (written with zeros, so that their blocks
     * exist) if they are missing, and hands the records still readable in them to {@code recover}, all at once.
     * Once that returns, the records are forgotten: {@code recover} must have made them durable elsewhere. If it
     * throws, the journal is left as it was for the next attempt.
     */
    public static DeliveryJournal open(Path dir, int segmentCount, int segmentBytes, Recovery recover) {
        List<FileChannel> opened = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            FileChannel lockFile = lock(dir);
            opened.add(lockFile);
            FileChannel generationFile = FileChannel.open(dir.resolve("generation"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            opened.add(generationFile);
            long newestGeneration = readGeneration(generationFile);
            FileChannel[] segments = new FileChannel[segmentCount];
            boolean made = false;
            List<byte[]> records = new ArrayList<>();
            for (int i = 0; i < segmentCount; i++) {
                segments[i] = FileChannel.open(dir.resolve("segment-" + i), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                opened.add(segments[i]);
                made |= preallocate(segments[i], segmentBytes);
                newestGeneration = Math.max(newestGeneration, read(segments[i], segmentBytes, records));
            }
            if (made) {
                syncDirectory(dir);
            }
            if (!records.isEmpty()) {
                recover.recover(records);
            }
            forget(segments);
            DeliveryJournal journal = new DeliveryJournal(lockFile, generationFile, segments, segmentBytes, newestGeneration);
            journal.startPass();
            journal.writer.start();
            return journal;
        } catch (IOException | RuntimeException e) {
            opened.forEach(DeliveryJournal::closeQuietly);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Could not open the delivery journal in " + dir, io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Appends a record and returns its sequence number once it is on disk. */
    public long append(byte[] payload) throws Unavailable {
        if (payload.length + HEADER_BYTES > segmentBytes) {
            throw new Unavailable("A record of " + payload.length + " bytes does not fit a journal segment", null);
        }
        Pending pending = new Pending(payload);
        queue.add(pending);
        if (!open && queue.remove(pending)) {
            throw new Unavailable("The delivery journal is closed", null);
        }
        try {
            return pending.done.get(APPEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new Unavailable(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new Unavailable("The delivery journal did not sync within " + APPEND_TIMEOUT.toSeconds() + " s", e);
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

    /**
     * Stops the writer, then empties the journal if every record in it is confirmed (a clean shutdown), so that
     * the next start has nothing to check; returns false, and leaves the records, if some are not. Appends
     * after this are refused.
     */
    public boolean stopAndClearIfConfirmed() {
        stopWriter();
        if (durable > confirmed) {
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

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                takeMore(batch, first.payload.length);
                write(batch);
            } catch (InterruptedException e) {
                break;
            } catch (Throwable e) {
                // Any failure, an Error included, fails this batch only: the callers fall back, the writer goes on.
                LOG.error("The delivery journal failed a batch", e);
                batch.forEach(p -> p.done.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(new IllegalStateException("The delivery journal is closed"));
        }
    }

    /** More of what is waiting, up to a few megabytes, so that a burst of large bodies does not exhaust memory. */
    private void takeMore(List<Pending> batch, int bytes) {
        Pending next;
        while (bytes < MAX_BATCH_BYTES && (next = queue.peek()) != null && bytes + next.payload.length <= MAX_BATCH_BYTES) {
            batch.add(queue.poll());
            bytes += next.payload.length;
        }
    }

    private void write(List<Pending> batch) throws IOException {
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
            buffer.putInt(MAGIC).putInt((int) generation).putInt(pending.payload.length)
                    .putInt(checksum((int) generation, pending.payload.length, pending.payload)).put(pending.payload);
            pending.sequence = ++sequence;
            newestIn[current] = sequence;
            written.add(pending);
        }
        flush(buffer, written);
    }

    private void flush(ByteBuffer buffer, List<Pending> written) throws IOException {
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
        } finally {
            buffer.clear();
            written.clear();
        }
    }

    /** Moves to the next segment of the ring if all it holds is confirmed. */
    private boolean nextSegment() throws IOException {
        int next = (current + 1) % segments.length;
        if (newestIn[next] > confirmed) {
            return false;
        }
        current = next;
        position = 0;
        newestIn[next] = 0;
        // Emptied first: a crash before this pass's first record is synced must not leave the last pass readable.
        segments[next].write(ByteBuffer.allocate(HEADER_BYTES), 0);
        segments[next].force(false);
        startPass();
        return true;
    }

    /** A new pass takes the next generation, kept on disk before any record carries it. */
    private void startPass() throws IOException {
        generation++;
        ByteBuffer value = ByteBuffer.allocate(Long.BYTES).putLong(0, generation);
        generationFile.write(value, 0);
        generationFile.force(false);
    }

    private static int checksum(int generation, int length, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putInt(generation).putInt(length).flip());
        crc.update(payload);
        return (int) crc.getValue();
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

    private static long readGeneration(FileChannel generationFile) throws IOException {
        ByteBuffer value = ByteBuffer.allocate(Long.BYTES);
        return generationFile.read(value, 0) == Long.BYTES ? value.getLong(0) : 0;
    }

    /** Writes zeros up to the segment's size; true if it had to (a new file). */
    private static boolean preallocate(FileChannel segment, int bytes) throws IOException {
        if (segment.size() >= bytes) {
            return false;
        }
        ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        for (long at = segment.size(); at < bytes; ) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - at));
            at += segment.write(zeros, at);
        }
        segment.force(true);
        return true;
    }

    /** New files are durable only once their directory entry is. */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    /** A zeroed first header makes a segment read as empty. */
    private static void forget(FileChannel[] segments) throws IOException {
        for (FileChannel segment : segments) {
            segment.write(ByteBuffer.allocate(HEADER_BYTES), 0);
            segment.force(false);
        }
    }

    /** Reads a segment's records of its current pass; returns that pass's generation (0 if it holds none). */
    private static long read(FileChannel segment, int segmentBytes, List<byte[]> into) throws IOException {
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
                    || (at > 0 && recordGeneration != passGeneration)) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            segment.read(payload, at + HEADER_BYTES);
            if (checksum(recordGeneration, length, payload.array()) != crc) {
                break;
            }
            passGeneration = recordGeneration;
            into.add(payload.array());
            at += HEADER_BYTES + length;
        }
        return Integer.toUnsignedLong(passGeneration);
    }

    private void stopWriter() {
        open = false;
        try {
            writer.join(APPEND_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopWriter();
        closeQuietly(lockFile);
        closeQuietly(generationFile);
        for (FileChannel segment : segments) {
            closeQuietly(segment);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Could not close a delivery journal file", e);
        }
    }
}
