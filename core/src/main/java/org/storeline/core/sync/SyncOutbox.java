package org.storeline.core.sync;

import java.util.Collection;
import java.util.UUID;

/**
 * Port: schedules what must reach the online channels (SOR-1, SOR-3), written in the caller's transaction so that a
 * change and its push are committed together or not at all. A worker sends them later, coalescing a burst into the
 * latest value (levels and prices are read when sent, not when scheduled).
 */
public interface SyncOutbox {
    /**
     * The on-hand of these products changed at these outlets: each product's absolute level goes to every channel
     * that links one of the outlets.
     */
    void stockChanged(Collection<UUID> productIds, Collection<UUID> outletIds);

    /**
     * These products' levels go to one channel (and no other): its platform shows another level than ours, changed
     * there by hand, and is set back (SOR-3). Merges, like {@link #stockChanged}, into a task already waiting.
     */
    void stockChangedOn(UUID channelId, Collection<UUID> productIds);

    /** A product's price (tax included, as sold) changed: it goes to every channel. */
    void priceChanged(UUID productId);

    /**
     * A channel's linked outlets changed (SOR-3): its level of a product is the sum over them, so the product's level
     * goes to that channel again for every product with stock at one of {@code outletIds} (the outlets before the
     * change and after it) or listed on the channel.
     */
    void outletsChanged(UUID channelId, Collection<UUID> outletIds);

    /**
     * A channel was linked (a store linked again too): the store shows levels of its own, so every product with a
     * stock level at one of the channel's outlets, zero included, or a listing found on the channel (carried over from
     * the store's previous channel before this call), has its level go to the channel (SOR-3).
     */
    void channelLinked(UUID channelId);

    /**
     * A store was linked again as {@code channelId} (SOR-5): the status changes still to be told to the store's
     * unlinked channels (they are sent nothing) go to this channel, the store's current one.
     */
    void storeLinkedAgain(UUID storeId, UUID channelId);
}
