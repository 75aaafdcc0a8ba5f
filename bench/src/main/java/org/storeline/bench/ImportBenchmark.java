package org.storeline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.storeline.server.Storeline;

/**
 * Signed WooCommerce webhook deliveries over HTTP on loopback, imported into the embedded PostgreSQL
 * (fsync on, as {@code ./storeline serve} runs it): orders of 3 lines over 10,000 products and 5 outlets.
 *
 * <ol>
 *   <li>Sustained: deliveries sent at a fixed rate (open loop: latency counts from when each was due)
 *       while the worker imports; ack latency p50/p99 and whether the import keeps up.</li>
 *   <li>Capacity: a backlog stored first (the worker paused), then the worker's fully imported orders per
 *       second over the measuring window.</li>
 *   <li>Ceiling: the same writes as set-based SQL, on the same database, in the same run.</li>
 * </ol>
 */
public final class ImportBenchmark {
    private static final String SECRET = "bench-webhook-secret";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, Benchmarks.IMPORT);
        int seconds = Options.integer(options, "seconds");
        int rate = Options.integer(options, "rate");
        int backlog = Options.integer(options, "backlog");
        int products = 10_000;

        Map<String, String> pgSettings = BenchStoreline.pgSettings(options);
        System.out.printf(
                "Storeline import benchmark: %d cores, %s, JDK %s%s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"),
                Runtime.version(),
                pgSettings.isEmpty() ? "" : ", PostgreSQL settings " + pgSettings);
        BenchStoreline started = BenchStoreline.start("storeline-bench-", pgSettings);
        String token = started.adminToken;
        Path dataDir = started.dataDir;
        try (Storeline storeline = started.storeline) {
            String baseUrl = "http://127.0.0.1:" + storeline.port();
            BenchSetup setup = BenchSetup.create(baseUrl, token, storeline.dataSource(), 5, products, SECRET);
            System.out.printf(
                    "setup: %d products, %d outlets, channel %s%n", products, setup.outlets.size(), setup.channel);
            Sender sender = new Sender(baseUrl + "/webhooks/" + setup.channel, new BenchOrders(products, SECRET));
            Counter imported = new Counter(storeline.dataSource(), setup.channel);

            int prewarmMb = Options.integer(options, "prewarm-wal-mb");
            if (prewarmMb > 0) {
                prewarmWal(storeline.dataSource(), prewarmMb);
            }
            // Warm-up (JIT, caches, connection pools): not measured.
            sender.warmUp(10_000);
            awaitDrained(imported, 10_000, Duration.ofMinutes(3));
            boolean all = !options.containsKey("only");
            if (all) {
                acksAlone(storeline, sender, imported, rate, Math.min(seconds, 20));
                sustained(sender, imported, rate, Math.min(seconds, 20));
            }
            underLoad(storeline, sender, imported, rate, backlog, seconds, options.containsKey("trace"), dataDir);
            if (!all) {
                return;
            }
            capacity(storeline, sender, imported, backlog, seconds);
            double ceiling = SqlCeiling.ordersPerSecond(
                    storeline.dataSource(), setup.channel, setup.outlets.get(0), setup.register, 1000, 20);
            System.out.printf("%nceiling: set-based SQL of the same writes: %.0f orders/s%n", ceiling);
            SqlCeiling.TIME.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .limit(6)
                    .forEach(e -> System.out.printf("ceiling:   %5.1f s  %s...%n", e.getValue() / 1e9, e.getKey()));
        }
    }

    /**
     * {@code --prewarm-wal-mb N}: puts the cluster in the state of a server that has run through checkpoints, whose
     * WAL is written into recycled segments (blocks that exist) instead of new files. N MB of WAL records (logical
     * messages: no table is touched) and two checkpoints; keep them with {@code --pg min_wal_size=...}.
     */
    private static void prewarmWal(DataSource db, int megabytes) throws Exception {
        long start = System.nanoTime();
        try (Connection c = db.getConnection();
                var statement = c.createStatement()) {
            for (int i = 0; i < megabytes; i++) {
                statement.execute("select pg_logical_emit_message(false, 'storeline-bench', repeat('x', 1048000))");
            }
            statement.execute("checkpoint");
            statement.execute("select pg_switch_wal()");
            statement.execute("select pg_logical_emit_message(false, 'storeline-bench', 'x')");
            statement.execute("checkpoint");
        }
        System.out.printf(
                "prewarm: %d MB of WAL and two checkpoints in %.1f s%n", megabytes, (System.nanoTime() - start) / 1e9);
    }

    /** The same rate with the worker paused: what acknowledging costs when nothing else competes for the CPU. */
    private static void acksAlone(Storeline storeline, Sender sender, Counter imported, int rate, int seconds)
            throws Exception {
        storeline.inboxWorker().pause();
        long before = imported.count();
        Histogram latency = new ConcurrentHistogram(3);
        long sent = sender.atRate(rate, Duration.ofSeconds(seconds), latency);
        System.out.printf(
                "%nacks alone: %d deliveries at %d/s, worker paused: ack p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sent,
                rate,
                latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0);
        storeline.inboxWorker().resume();
        awaitDrained(imported, before + sent, Duration.ofMinutes(5));
    }

    private static void sustained(Sender sender, Counter imported, int rate, int seconds) throws Exception {
        long before = imported.count();
        Histogram latency = new ConcurrentHistogram(3);
        long sent = sender.atRate(rate, Duration.ofSeconds(seconds), latency);
        long importedDuring = imported.count() - before;
        long lagStart = System.nanoTime();
        awaitDrained(imported, before + sent, Duration.ofMinutes(5));
        System.out.printf(
                "%nsustained: %d deliveries at %d/s for %d s: %.0f acknowledged/s, "
                        + "ack p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%n",
                sent,
                rate,
                seconds,
                sent / (double) seconds,
                latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0,
                sender.errors.get());
        System.out.printf(
                "sustained: %d orders fully imported during the window (%.0f/s); the rest within %.1f s after it%n",
                importedDuring, importedDuring / (double) seconds, (System.nanoTime() - lagStart) / 1e9);
    }

    /**
     * The target: a backlog drains while new deliveries keep arriving at the given rate; orders fully
     * imported per second and the ack latency of the new deliveries, over the same window.
     */
    private static void underLoad(
            Storeline storeline,
            Sender sender,
            Counter imported,
            int rate,
            int backlog,
            int seconds,
            boolean trace,
            Path dataDir)
            throws Exception {
        storeline.inboxWorker().pause();
        long before = imported.count();
        long stored = sender.asFastAsPossible(backlog, 64);
        long startCount = imported.count();
        storeline.inboxWorker().resume();
        // Said as it happens, so that a profiler can be pointed at the window.
        System.out.printf("%nunder load: %d stored, the %d-second window starts now%n", stored, seconds);
        long windowStart = System.nanoTime();
        Histogram latency = new ConcurrentHistogram(3);
        long sent;
        DiskProbe disk = DiskProbe.start(dataDir, seconds);
        try (disk) {
            sent = sender.atRate(rate, Duration.ofSeconds(seconds), latency);
        }
        double window = (System.nanoTime() - windowStart) / 1e9;
        long done = imported.count() - startCount;
        boolean ranOut = imported.count() - before >= stored + sent;
        System.out.printf(
                "under load: backlog of %d, then %d/s new deliveries for %d s while it drains:%n",
                stored, rate, seconds);
        System.out.printf(
                "under load: %d orders fully imported in %.1f s: %.0f orders/s%s%n",
                done,
                window,
                done / window,
                ranOut ? " (everything was imported before the window ended: raise --backlog)" : "");
        System.out.printf(
                "under load: %d new deliveries acknowledged (%.0f/s), "
                        + "ack p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%n",
                sent,
                sent / window,
                latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0,
                sender.errors.get());
        long overFiveSeconds = latency.getTotalCount() - latency.getCountBetweenValues(0, 5_000_000);
        System.out.printf(
                "under load: %d acknowledgements over 5 s (the shortest platform timeout, Shopify's)%n",
                overFiveSeconds);
        System.out.println(verdict(done / window, latency, overFiveSeconds, sender.errors.get()));
        System.out.printf(
                "under load: the disk itself, same window (8 kB + fdatasync every 20 ms): existing blocks %s; "
                        + "new blocks %s%n",
                disk.preallocated.summary(), disk.growing.summary());
        if (trace) {
            // Whether slow acknowledgements come in bursts (a stall) or spread evenly (CPU) shows here, and
            // whether a burst is the disk's: the slowest probe sync of the same second stands beside it.
            for (int second = 0; second < sender.bySecond.length; second++) {
                Histogram h = sender.bySecond[second];
                System.out.printf(
                        "under load: second %2d: ack p50 %5.1f ms, p99 %6.1f ms, max %6.1f ms; "
                                + "disk max %6.1f / %6.1f ms%n",
                        second + 1,
                        h.getValueAtPercentile(50) / 1000.0,
                        h.getValueAtPercentile(99) / 1000.0,
                        h.getMaxValue() / 1000.0,
                        disk.preallocated.maxBySecondMicros[second] / 1000.0,
                        disk.growing.maxBySecondMicros[second] / 1000.0);
            }
        }
        awaitDrained(imported, before + stored + sent, Duration.ofMinutes(10));
    }

    /** The target for this phase, said as met or not, so that a run answers without reading the figures. */
    private static String verdict(double ordersPerSecond, Histogram latency, long overFiveSeconds, long errors) {
        double p99 = latency.getValueAtPercentile(99) / 1000.0;
        double max = latency.getMaxValue() / 1000.0;
        boolean met = p99 <= 250 && max <= 1000 && overFiveSeconds == 0 && errors == 0 && ordersPerSecond >= 1000;
        return String.format(
                "under load: target (ack p99 <= 250 ms, max <= 1 s, none over 5 s, no error, >= 1000 orders/s "
                        + "imported): %s",
                met ? "MET" : "NOT MET");
    }

    private static void capacity(Storeline storeline, Sender sender, Counter imported, int backlog, int seconds)
            throws Exception {
        storeline.inboxWorker().pause();
        long before = imported.count();
        long start = System.nanoTime();
        long stored = sender.asFastAsPossible(backlog, 64);
        double storeSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%ncapacity: %d deliveries stored in %.1f s "
                        + "(%.0f acknowledged/s with 64 concurrent senders, worker paused)%n",
                stored, storeSeconds, stored / storeSeconds, 0.0);
        storeline.inboxWorker().resume();
        long windowStart = System.nanoTime();
        long startCount = imported.count();
        long endCount = startCount;
        for (int second = 1; second <= seconds; second++) {
            Thread.sleep(Math.max(0, windowStart + second * 1_000_000_000L - System.nanoTime()) / 1_000_000);
            endCount = imported.count();
            if (endCount - before >= stored) {
                break;
            }
        }
        double window = (System.nanoTime() - windowStart) / 1e9;
        boolean drained = endCount - before >= stored;
        System.out.printf(
                "capacity: %d orders fully imported in %.1f s: %.0f orders/s%s%n",
                endCount - startCount,
                window,
                (endCount - startCount) / window,
                drained ? " (the backlog ran out before the window ended: raise --backlog)" : "");
        awaitDrained(imported, before + stored, Duration.ofMinutes(10));
    }

    private static void awaitDrained(Counter imported, long expected, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (imported.count() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Only " + imported.count() + " of " + expected + " orders were imported in " + limit);
            }
            Thread.sleep(200);
        }
    }

    /** Counts the imported orders of the channel's store (the import keys). */
    record Counter(DataSource db, String channel) {
        long count() throws Exception {
            try (Connection c = db.getConnection();
                    PreparedStatement ps = c.prepareStatement("select count(*) from channel_order where store_id = "
                            + "(select store_id from channel where id = ?)")) {
                ps.setObject(1, UUID.fromString(channel));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    /** Sends signed deliveries over loopback HTTP. */
    static final class Sender {
        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI url;
        private final BenchOrders orders;
        private final AtomicLong nextId = new AtomicLong(1);
        final AtomicLong errors = new AtomicLong();
        /** The last {@link #atRate} run's latencies by the second each request was due in, for {@code --trace}. */
        Histogram[] bySecond = new Histogram[0];

        Sender(String url, BenchOrders orders) {
            this.url = URI.create(url);
            this.orders = orders;
        }

        void warmUp(int count) throws Exception {
            asFastAsPossible(count, 16);
        }

        /** Open loop: request i is due at start + i/rate; its latency counts from then, not from when it was sent. */
        long atRate(int rate, Duration duration, Histogram latency) throws Exception {
            long total = rate * duration.toSeconds();
            long intervalNanos = 1_000_000_000L / rate;
            bySecond = new Histogram[(int) duration.toSeconds()];
            Arrays.setAll(bySecond, i -> new ConcurrentHistogram(3));
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (long i = 0; i < total; i++) {
                    long due = start + i * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    pool.submit(() -> {
                        send();
                        long micros = Math.max(1, (System.nanoTime() - due) / 1000);
                        latency.recordValue(micros);
                        bySecond[(int) ((due - start) / 1_000_000_000L)].recordValue(micros);
                    });
                }
            }
            return total;
        }

        long asFastAsPossible(int count, int concurrency) throws Exception {
            Semaphore inFlight = new Semaphore(concurrency);
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < count; i++) {
                    inFlight.acquire();
                    pool.submit(() -> {
                        try {
                            send();
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            }
            return count;
        }

        private void send() {
            byte[] body = orders.body(nextId.getAndIncrement());
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(url)
                                .header("Content-Type", "application/json")
                                .header("X-WC-Webhook-Topic", "order.created")
                                .header("X-WC-Webhook-Signature", orders.sign(body))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        }
    }
}
