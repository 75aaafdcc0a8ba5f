package org.storeline.core.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Port: what {@link StockReports} needs to know beside the listings: the levels it set back on a channel (so that a
 * platform where something keeps changing a level back is not fought without end) and which products already have a
 * push of their level on its way to the channel.
 */
public interface SetBacks {
    /** How many times this product's level was set back on this channel since {@code since}. */
    int countSince(UUID channelId, UUID productId, Instant since);

    /** Remembers that the product's level was set back on the channel (written in the caller's transaction). */
    void record(UUID channelId, UUID productId, Instant at);

    /**
     * Those of these products with a stock task waiting (not yet sent) for the channel: it sends our level, read when
     * it is sent, so ours is on its way.
     */
    Set<UUID> pushesOnTheirWay(UUID channelId, Collection<UUID> productIds);
}
