package org.storeline.server.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Periodic jobs that must run once across every server process on one database, scheduled by db-scheduler: each
 * job is a row in {@code scheduled_tasks} that one process at a time picks (an optimistic update of its version),
 * runs and reschedules; a process that dies while running one leaves a stale heartbeat, and another takes the job
 * over. So any number of processes can run side by side, and reconciliation still polls each channel once a pass.
 * The jobs: reconciliation of the channels, the recheck of refunds whose outcome is unknown (sent again to their
 * processor with the same idempotency key, so it pays once), customer emails (the outbox read after its cursor,
 * the due emails sent), and the deletion of sync tasks done longer ago than their retention.
 */
public final class ClusterJobs implements AutoCloseable {
    /** How often a process looks for due jobs; the jobs themselves run every few minutes. */
    public static final Duration POLLING = Duration.ofSeconds(5);
    /** How often done sync tasks older than their retention are deleted: hourly keeps each run small. */
    public static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final Scheduler scheduler;

    private ClusterJobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** A periodic job: its name in {@code scheduled_tasks}, how long after one run the next is due, its work. */
    public record Job(String name, Duration every, Runnable work) {}

    /** Storeline's jobs: reconciliation every {@code reconcileEvery}, the refund recheck every {@code recheckEvery}. */
    public static List<Job> jobs(
            Duration reconcileEvery, Runnable reconcile, Duration recheckEvery, Runnable recheckRefunds) {
        return List.of(
                new Job("reconcile-channels", reconcileEvery, reconcile),
                new Job("recheck-refunds", recheckEvery, recheckRefunds));
    }

    /** Starts the scheduler with these jobs, each first run one interval from now. */
    public static ClusterJobs start(DataSource dataSource, List<Job> jobs) {
        return start(dataSource, jobs, POLLING);
    }

    /** Reconciliation alone, looking for due jobs every {@code polling} (a test's jobs run every second). */
    static ClusterJobs start(DataSource dataSource, Duration reconcileEvery, Runnable reconcile, Duration polling) {
        return start(dataSource, List.of(new Job("reconcile-channels", reconcileEvery, reconcile)), polling);
    }

    static ClusterJobs start(DataSource dataSource, List<Job> jobs, Duration polling) {
        List<RecurringTask<Void>> tasks = jobs.stream()
                .map(job -> Tasks.recurring(job.name(), new EveryInterval(job.every()))
                        .execute((instance, context) -> job.work().run()))
                .toList();
        Scheduler scheduler = Scheduler.create(dataSource)
                .startTasks(tasks)
                // One thread per job: a long reconciliation pass never holds up the refunds' recheck.
                .threads(tasks.size())
                // Said in scheduled_tasks.picked_by: which process runs a job, also among several on one host.
                .schedulerName(new SchedulerName.Fixed(processName()))
                .pollingInterval(polling)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
        scheduler.start();
        return new ClusterJobs(scheduler);
    }

    private static String processName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    @Override
    public void close() {
        scheduler.stop();
    }

    /**
     * A fixed delay between the end of one run and the start of the next, whose first run is one interval after the
     * job is first scheduled (db-scheduler's own FixedDelay runs at once), so a new database is not polled at start.
     */
    record EveryInterval(Duration interval) implements Schedule {
        @Override
        public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
            return executionComplete.getTimeDone().plus(interval);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
