package org.storeline.server.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.Connector;
import org.storeline.channels.api.Connectors;
import org.storeline.channels.api.DeliveryEvent;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelRepository;
import org.storeline.core.channel.DeliveryRetries;
import org.storeline.core.channel.StoredDelivery;
import org.storeline.core.channel.WebhookInbox;
import org.storeline.core.orderimport.ImportOutcome;
import org.storeline.core.orderimport.IncomingOrder;
import org.storeline.core.orderimport.OrderImportService;
import org.storeline.core.statussync.ChannelStatusSync;
import org.storeline.core.sync.PlatformGateway;
import org.storeline.core.sync.SendFailure;
import org.storeline.core.sync.StockReports;
import org.storeline.core.transaction.Transactions;

/**
 * Turns claimed deliveries into imported orders. Per channel: each delivery is read by its connector
 * (fetching the order where the platform sends only ids); the orders are imported as one batch in one
 * transaction together with marking their deliveries done, so a crash anywhere before the commit leaves
 * the deliveries to be processed again and the import key keeps that from making a second sale. The status changes
 * the batch recorded as due are applied once it has committed ({@link ChannelStatusSync}).
 * Stock deliveries (a level changed on the platform) go to {@link StockReports} once the batch's orders are imported,
 * so that the stock an order took here is counted before the platform's level is compared with ours.
 * A platform that cannot answer now puts its delivery back with a growing delay; one that says no fails it.
 */
