package org.storeline.core.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.catalog.Product;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.Channel;
import org.storeline.core.transaction.Transactions;

/**
 * Finds the listings of products on a channel: from what {@link ChannelListings} remembers, or by SKU on the platform
 * for those it does not know (or found missing a while ago, or knew by another SKU), remembering the answer, "not
 * there" included. The look-up itself shows in the activity log.
 */
final class ListingResolver {
    /** A product missing on the platform is looked up again after this: it may have been created there since. */
    static final Duration RECHECK_MISSING = Duration.ofMinutes(30);

    private final ChannelListings listings;
    private final PlatformGateway gateway;
    private final Transactions tx;
    private final Clock clock;

    ListingResolver(ChannelListings listings, PlatformGateway gateway, Transactions tx, Clock clock) {
        this.listings = listings;
        this.gateway = gateway;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * The listing of each product the channel sells (a product it does not sell is absent); throws
     * {@link PlatformGateway.SyncCallFailed} when a look-up was needed and failed.
     */
    Map<UUID, Listing> listingsOf(Channel channel, Collection<Product> products, List<ActivityEntry> log) {
        Instant now = clock.instant();
        Map<UUID, ChannelListings.Known> known =
                listings.find(channel.id(), products.stream().map(Product::id).toList());
        Map<UUID, Listing> found = new HashMap<>();
        List<Product> toLook = new ArrayList<>();
        for (Product product : products) {
            ChannelListings.Known k = known.get(product.id());
            if (k != null && k.isCurrent(product.sku(), now, RECHECK_MISSING)) {
                k.listing().ifPresent(listing -> found.put(product.id(), listing));
            } else {
                toLook.add(product);
            }
        }
        if (!toLook.isEmpty()) {
            found.putAll(lookUp(channel, toLook, log));
        }
        return found;
    }

    private Map<UUID, Listing> lookUp(Channel channel, List<Product> products, List<ActivityEntry> log) {
        Map<String, Listing> bySku = gateway.findListings(
                channel, products.stream().map(Product::sku).toList());
        Instant now = clock.instant();
        Map<UUID, Listing> found = new HashMap<>();
        List<ChannelListings.Known> looked = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Product product : products) {
            Optional<Listing> listing = Optional.ofNullable(bySku.get(product.sku()));
            listing.ifPresentOrElse(l -> found.put(product.id(), l), () -> missing.add(product.sku()));
            looked.add(new ChannelListings.Known(product.id(), product.sku(), listing, now));
        }
        tx.run(() -> listings.remember(channel.id(), looked));
        log.add(ActivityEntry.outgoing(
                channel.id(),
                now,
                ActivityEntry.Kind.LISTING,
                ActivityEntry.Outcome.SUCCEEDED,
                Optional.empty(),
                Optional.empty(),
                "Looked up " + products.size() + " SKU(s) on the platform: " + found.size() + " found"
                        + (missing.isEmpty()
                                ? "."
                                : "; not sold there (nothing is sent for them; looked up again in "
                                        + RECHECK_MISSING.toMinutes() + " minutes): " + SyncText.list(missing) + "."),
                Optional.empty(),
                List.of()));
        return found;
    }
}
