package org.storeline.server.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storeline.channels.api.Connectors;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelRepository;

/**
 * Self-healing sync (BYD-2): every few minutes, each channel's orders modified since the last successful
 * pass (minus an overlap, for platform clocks and late writes) are pulled and imported; webhooks that were
 * lost, late or never sent are caught up. Channels whose registration failed are retried here too, and status
 * changes recorded but not yet applied (STS-1..4: a process stopped in between) are applied.
 * Duplicates cost nothing: the import recognises every order it already has. The passes are scheduled once across
 * all server processes on the database ({@code server.jobs.ClusterJobs}).
 */
public final class Reconciler {
    static final Duration OVERLAP = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final ChannelRepository channels;
    private final PlatformChannelSync sync;
    private final Connectors connectors;
    private final ActivityLog activity;
    private final Clock clock;

    public Reconciler(
            ChannelRepository channels,
            PlatformChannelSync sync,
            Connectors connectors,
            ActivityLog activity,
            Clock clock) {
        this.channels = channels;
        this.sync = sync;
        this.connectors = connectors;
        this.activity = activity;
        this.clock = clock;
    }

    public void runOnce() {
        for (Channel channel : channels.findAll()) {
            try {
                if (channel.connection().status() != Channel.ConnectionStatus.CONNECTED) {
                    sync.register(channel);
                }
                reconcile(channel);
            } catch (RuntimeException e) {
                LOG.warn("Reconciling channel {} failed: {}", channel.id(), e.getMessage());
            }
        }
    }

    /**
     * Applies the status changes a stopped process left due, then pulls [cursor − overlap, now) and moves the cursor to
     * now once every page was imported.
     */
    public void reconcile(Channel channel) {
        sync.applyDueStatuses(channel);
        Instant now = clock.instant();
        Instant from = channel.reconciledUntil().orElse(channel.createdAt()).minus(OVERLAP);
        PlatformChannelSync.Tally tally = new PlatformChannelSync.Tally();
        try {
            sync.pullRange(
                    channel,
                    connectors.of(channel.platform()),
                    Connectors.connection(channel),
                    from,
                    Optional.of(now),
                    tally);
        } catch (RuntimeException e) {
            if (!Failures.saysItself(e)) {
                LOG.warn("Reconciling channel {} from {} failed", channel.id(), from, e);
            }
            record(
                    channel,
                    ActivityEntry.Outcome.FAILED,
                    "reconciliation from " + from + " failed: " + Failures.describe(e)
                            + " (the next pass starts from the same point)",
                    false);
            return;
        }
        // Orders that could not be read are each in the activity log, to retry on their own: the pass moves on.
        channels.updateReconciledUntil(channel.id(), now);
        if (tally.imported > 0 || tally.failed > 0) {
            String unreadable =
                    tally.failed > 0 ? ", " + tally.failed + " could not be read (each is logged on its own)" : "";
            record(
                    channel,
                    tally.failed > 0 ? ActivityEntry.Outcome.FAILED : ActivityEntry.Outcome.SUCCEEDED,
                    "reconciliation from " + from + ": " + tally.fetched + " seen, " + tally.imported
                            + " imported that webhooks had missed" + unreadable,
                    false);
        }
    }

    private void record(Channel channel, ActivityEntry.Outcome outcome, String reason, boolean retryable) {
        activity.record(List.of(ActivityEntry.of(
                channel.id(),
                clock.instant(),
                ActivityEntry.Kind.RECONCILIATION,
                outcome,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                reason,
                retryable)));
    }
}
