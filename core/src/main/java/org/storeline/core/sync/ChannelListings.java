package org.storeline.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the products each channel sells as its platform knows them, found by SKU and remembered, so that a push needs
 * no look-up. "Not on the platform" is remembered too, with when it was checked.
 */
public interface ChannelListings {
    /** What is known of these products on the channel (a product never looked up is absent). */
    Map<UUID, Known> find(UUID channelId, Collection<UUID> productIds);

    /**
     * The products found on the channel whose listing's platform ids contain all of {@code platformIds}: how a stock
     * webhook, which names the platform's listing, finds our product (several when it names a product with variants).
     */
    List<Known> findByPlatformIds(UUID channelId, Map<String, String> platformIds);

    /** Remembers these look-ups (replacing what was known of the same products). */
    void remember(UUID channelId, Collection<Known> looked);

    /**
     * A channel that links a store again starts with what the store's previous channel knew of its products (SOR-5):
     * each listing as it was, found or not, with its SKU and when it was checked, so that it is used, and looked up
     * again, exactly as it would have been on the previous channel (another SKU now, or missing for a while: looked up
     * again). What {@code toChannel} already knows stays.
     */
    void carryOver(UUID fromChannel, UUID toChannel);

    /** A product looked up on one channel: its listing there, or none (not found), as of {@code checkedAt}. */
    record Known(UUID productId, String sku, Optional<Listing> listing, Instant checkedAt) {
        /**
         * Whether it can be used without a new look-up: looked up by the product's current SKU, and found, or found
         * missing less than {@code recheckMissing} ago (a product may be created on the platform later).
         */
        public boolean isCurrent(String currentSku, Instant now, Duration recheckMissing) {
            return sku.equals(currentSku)
                    && (listing.isPresent() || checkedAt.plus(recheckMissing).isAfter(now));
        }
    }
}
