package org.storeline.core.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.WebhookInbox;
import org.storeline.core.stock.StockLedger;
import org.storeline.core.transaction.Transactions;

/**
 * A stock level a platform reports through a webhook (SOR-3: Storeline is the record of stock, and a channel may not
 * change it by hand). The webhook names the platform's listing; the product is found by it on the channel, and the
 * level the platform shows is compared with ours (the on-hand summed over the channel's linked outlets, never below
 * zero, exactly what a push sends):
 * <ul>
 *   <li>the same: our own push echoing back (or a change that agrees): nothing is scheduled, so an echo never
 *       bounces;</li>
 *   <li>another level: changed on the platform by hand; ours is pushed again through the sync outbox
 *       ({@link SyncOutbox#stockChangedOn}, merged into a push already waiting) and the activity log says both levels;
 *       when a push of ours is already on its way, it sets the level back by itself and nothing more is scheduled;</li>
 *   <li>the webhook does not say the level (Ecwid's and BigCommerce's are thin) or names several listings (a product
 *       with variants): the level is read from the platform ({@link PlatformGateway#readStockLevels}) and compared the
 *       same way; a blind push would fire the webhook again and bounce for ever;</li>
 *   <li>a listing no product of ours has on this channel: the delivery is kept and marked ignored, with the
 *       reason.</li>
 * </ul>
 * A push is only ever scheduled when the platform shows a level other than ours, and a push makes it show ours: so each
 * push needs a change made on the platform since the last one, and our own pushes never feed themselves. Should
 * something on the platform keep changing a level (another stock app), a product is set back at most
 * {@link #MAX_SET_BACKS} times in {@link #SET_BACK_WINDOW} on a channel; past that the difference is logged as a
 * failure, not fought.
 */
public final class StockReports {
    static final int MAX_SET_BACKS = 10;
    static final Duration SET_BACK_WINDOW = Duration.ofHours(1);

    private final ChannelListings listings;
    private final StockLedger ledger;
    private final SyncOutbox outbox;
    private final SetBacks setBacks;
    private final PlatformGateway gateway;
    private final WebhookInbox inbox;
    private final ActivityLog activity;
    private final Transactions tx;
    private final Clock clock;

