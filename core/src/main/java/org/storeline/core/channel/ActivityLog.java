package org.storeline.core.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;

/** Port: the per-channel activity log. Entries are appended; only the retried mark changes. */
public interface ActivityLog {
    void record(List<ActivityEntry> entries);

    default Page<ActivityEntry> list(UUID channelId, PageRequest page) {
        return list(channelId, ActivityFilter.all(), page);
    }

    /** The channel's entries of the filter's kind and outcome, newest first. */
    Page<ActivityEntry> list(UUID channelId, ActivityFilter filter, PageRequest page);

    Optional<ActivityEntry> find(UUID channelId, UUID entryId);

    void markRetried(UUID entryId, Instant at);

    /** Failures recorded since {@code since}. */
    long failuresSince(UUID channelId, Instant since);
}
