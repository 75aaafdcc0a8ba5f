package org.storeline.core.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.storeline.core.catalog.Product;
import org.storeline.core.catalog.ProductRepository;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelRepository;
import org.storeline.core.settings.SettingsRepository;
import org.storeline.core.stock.StockLedger;
import org.storeline.core.transaction.Transactions;

/**
 * Sends one channel's due sync tasks: claims them (its own transaction), sends them with no transaction open (stock
 * levels in one batch call, prices in another, each status change by itself, in its sale's order), then records every
 * outcome and the activity log's entries (one transaction). Levels and prices are read just before they are sent, so
 * the latest value goes, however many changes the task stood for. A worker whose lease would run out before a call
 * could answer releases what is left rather than let another worker send it twice.
 */
public final class SyncSender {
    /** Tasks claimed at once for one channel: a batch call's worth (WooCommerce's batches take 100). */
    public static final int CLAIM_LIMIT = 100;

    private final SyncTasks tasks;
    private final ChannelRepository channels;
    private final ProductRepository products;
    private final StockLedger ledger;
    private final SettingsRepository settings;
    private final ActivityLog activity;
    private final PlatformGateway gateway;
    private final ListingResolver resolver;
    private final Transactions tx;
    private final Clock clock;
    private final Duration lease;
    private final Duration callAllowance;
    /**
     * How many tasks a channel's next claim takes, where fewer than {@link #CLAIM_LIMIT}: halved after a round that ran
     * out of time, doubled back after one that did not. A platform operation that runs out of time part-way fails as a
     * whole (which of its tasks its requests carried is the module's to know), so its tasks are all released, and the
     * same claim again would send the same first ones again and never reach the last: a smaller claim fits its round.
     */
    private final Map<UUID, Integer> claimLimits = new ConcurrentHashMap<>();

    /**
     * @param lease how long a claim holds its tasks
     * @param callAllowance the longest one call to a platform may take (its timeout): no call starts unless the lease
     *     outlasts it
     */
    public SyncSender(
            SyncTasks tasks,
            ChannelRepository channels,
            ChannelListings listings,
            ProductRepository products,
            StockLedger ledger,
            SettingsRepository settings,
            ActivityLog activity,
            PlatformGateway gateway,
            Transactions tx,
            Clock clock,
            Duration lease,
            Duration callAllowance) {
        this.tasks = tasks;
        this.channels = channels;
        this.products = products;
        this.ledger = ledger;
        this.settings = settings;
        this.activity = activity;
        this.gateway = gateway;
        this.resolver = new ListingResolver(listings, gateway, tx, clock);
        this.tx = tx;
        this.clock = clock;
        this.lease = lease;
        this.callAllowance = callAllowance;
    }

    /** Claims the channel's due tasks (at most {@link #CLAIM_LIMIT}) as {@code owner}, sends them; answers how many. */
    public int sendDue(UUID channelId, String owner) {
        return sendDue(channelId, owner, Instant.MAX);
    }

    /**
     * As {@link #sendDue(UUID, String)}, for a sender holding the channel until {@code heldUntil}
     * ({@link ChannelSenders}).
     *
     * <p>A round ends by its deadline, the claim's lease or the channel's hold if that ends first: no request starts
     * unless its answer is due by then ({@link PlatformGateway#within}), and the tasks left are released, due again at
     * once, not failed. A deadline rather than renewing the leases while a round runs: a renewal would have to come
     * from a thread beside the one sending, which renews just as well for a round stuck in a loop, and a process
     * that cannot reach the database any more would go on sending past a lease it cannot renew. Bounded, a round
     * ends on its own; the sender holding the channel claims what is left in its next round at once.
     */
    public int sendDue(UUID channelId, String owner, Instant heldUntil) {
        Instant claimedAt = clock.instant();
        int limit = claimLimits.getOrDefault(channelId, CLAIM_LIMIT);
        List<SyncTask> claimed = tx.inTransaction(() -> tasks.claim(channelId, owner, claimedAt, lease, limit));
        if (claimed.isEmpty()) {
            return 0;
        }
        Optional<Channel> channel = channels.findById(channelId);
        if (channel.isEmpty()) {
            return claimed.size(); // deleted meanwhile: its tasks went with it
        }
        Instant leaseEnd = claimedAt.plus(lease);
        SyncRound round = new SyncRound(channel.get(), leaseEnd.isBefore(heldUntil) ? leaseEnd : heldUntil, clock);
        if (!gateway.sends(channel.get())) {
            round.refused(
                    claimed,
                    "Storeline does not send stock, prices or order status to "
                            + channel.get().platform().wireName() + " yet; nothing was sent.");
        } else {
            gateway.within(round.deadline(), () -> {
                sendProducts(channel.get(), ofKind(claimed, SyncKind.STOCK), SyncKind.STOCK, round);
                sendProducts(channel.get(), ofKind(claimed, SyncKind.PRICE), SyncKind.PRICE, round);
                sendStatuses(channel.get(), ofKind(claimed, SyncKind.STATUS), round);
                return null;
            });
        }
        tx.run(() -> {
            tasks.finish(owner, round.finished, clock.instant());
            activity.record(round.log);
        });
        int next = round.ranOutOfTime() ? Math.max(1, claimed.size() / 2) : Math.min(CLAIM_LIMIT, limit * 2);
        if (next == CLAIM_LIMIT) {
            claimLimits.remove(channelId);
        } else {
            claimLimits.put(channelId, next);
        }
        return claimed.size();
    }

