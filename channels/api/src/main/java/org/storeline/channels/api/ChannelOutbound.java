package org.storeline.channels.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.storeline.core.sync.Listing;
import org.storeline.core.sync.PlatformCall;
import org.storeline.core.sync.PriceChange;
import org.storeline.core.sync.RateBudget;
import org.storeline.core.sync.StatusChange;
import org.storeline.core.sync.StockLevel;

/**
 * What Storeline sends to one platform (SOR-1, SOR-3, the STS table): stock levels, prices and order status. Each
 * platform module implements it beside its {@link Connector}; Storeline's sync worker calls it from its outbox.
 *
 * <p>Contract:
 * <ul>
 *   <li>each method makes its calls through a {@link PlatformHttp} that does not retry by itself
 *       ({@link PlatformHttp#singleAttempt}): the outbox retries, with backoff, {@code Retry-After} and the
 *       {@link #budget()};</li>
 *   <li>it answers every request it made, for the channel's activity log, and throws {@link PlatformCallException}
 *       when one fails: refused (final), unavailable (may work later; {@code retryAfter} when the platform said),
 *       unreachable (may work later; {@link PlatformCallException#outcomeUnknown()} when the request may have
 *       arrived);</li>
 *   <li>sending the same thing twice leaves the platform as sending it once: stock levels are absolute, and a status
 *       change the platform already shows is not sent again (the module reads before it writes where it must);</li>
 *   <li>it uses the platform's batch endpoints where they exist.</li>
 * </ul>
 */
public interface ChannelOutbound {
    /** The requests per time the platform takes from one store. */
    RateBudget budget();

    /** Looks products up on the platform by SKU; answers the listing of each SKU found (a SKU not sold there is left
     * out). */
    Map<String, Listing> findListings(Collection<String> skus, ChannelConnection connection);

    /** Sets each listing's stock to the absolute level given. */
    List<PlatformCall> setStockLevels(List<StockLevel> levels, ChannelConnection connection);

    /**
     * The stock level each listing shows on the platform now, read (never written): where a stock webhook does not
     * say it (Ecwid's and BigCommerce's are thin), Storeline reads it to tell its own push echoing back from a change
     * made by hand. A listing the platform keeps no count for (stock not tracked, unlimited) or no longer has is left
     * out. This default reads nothing: the platform's stock webhooks carry the level.
     */
    default Map<Listing, Long> readStockLevels(List<Listing> listings, ChannelConnection connection) {
        return Map.of();
    }

    /** Sets each listing's price. */
    List<PlatformCall> setPrices(List<PriceChange> prices, ChannelConnection connection);

    /** Tells the platform what happened to one of its orders; a kind the platform has no word for sends nothing. */
    List<PlatformCall> sendStatus(StatusChange change, ChannelConnection connection);
}