public final class DeliveryProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryProcessor.class);

    private final Connectors connectors;
    private final ChannelRepository channels;
    private final WebhookInbox inbox;
    private final OrderImportService importer;
    private final ChannelStatusSync statusSync;
    private final StockReports stockReports;
    private final ActivityLog activity;
    private final Transactions tx;
    private final Clock clock;

    public DeliveryProcessor(
            Connectors connectors,
            ChannelRepository channels,
            WebhookInbox inbox,
            OrderImportService importer,
            ChannelStatusSync statusSync,
            StockReports stockReports,
            ActivityLog activity,
            Transactions tx,
            Clock clock) {
        this.connectors = connectors;
        this.channels = channels;
        this.inbox = inbox;
        this.importer = importer;
        this.statusSync = statusSync;
        this.stockReports = stockReports;
        this.activity = activity;
        this.tx = tx;
        this.clock = clock;
    }

    public void process(List<StoredDelivery> deliveries) {
        Map<UUID, List<StoredDelivery>> byChannel = new LinkedHashMap<>();
        deliveries.forEach(d -> byChannel
                .computeIfAbsent(d.channelId(), id -> new ArrayList<>())
                .add(d));
        byChannel.forEach((channelId, batch) -> channels.findById(channelId)
                .ifPresentOrElse(
                        channel -> processChannel(channel, batch),
                        () -> batch.forEach(
                                d -> inbox.fail(d.id(), "the channel no longer exists", Optional.empty()))));
    }

    private void processChannel(Channel channel, List<StoredDelivery> batch) {
        Connector connector = connectors.of(channel.platform());
        ChannelConnection connection = Connectors.connection(channel);
        List<IncomingOrder> orders = new ArrayList<>();
        List<WebhookInbox.Finished> ignored = new ArrayList<>();
        List<ActivityEntry> notes = new ArrayList<>();
        Map<StoredDelivery, DeliveryEvent> stock = new LinkedHashMap<>();
        for (StoredDelivery stored : batch) {
            WebhookDelivery delivery = new WebhookDelivery(stored.headers(), stored.query(), stored.body());
            Optional<String> orderId = Optional.empty();
            try {
                DeliveryEvent event = connector.read(delivery);
                orderId = event.orderId();
                if (event.kind() == DeliveryEvent.Kind.IGNORED) {
                    ignored.add(new WebhookInbox.Finished(stored.id(), true, Optional.empty()));
                    notes.add(entry(
                            channel,
                            stored,
                            ActivityEntry.Outcome.IGNORED,
                            Optional.empty(),
                            "topic " + event.topic() + " is not about orders",
                            false));
                    continue;
                }
                if (event.kind() == DeliveryEvent.Kind.STOCK) {
                    stock.put(stored, event);
                    continue;
                }
                ChannelOrder order = connector.resolve(event, delivery, connection);
                orders.add(new IncomingOrder(order, Optional.of(stored.id())));
            } catch (PlatformCallException e) {
                failed(channel, stored, orderId, e.getMessage(), e.retryable());
            } catch (RuntimeException e) {
                LOG.warn("Delivery {} of channel {} could not be read", stored.id(), channel.id(), e);
                failed(channel, stored, orderId, "the delivery could not be read: " + Failures.describe(e), false);
            }
        }
        if (!ignored.isEmpty()) {
            tx.run(() -> {
                inbox.finish(ignored, clock.instant());
                activity.record(notes);
            });
        }
        importBatch(channel, orders);
        stock.forEach((stored, event) -> stockReport(channel, stored, event));
    }

    private void stockReport(Channel channel, StoredDelivery stored, DeliveryEvent event) {
        DeliveryEvent.StockReport report = event.stock().orElseThrow();
        try {
            stockReports.handle(channel, stored.id(), event.topic(), report.listingIds(), report.level());
        } catch (PlatformGateway.SyncCallFailed e) {
            failed(
                    channel,
                    stored,
                    Optional.empty(),
                    "reading the platform's stock level failed: " + e.failure().message(),
                    e.failure().kind() != SendFailure.Kind.REFUSED);
        } catch (RuntimeException e) {
            LOG.warn("Stock delivery {} of channel {} could not be handled", stored.id(), channel.id(), e);
            failed(channel, stored, Optional.empty(), "the stock report failed: " + Failures.describe(e), true);
        }
    }

    /** The whole batch in one transaction; if it fails, each order alone, so that one bad order holds up no other. */
    private void importBatch(Channel channel, List<IncomingOrder> orders) {
        if (orders.isEmpty()) {
            return;
        }
        List<ImportOutcome> outcomes;
        try {
            outcomes = tx.inTransaction(() -> {
                List<ImportOutcome> imported = importer.importOrders(channel, orders);
                finish(imported);
                return imported;
            });
        } catch (RuntimeException batchFailure) {
            if (orders.size() == 1) {
                IncomingOrder only = orders.get(0);
                LOG.warn(
                        "Order {} of channel {} could not be imported",
                        only.order().externalId(),
                        channel.id(),
                        batchFailure);
                inbox.find(only.deliveryId().orElseThrow())
                        .ifPresent(d -> failed(
                                channel,
                                d,
                                Optional.of(only.order().externalId()),
                                "the import failed: " + Failures.describe(batchFailure),
                                true));
                return;
            }
            orders.forEach(order -> importBatch(channel, List.of(order)));
            return;
        }
        // Once committed: the status changes the batch recorded as due (Ecwid's STS-1..4).
        statusSync.apply(channel, ImportOutcome.statusDue(outcomes));
    }

    private void finish(List<ImportOutcome> outcomes) {
        inbox.finish(
                outcomes.stream()
                        .filter(o -> o.deliveryId().isPresent())
                        .map(o -> new WebhookInbox.Finished(
                                o.deliveryId().get(), false, Optional.of(o.externalOrderId())))
                        .toList(),
                clock.instant());
    }

    private void failed(
            Channel channel, StoredDelivery stored, Optional<String> orderId, String reason, boolean retryable) {
        Optional<Instant> retryAt = DeliveryRetries.nextAttempt(retryable, stored.attempts(), clock.instant());
        boolean again = retryAt.isPresent();
        tx.run(() -> {
            inbox.fail(stored.id(), reason, retryAt);
            activity.record(List.of(entry(
                    channel,
                    stored,
                    ActivityEntry.Outcome.FAILED,
                    orderId,
                    reason
                            + (again
                                    ? " (will be tried again at " + retryAt.get() + ")"
                                    : " (given up: retry it from the activity log)"),
                    true)));
        });
    }

    private ActivityEntry entry(
            Channel channel,
            StoredDelivery stored,
            ActivityEntry.Outcome outcome,
            Optional<String> orderId,
            String reason,
            boolean retryable) {
        return ActivityEntry.of(
                channel.id(),
                clock.instant(),
                ActivityEntry.Kind.FETCH,
                outcome,
                orderId,
                Optional.of(stored.id()),
                Optional.empty(),
                reason,
                retryable);
    }
}
