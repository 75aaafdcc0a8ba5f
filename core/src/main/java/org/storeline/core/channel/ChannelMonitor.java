package org.storeline.core.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.user.Actor;

/**
 * Sync you can see (BYD-4): a channel's activity log, its retry button and its health, for admins. The API's routes
 * and the web app's pages both go through here, so both refuse the same retries with the same words.
 */
public final class ChannelMonitor {
    private final ChannelService channels;
    private final ChannelSync sync;
    private final ActivityLog activity;
    private final WebhookInbox inbox;
    private final Clock clock;

    public ChannelMonitor(
            ChannelService channels, ChannelSync sync, ActivityLog activity, WebhookInbox inbox, Clock clock) {
        this.channels = channels;
        this.sync = sync;
        this.activity = activity;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** The channel's activity, newest first, of the filter's kind and outcome. Unlinked channels' too. */
    public Page<ActivityEntry> activity(Actor actor, UUID channelId, ActivityFilter filter, PageRequest page) {
        Channel channel = channels.get(actor, channelId);
        return activity.list(channel.id(), filter, page);
    }

    /**
     * Runs a failed entry again (its delivery, its order, its registration, or the changes a refused call carried)
     * and answers what was done. Only a linked channel's entries that {@link ActivityEntry#canBeRetried may be}, once.
     */
    public String retry(Actor actor, UUID channelId, UUID entryId) {
        Channel channel = channels.getLinked(actor, channelId);
        ActivityEntry entry = activity.find(channel.id(), entryId)
                .orElseThrow(
                        () -> StorelineException.notFound(ErrorCode.ACTIVITY_NOT_FOUND, "Activity entry", entryId));
        if (entry.retriedAt().isPresent()) {
            throw new StorelineException(
                    ErrorCode.NOT_RETRYABLE,
                    "This entry was already retried at " + entry.retriedAt().get()
                            + "; its outcome is a newer entry in the activity log.");
        }
        if (!entry.canBeRetried()) {
            throw new StorelineException(
                    ErrorCode.NOT_RETRYABLE,
                    "Only failed entries that may succeed later, and calls the platform refused, can be retried; "
                            + "this one is " + entry.outcome().wireName() + (entry.retryable() ? "" : " and final")
                            + ".");
        }
        return sync.retry(channel, entry);
    }

    /** How far behind the channel is, now. */
    public ChannelHealth health(Actor actor, UUID channelId) {
        return health(channels.get(actor, channelId));
    }

    /** The health of a channel the caller already read (the list of channels shows each one's). */
    public ChannelHealth health(Channel channel) {
        Instant now = clock.instant();
        return new ChannelHealth(
                channel,
                now,
                inbox.oldestPending(channel.id()),
                activity.failuresSince(channel.id(), now.minus(Duration.ofHours(1))),
                sync.outboundHealth(channel));
    }
}
