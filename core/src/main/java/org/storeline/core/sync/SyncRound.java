package org.storeline.core.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.Channel;

/**
 * What one claim of a channel's tasks came to: each task's outcome, and the activity log's entries for the calls made
 * (or tried). Written together, in one transaction, once every call of the claim is over.
 */
final class SyncRound {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_TIME.withZone(ZoneOffset.UTC);

    private final Channel channel;
    private final Instant leaseUntil;
    private final Clock clock;
    final List<SyncTasks.Finished> finished = new ArrayList<>();
    final List<ActivityEntry> log = new ArrayList<>();
    private boolean ranOutOfTime;

    SyncRound(Channel channel, Instant leaseUntil, Clock clock) {
        this.channel = channel;
        this.leaseUntil = leaseUntil;
        this.clock = clock;
    }

    /** When the round must be over: no answer may still be awaited then. */
    Instant deadline() {
        return leaseUntil;
    }

    /** Whether a call that may take {@code allowance} would outlast the claim's lease: then the rest is released. */
    boolean leaseTooShortFor(Duration allowance) {
        return clock.instant().plus(allowance).isAfter(leaseUntil);
    }

    /** Nothing to send for these (the platform does not sell the product, or has no word for the change). */
    void nothingToSend(List<SyncTask> tasks) {
        tasks.forEach(t -> finished.add(new SyncTasks.Finished(t, new SyncOutcome.Done())));
    }

    /** Whether some of its tasks were released for want of time. */
    boolean ranOutOfTime() {
        return ranOutOfTime;
    }

    void released(List<SyncTask> tasks) {
        ranOutOfTime |= !tasks.isEmpty();
        tasks.forEach(t -> finished.add(new SyncTasks.Finished(t, new SyncOutcome.Released())));
    }

    /** The platform took them: one entry per request the module made. */
    void sent(ActivityEntry.Kind kind, List<SyncTask> tasks, List<PlatformCall> calls, String what) {
        nothingToSend(tasks);
        logMade(kind, tasks, calls, what);
    }

    /** One succeeded entry per request made, each with its request, status and answer. */
    private void logMade(ActivityEntry.Kind kind, List<SyncTask> tasks, List<PlatformCall> calls, String what) {
        Instant now = clock.instant();
        for (PlatformCall call : calls) {
            log.add(ActivityEntry.outgoing(
                    channel.id(),
                    now,
                    kind,
                    ActivityEntry.Outcome.SUCCEEDED,
                    orderOf(tasks),
                    saleOf(tasks),
                    what,
                    Optional.of(new ActivityEntry.Call(
                            Optional.of(call.method() + " " + call.path()), call.status(), call.answer())),
                    ids(tasks)));
        }
    }

    /**
     * An operation failed: the requests it made before the failing one are logged as made (they took effect), then the
     * failure as {@link #failed(ActivityEntry.Kind, SyncKind, List, SendFailure, String)} says.
     */
    void failed(
            ActivityEntry.Kind kind,
            SyncKind syncKind,
            List<SyncTask> tasks,
            PlatformGateway.SyncCallFailed failure,
            String what) {
        logMade(kind, tasks, failure.madeBefore(), what + ": made before the call that failed");
        failed(kind, syncKind, tasks, failure.failure(), what);
    }

    /** The call failed: each task's outcome follows {@link SyncPolicy}; one entry says why, and what happens next. */
    void failed(ActivityEntry.Kind kind, SyncKind syncKind, List<SyncTask> tasks, SendFailure failure, String what) {
        ranOutOfTime |= failure.kind() == SendFailure.Kind.OUT_OF_TIME;
        Instant now = clock.instant();
        SyncOutcome first = null;
        for (SyncTask task : tasks) {
            SyncOutcome outcome = SyncPolicy.afterFailure(syncKind, task.attempts(), failure, now);
            finished.add(new SyncTasks.Finished(task, outcome));
            first = first == null ? outcome : first;
        }
        if (first == null) {
            return;
        }
        log.add(ActivityEntry.outgoing(
                channel.id(),
                now,
                kind,
                outcomeOf(first),
                orderOf(tasks),
                saleOf(tasks),
                what + " failed: " + failure.message() + next(first),
                Optional.of(new ActivityEntry.Call(failure.request(), failure.status(), failure.message())),
                ids(tasks)));
    }

    /** Storeline cannot send these at all (the platform's module has no outbound side yet): refused, with why. */
    void refused(List<SyncTask> tasks, String reason) {
        tasks.forEach(t -> finished.add(new SyncTasks.Finished(t, new SyncOutcome.Refused(reason))));
        log.add(ActivityEntry.outgoing(
                channel.id(),
                clock.instant(),
                kindOf(tasks.getFirst().kind()),
                ActivityEntry.Outcome.REFUSED,
                orderOf(tasks),
                saleOf(tasks),
                reason,
                Optional.empty(),
                ids(tasks)));
    }

    static ActivityEntry.Kind kindOf(SyncKind kind) {
        return switch (kind) {
            case STOCK -> ActivityEntry.Kind.STOCK;
            case PRICE -> ActivityEntry.Kind.PRICE;
            case STATUS -> ActivityEntry.Kind.STATUS;
        };
    }

    private static ActivityEntry.Outcome outcomeOf(SyncOutcome outcome) {
        return switch (outcome) {
            case SyncOutcome.Refused r -> ActivityEntry.Outcome.REFUSED;
            case SyncOutcome.Unknown u -> ActivityEntry.Outcome.UNKNOWN;
            case SyncOutcome.Later l -> ActivityEntry.Outcome.RETRYING;
            case SyncOutcome.Done d -> ActivityEntry.Outcome.SUCCEEDED;
            case SyncOutcome.Released r -> ActivityEntry.Outcome.RETRYING;
        };
    }

    private static String next(SyncOutcome outcome) {
        return switch (outcome) {
            case SyncOutcome.Refused r -> " (final: fix the cause, then retry this entry)";
            case SyncOutcome.Unknown u -> "; checked with the platform at " + TIME.format(u.at()) + " UTC";
            case SyncOutcome.Later l -> "; sent again at " + TIME.format(l.at()) + " UTC";
            case SyncOutcome.Done d -> "";
            case SyncOutcome.Released r -> "";
        };
    }

    /** A status task is about one order: its entry names it; a batch of products names none. */
    private static Optional<String> orderOf(List<SyncTask> tasks) {
        return tasks.size() == 1
                ? tasks.getFirst().statusChange().map(StatusChange::externalOrderId)
                : Optional.empty();
    }

    private static Optional<UUID> saleOf(List<SyncTask> tasks) {
        return tasks.size() == 1 ? tasks.getFirst().saleId() : Optional.empty();
    }

    private static List<UUID> ids(List<SyncTask> tasks) {
        return tasks.stream().map(SyncTask::id).toList();
    }
}