    public StockReports(
            ChannelListings listings,
            StockLedger ledger,
            SyncOutbox outbox,
            SetBacks setBacks,
            PlatformGateway gateway,
            WebhookInbox inbox,
            ActivityLog activity,
            Transactions tx,
            Clock clock) {
        this.listings = listings;
        this.ledger = ledger;
        this.outbox = outbox;
        this.setBacks = setBacks;
        this.gateway = gateway;
        this.inbox = inbox;
        this.activity = activity;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a platform's level comes to, beside ours. */
    enum Verdict {
        /** The platform shows our level: our own push echoing back, or a change that agrees. Nothing to do. */
        AGREES,
        /** Changed on the platform: ours is pushed again. */
        SET_BACK,
        /** Changed on the platform, and a push of ours is already waiting to be sent: it sets the level back. */
        ON_ITS_WAY,
        /** The platform keeps no count of this listing's stock (not tracked, unlimited): nothing to compare. */
        NOT_COUNTED,
        /** Set back too often lately: something on the platform keeps changing it. Logged, not fought. */
        GIVEN_UP
    }

    /** The decision for one product, pure: the platform's level (empty: it keeps none) against ours. */
    static Verdict judge(Optional<Long> platform, long ours, boolean pushOnItsWay, int recentSetBacks) {
        if (platform.isEmpty()) {
            return Verdict.NOT_COUNTED;
        }
        if (platform.get() == ours) {
            return Verdict.AGREES;
        }
        if (pushOnItsWay) {
            return Verdict.ON_ITS_WAY;
        }
        return recentSetBacks >= MAX_SET_BACKS ? Verdict.GIVEN_UP : Verdict.SET_BACK;
    }

    /**
     * Whether the level must be read from the platform: the webhook did not say it, or it names several listings (a
     * product with variants) and its level cannot be told apart between them.
     */
    static boolean mustRead(int listingsFound, OptionalLong reported) {
        return reported.isEmpty() || listingsFound != 1;
    }

    /**
     * Handles one stock delivery of the channel: finishes it (done, or ignored for a listing we do not know), with its
     * activity entries, in one transaction. Throws {@link PlatformGateway.SyncCallFailed} when the level had to be read
     * from the platform and could not be: the delivery is left to its caller to try again.
     */
    public void handle(
            Channel channel, UUID deliveryId, String topic, Map<String, String> listingIds, OptionalLong reported) {
        List<ChannelListings.Known> found = listings.findByPlatformIds(channel.id(), listingIds).stream()
                .filter(k -> k.listing().isPresent())
                .toList();
        if (found.isEmpty()) {
            ignoreUnknown(channel, deliveryId, topic, listingIds);
            return;
        }
        Map<UUID, Optional<Long>> platform = new LinkedHashMap<>();
        if (mustRead(found.size(), reported)) {
            Map<Listing, Long> read = gateway.readStockLevels(
                    channel, found.stream().map(k -> k.listing().get()).toList());
            found.forEach(k -> platform.put(
                    k.productId(), Optional.ofNullable(read.get(k.listing().get()))));
        } else {
            platform.put(found.getFirst().productId(), Optional.of(reported.getAsLong()));
        }
        Map<UUID, String> skus = new LinkedHashMap<>();
        found.forEach(k -> skus.put(k.productId(), k.sku()));
        tx.run(() -> compare(channel, deliveryId, topic, platform, skus));
    }

    private void compare(
            Channel channel,
            UUID deliveryId,
            String topic,
            Map<UUID, Optional<Long>> platform,
            Map<UUID, String> skus) {
        Instant now = clock.instant();
        Map<UUID, Long> ours = ours(channel, platform.keySet());
        Set<UUID> onTheirWay = setBacks.pushesOnTheirWay(channel.id(), platform.keySet());
        List<UUID> toSetBack = new ArrayList<>();
        List<ActivityEntry> log = new ArrayList<>();
        platform.forEach((productId, level) -> {
            long our = ours.get(productId);
            int recent = level.isPresent() && level.get() != our
                    ? setBacks.countSince(channel.id(), productId, now.minus(SET_BACK_WINDOW))
                    : 0;
            Verdict verdict = judge(level, our, onTheirWay.contains(productId), recent);
            if (verdict == Verdict.SET_BACK) {
                toSetBack.add(productId);
                setBacks.record(channel.id(), productId, now);
            }
            log.add(entry(
                    channel, deliveryId, now, verdict, describe(verdict, topic, skus.get(productId), level, our)));
        });
        if (!toSetBack.isEmpty()) {
            outbox.stockChangedOn(channel.id(), toSetBack);
        }
        inbox.finish(List.of(new WebhookInbox.Finished(deliveryId, false, Optional.empty())), now);
        activity.record(log);
    }

    /** Each product's level on the channel as a push sends it: summed over the channel's outlets, never below zero. */
    private Map<UUID, Long> ours(Channel channel, Set<UUID> productIds) {
        Map<UUID, Long> sums = new LinkedHashMap<>();
        productIds.forEach(id -> sums.put(id, 0L));
        ledger.levelsAt(productIds, channel.outletIds())
                .forEach(level -> sums.merge(level.productId(), level.quantity(), Long::sum));
        sums.replaceAll((id, sum) -> Math.max(0, sum));
        return sums;
    }

    private void ignoreUnknown(Channel channel, UUID deliveryId, String topic, Map<String, String> listingIds) {
        Instant now = clock.instant();
        tx.run(() -> {
            inbox.finish(List.of(new WebhookInbox.Finished(deliveryId, true, Optional.empty())), now);
            activity.record(List.of(ActivityEntry.of(
                    channel.id(),
                    now,
                    ActivityEntry.Kind.FETCH,
                    ActivityEntry.Outcome.IGNORED,
                    Optional.empty(),
                    Optional.of(deliveryId),
                    Optional.empty(),
                    "topic " + topic + ": no product Storeline sells on this channel is the platform's "
                            + new TreeMap<>(listingIds)
                            + " (only products whose stock Storeline has sent there are known by the platform's ids)",
                    false)));
        });
    }

    static String describe(Verdict verdict, String topic, String sku, Optional<Long> platform, long ours) {
        String shows = "Stock webhook " + topic + ": " + sku + " shows "
                + platform.map(String::valueOf).orElse("?") + " on the platform, " + ours + " here";
        return switch (verdict) {
            case AGREES -> shows + ": our own level (our push echoing back, or a change that agrees); nothing sent.";
            case SET_BACK ->
                "Stock webhook " + topic + ": " + sku + " was changed on the platform to " + platform.orElseThrow()
                        + "; Storeline keeps the stock, so it is set back to ours, " + ours + ".";
            case ON_ITS_WAY -> shows + ": a push of ours is already on its way and sets it back to " + ours + ".";
            case NOT_COUNTED ->
                "Stock webhook " + topic + ": the platform keeps no count of " + sku
                        + "'s stock (not tracked, or unlimited); nothing to compare.";
            case GIVEN_UP ->
                shows + ": set back " + MAX_SET_BACKS + " times in the last "
                        + SET_BACK_WINDOW.toMinutes() + " minutes already, something on the platform keeps changing it;"
                        + " not set back again (a change of stock here sends ours).";
        };
    }

    private static ActivityEntry entry(Channel channel, UUID deliveryId, Instant at, Verdict verdict, String reason) {
        ActivityEntry.Outcome outcome = switch (verdict) {
            case SET_BACK -> ActivityEntry.Outcome.NOT_APPLIED;
            case GIVEN_UP -> ActivityEntry.Outcome.FAILED;
            case AGREES, ON_ITS_WAY, NOT_COUNTED -> ActivityEntry.Outcome.SKIPPED;
        };
        return ActivityEntry.of(
                channel.id(),
                at,
                ActivityEntry.Kind.STOCK,
                outcome,
                Optional.empty(),
                Optional.of(deliveryId),
                Optional.empty(),
                reason,
                false);
    }
}
