package org.storeline.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.db.postgres.Database;
import org.storeline.db.postgres.EmbeddedPostgresServer;

/**
 * Reconciliation runs once across all processes on a database: three schedulers (as three server processes would
 * start them) share one job, so its passes never overlap and come no more often than its interval allows.
 */
class ClusterJobsIT {
    private static final Duration EVERY = Duration.ofMillis(300);
    private static final Duration PASS = Duration.ofMillis(200);

    @TempDir
    Path dataDir;

    record Pass(long startNanos, long endNanos) {}

    @Test
    void threeProcessesSharingADatabaseRunEachReconciliationPassOnceAndNeverTwoAtATime() throws Exception {
        List<Pass> passes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Runnable reconcile = () -> {
            long start = System.nanoTime();
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            sleep(PASS);
            running.decrementAndGet();
            passes.add(new Pass(start, System.nanoTime()));
        };
        try (EmbeddedPostgresServer postgres =
                        EmbeddedPostgresServer.start(dataDir.resolve("pg"), Map.of("fsync", "off"));
                Database database = Database.connect(postgres.jdbcUrl("postgres"), "postgres", "", 4)) {
            List<ClusterJobs> processes = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    processes.add(ClusterJobs.start(database.dataSource(), EVERY, reconcile, Duration.ofMillis(100)));
                }
                sleep(Duration.ofSeconds(6));
            } finally {
                processes.forEach(ClusterJobs::close);
            }
        }
        // Each pass takes 200 ms and the next is due 300 ms after it ends: at most 12 in 6 s for the whole cluster,
        // where three schedulers each running their own would make about 36 and overlap.
        assertThat(overlaps.get()).as("passes running at the same time").isZero();
        assertThat(passes).hasSizeBetween(4, 13);
        for (int i = 1; i < passes.size(); i++) {
            assertThat(passes.get(i).startNanos())
                    .isGreaterThanOrEqualTo(passes.get(i - 1).endNanos());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