    private static List<SyncTask> ofKind(List<SyncTask> claimed, SyncKind kind) {
        return claimed.stream().filter(t -> t.kind() == kind).toList();
    }

    private void sendProducts(Channel channel, List<SyncTask> group, SyncKind kind, SyncRound round) {
        if (group.isEmpty()) {
            return;
        }
        ActivityEntry.Kind logKind = SyncRound.kindOf(kind);
        if (round.leaseTooShortFor(callAllowance.multipliedBy(2))) {
            round.released(group);
            return;
        }
        // A task whose earlier claim's lease ran out may sit beside a newer one of the same product: both go as one.
        Map<UUID, List<SyncTask>> byProduct = group.stream()
                .collect(Collectors.groupingBy(
                        t -> t.productId().orElseThrow(), LinkedHashMap::new, Collectors.toList()));
        Map<UUID, Product> catalog = products.findByIds(byProduct.keySet()).stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
        Map<UUID, Listing> listed;
        try {
            listed = resolver.listingsOf(channel, catalog.values(), round.log);
        } catch (PlatformGateway.SyncCallFailed e) {
            round.failed(ActivityEntry.Kind.LISTING, kind, group, e, "Looking up products by SKU");
            return;
        }
        List<SyncTask> unlisted = new ArrayList<>();
        List<UUID> toSend = new ArrayList<>();
        byProduct.forEach((productId, tasksOfProduct) -> {
            if (listed.containsKey(productId) && catalog.containsKey(productId)) {
                toSend.add(productId);
            } else {
                unlisted.addAll(tasksOfProduct);
            }
        });
        round.nothingToSend(unlisted);
        if (toSend.isEmpty()) {
            return;
        }
        List<SyncTask> sending =
                toSend.stream().flatMap(id -> byProduct.get(id).stream()).toList();
        String what;
        try {
            if (kind == SyncKind.STOCK) {
                List<StockLevel> levels = levels(channel, toSend, listed);
                what = "Stock " + describe(levels, catalog, toSend);
                round.sent(logKind, sending, gateway.setStockLevels(channel, levels), what);
            } else {
                List<PriceChange> prices = prices(toSend, listed, catalog);
                what = "Prices " + describePrices(prices);
                round.sent(logKind, sending, gateway.setPrices(channel, prices), what);
            }
        } catch (PlatformGateway.SyncCallFailed e) {
            round.failed(
                    logKind,
                    kind,
                    sending,
                    e,
                    (kind == SyncKind.STOCK ? "Stock" : "Prices") + " of " + toSend.size() + " product(s)");
        }
    }

    /** Each product's level on the channel: its on-hand summed over the channel's outlets, never below zero. */
    private List<StockLevel> levels(Channel channel, List<UUID> productIds, Map<UUID, Listing> listed) {
        Map<UUID, Long> sums = new LinkedHashMap<>();
        productIds.forEach(id -> sums.put(id, 0L));
        ledger.levelsAt(productIds, channel.outletIds())
                .forEach(level -> sums.merge(level.productId(), level.quantity(), Long::sum));
        return productIds.stream()
                .map(id -> new StockLevel(listed.get(id), Math.max(0, sums.get(id))))
                .toList();
    }

    /** Each product's price as sold: with tax, whether the catalog's prices include it or not. */
    private List<PriceChange> prices(List<UUID> productIds, Map<UUID, Listing> listed, Map<UUID, Product> catalog) {
        boolean pricesIncludeTax = settings.get().pricesIncludeTax();
        return productIds.stream()
                .map(id -> new PriceChange(listed.get(id), PriceChange.asSold(catalog.get(id), pricesIncludeTax)))
                .toList();
    }

    private static String describe(List<StockLevel> levels, Map<UUID, Product> catalog, List<UUID> ids) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            items.add(catalog.get(ids.get(i)).sku() + ": " + levels.get(i).level());
        }
        return "sent for " + levels.size() + " product(s): " + SyncText.list(items) + ".";
    }

    private static String describePrices(List<PriceChange> prices) {
        return "sent for " + prices.size() + " product(s): "
                + SyncText.list(prices.stream()
                        .map(p -> p.listing().sku() + ": " + p.price().toDecimalString() + " "
                                + p.price().currency().getCurrencyCode())
                        .toList())
                + ".";
    }

    private void sendStatuses(Channel channel, List<SyncTask> statuses, SyncRound round) {
        for (int i = 0; i < statuses.size(); i++) {
            SyncTask task = statuses.get(i);
            if (round.leaseTooShortFor(callAllowance.multipliedBy(2))) {
                round.released(statuses.subList(i, statuses.size()));
                return;
            }
            StatusChange change = task.statusChange().orElseThrow();
            // "Status 'paid' of order 1042 sent.": the status is named as such, not read as the order's own state.
            String what = "Status '" + change.kind().name().toLowerCase(Locale.ROOT) + "' of order "
                    + change.externalOrderId();
            try {
                List<PlatformCall> calls = gateway.sendStatus(channel, change);
                round.sent(ActivityEntry.Kind.STATUS, List.of(task), calls, what + " sent.");
            } catch (PlatformGateway.SyncCallFailed e) {
                round.failed(ActivityEntry.Kind.STATUS, SyncKind.STATUS, List.of(task), e, what);
            }
        }
    }
}
