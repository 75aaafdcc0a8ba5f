package org.storeline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Measures the machine's own storage while the benchmark runs, outside Storeline and PostgreSQL: every 20 ms
 * it writes 8 kB to a file on the database's filesystem and waits for it to reach disk, as a commit does.
 * Two files: one whose blocks already exist (what the device itself costs) and one that grows (new blocks
 * make every sync a filesystem journal commit too, as PostgreSQL's new WAL segments do). When acknowledgements
 * stall in the same second as these syncs, the stall is the storage's, not Storeline's.
 */
final class DiskProbe implements AutoCloseable {
    private static final int BLOCK = 8192;
    private static final int PREALLOCATED_BLOCKS = 128;
    private static final int GROWING_BLOCKS = 2048;

    final Probe preallocated;
    final Probe growing;
    private final Thread thread;
    private volatile boolean running = true;

    /** What one of the files saw: all syncs, and the slowest sync of each second since the start. */
    static final class Probe {
        final Histogram all = new ConcurrentHistogram(3);
        final long[] maxBySecondMicros;

        Probe(int seconds) {
            maxBySecondMicros = new long[seconds + 1];
        }

        void record(long startNanos, long micros) {
            all.recordValue(micros);
            int second =
                    (int) Math.min((System.nanoTime() - startNanos) / 1_000_000_000L, maxBySecondMicros.length - 1);
            maxBySecondMicros[second] = Math.max(maxBySecondMicros[second], micros);
        }

        long overMillis(int millis) {
            return all.getCountBetweenValues(millis * 1000L + 1, all.getMaxValue());
        }

        String summary() {
            return String.format(
                    "p50 %.2f ms, p99 %.1f ms, max %.1f ms, %d syncs over 50 ms",
                    all.getValueAtPercentile(50) / 1000.0,
                    all.getValueAtPercentile(99) / 1000.0,
                    all.getMaxValue() / 1000.0,
                    overMillis(50));
        }
    }

    private DiskProbe(Path directory, int seconds) throws IOException {
        preallocated = new Probe(seconds);
        growing = new Probe(seconds);
        FileChannel fixed = open(directory.resolve("disk-probe-preallocated"));
        fixed.write(ByteBuffer.allocate(BLOCK * PREALLOCATED_BLOCKS), 0);
        fixed.force(true);
        FileChannel grown = open(directory.resolve("disk-probe-growing"));
        long start = System.nanoTime();
        thread = Thread.ofPlatform().name("disk-probe").daemon().start(() -> run(fixed, grown, start));
    }

    static DiskProbe start(Path directory, int seconds) {
        try {
            return new DiskProbe(directory, seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.DELETE_ON_CLOSE);
    }

    private void run(FileChannel fixed, FileChannel grown, long start) {
        byte[] bytes = new byte[BLOCK];
        try (fixed;
                grown) {
            for (long i = 0; running; i++) {
                ThreadLocalRandom.current().nextBytes(bytes);
                preallocated.record(start, timedSync(fixed, bytes, (i % PREALLOCATED_BLOCKS) * BLOCK));
                if (i % GROWING_BLOCKS == 0) {
                    grown.truncate(0);
                }
                growing.record(start, timedSync(grown, bytes, (i % GROWING_BLOCKS) * BLOCK));
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes a block and waits for it to reach the disk (fdatasync): answers the microseconds that took. */
    private static long timedSync(FileChannel channel, byte[] bytes, long position) throws IOException {
        long begin = System.nanoTime();
        channel.write(ByteBuffer.wrap(bytes), position);
        channel.force(false);
        return (System.nanoTime() - begin) / 1000;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
