package org.storeline.core.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the work that needs the platform (implemented where the connectors are wired). Manual imports
 * (ORD-7) and retries reuse the very same import as webhooks, so they never duplicate.
 */
public interface ChannelSync {
    /** Imports orders modified in [since, until), or the given order ids, through the platform's API. */
    ImportSummary importOrders(Channel channel, Optional<Instant> since, Optional<Instant> until, List<String> orderIds);

    /** Runs a failed activity entry again: its delivery, or its order fetch. */
    String retry(Channel channel, ActivityEntry entry);

    /** Registers the channel's webhooks and checks its credentials in the background. */
    void registerSoon(Channel channel);

    record ImportSummary(int fetched, int imported, int skipped, int notApplied, int duplicates, int failed, List<String> problems) {
        public ImportSummary {
            problems = List.copyOf(problems);
        }
    }
}
