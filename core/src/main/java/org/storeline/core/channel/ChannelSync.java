package org.storeline.core.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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
     * Removes an unlinked channel's webhooks from its platform in the background, where its API allows; the outcome
     * (removed, not supported, failed) goes to the channel's activity. The unlink never waits for it.
     */
    void unregisterSoon(Channel channel);

    /** How far behind the channel's outgoing side (stock, prices, status) is. */
    OutboundHealth outboundHealth(Channel channel);

    /**
     * @param depth changes still to deliver
     * @param oldestChangeAt when the oldest of them was made
     * @param rateBudgetLeft requests this server process could send the channel now in its platform's tightest window
     *     (empty before it sent any)
     */
    record OutboundHealth(long depth, Optional<Instant> oldestChangeAt, OptionalLong rateBudgetLeft) {}

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
