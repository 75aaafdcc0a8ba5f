package org.storeline.core.channel;

import java.util.List;

/**
 * Port: the work that needs the platform (implemented where the connectors are wired). Manual imports
 * (ORD-7) and retries reuse the very same import as webhooks, so they never duplicate.
 */
public interface ChannelSync {
    /** Imports the orders the request names, or those modified in its range, through the platform's API. */
    ImportSummary importOrders(Channel channel, ImportRequest request);

    /** Runs a failed activity entry again: its delivery, or its order fetch. */
    String retry(Channel channel, ActivityEntry entry);

    /** Registers the channel's webhooks and checks its credentials in the background. */
    void registerSoon(Channel channel);

    /**
     * @param statusSynced newer versions of imported orders whose status changes are taken in (Ecwid, STS-1..4):
     *                     applied, or why not logged, right after the import
     */
    record ImportSummary(
            int fetched,
            int imported,
            int skipped,
            int notApplied,
            int statusSynced,
            int duplicates,
            int failed,
            List<String> problems) {
        public ImportSummary {
            problems = List.copyOf(problems);
        }
    }
}
