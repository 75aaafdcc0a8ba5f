package org.storeline.web.app.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.storeline.core.channel.ChannelSync;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;

/**
 * Manual imports started from a channel's page, run on a virtual thread so that the page can show progress (htmx asks
 * every second) instead of waiting on one long request. The import itself is the API's: the same use case, exactly
 * once. A job is known only to the process that runs it and forgotten an hour after it ended; behind a load
 * balancer, the page's polls must reach the same process (sticky sessions), or they answer that the job is unknown.
 */
final class ImportJobs {
    private static final Duration KEPT = Duration.ofHours(1);

    /** A job as the page shows it: running, done with its summary, or failed with the reason. */
    record Job(
            UUID id,
            UUID channelId,
            UUID userId,
            Instant startedAt,
            Optional<Instant> endedAt,
            Optional<ChannelSync.ImportSummary> summary,
            Optional<String> error) {
        boolean running() {
            return endedAt.isEmpty();
        }
    }

    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final Clock clock;

    ImportJobs(Clock clock) {
        this.clock = clock;
    }

    Job start(UUID channelId, UUID userId, Supplier<ChannelSync.ImportSummary> work) {
        forgetOld();
        Job job = new Job(
                Ids.newId(), channelId, userId, clock.instant(), Optional.empty(), Optional.empty(), Optional.empty());
        jobs.put(job.id(), job);
        Thread.ofVirtual().name("web-import-" + job.id()).start(() -> {
            Job ended;
            try {
                ChannelSync.ImportSummary summary = work.get();
                ended = new Job(
                        job.id(),
                        channelId,
                        userId,
                        job.startedAt(),
                        Optional.of(clock.instant()),
                        Optional.of(summary),
                        Optional.empty());
            } catch (StorelineException e) {
                ended = failed(job, e.getMessage());
            } catch (RuntimeException e) {
                ended = failed(job, "The import stopped: " + e.getClass().getSimpleName() + ". See the server's log.");
            }
            jobs.put(job.id(), ended);
        });
        return job;
    }

    /** The job, for the user who started it, of this channel. */
    Optional<Job> find(UUID jobId, UUID channelId, UUID userId) {
        return Optional.ofNullable(jobs.get(jobId))
                .filter(j -> j.channelId().equals(channelId) && j.userId().equals(userId));
    }

    private Job failed(Job job, String reason) {
        return new Job(
                job.id(),
                job.channelId(),
                job.userId(),
                job.startedAt(),
                Optional.of(clock.instant()),
                Optional.empty(),
                Optional.of(reason));
    }

    private void forgetOld() {
        Instant limit = clock.instant().minus(KEPT);
        jobs.values().removeIf(j -> j.endedAt().map(e -> e.isBefore(limit)).orElse(false));
    }
}
