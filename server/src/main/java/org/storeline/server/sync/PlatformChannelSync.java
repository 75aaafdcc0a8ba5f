package org.storeline.server.sync;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.Connector;
import org.storeline.channels.api.Connectors;
import org.storeline.channels.api.OrderPage;
import org.storeline.channels.api.OrderQuery;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.Registration;
import org.storeline.channels.api.Unregistration;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.channel.ActivityRetry;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelRepository;
import org.storeline.core.channel.ChannelSync;
import org.storeline.core.channel.ImportRequest;
import org.storeline.core.channel.WebhookInbox;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.orderimport.ImportOutcome;
import org.storeline.core.orderimport.IncomingOrder;
import org.storeline.core.orderimport.OrderImportService;
import org.storeline.core.statussync.ChannelStatusSync;
import org.storeline.core.sync.SyncTasks;

/**
 * Pulls orders through each platform's list API (manual imports, reconciliation), re-runs failed activity
 * entries, and registers webhooks. Everything pulled goes through the same {@link OrderImportService} as
 * webhooks, so nothing is imported twice.
 */
public final class PlatformChannelSync implements ChannelSync, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformChannelSync.class);
    private static final int MAX_PAGES = 1000;

    /**
     * How long a request made outside the sync sender (registering webhooks, listing and fetching orders) may wait for
     * the channel's budget; longer, it is not sent and the operation fails as the platform being unavailable.
     */
    private static final Duration PACED_WAIT = Duration.ofMinutes(1);

    private final Connectors connectors;
    private final ChannelRepository channels;
    private final OrderImportService importer;
    private final ChannelStatusSync statusSync;
    private final ActivityLog activity;
    private final WebhookInbox inbox;
    private final Runnable wakeWorker;
    private final Supplier<URI> publicBaseUrl;
    private final SyncTasks syncTasks;
    private final RateLimits rateLimits;
    private final Clock clock;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    public PlatformChannelSync(
            Connectors connectors,
            ChannelRepository channels,
            OrderImportService importer,
            ChannelStatusSync statusSync,
            ActivityLog activity,
            WebhookInbox inbox,
            Runnable wakeWorker,
            Supplier<URI> publicBaseUrl,
            SyncTasks syncTasks,
            RateLimits rateLimits,
            Clock clock) {
        this.connectors = connectors;
        this.channels = channels;
        this.importer = importer;
        this.statusSync = statusSync;
        this.activity = activity;
        this.inbox = inbox;
        this.wakeWorker = wakeWorker;
        this.publicBaseUrl = publicBaseUrl;
        this.syncTasks = syncTasks;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    @Override
    public ImportSummary importOrders(Channel channel, ImportRequest request) {
        Connector connector = connectors.of(channel.platform());
        ChannelConnection connection = Connectors.connection(channel);
        Tally tally = new Tally();
        if (request instanceof ImportRequest.OrderIds orderIds) {
            for (String id : orderIds.ids()) {
                try {
                    tally.add(importBatch(
                            channel,
                            List.of(new IncomingOrder(
                                    paced(channel, connector, () -> connector.fetchOrder(id, connection)),
                                    Optional.empty()))));
                    tally.fetched++;
                } catch (PlatformCallException e) {
                    tally.failed(id + ": " + e.getMessage());
                    // The order can be fetched again from its entry.
                    recordFetchFailure(channel, Optional.of(id), e.getMessage(), true);
                }
            }
            return tally.summary();
        }
        ImportRequest.Range range = (ImportRequest.Range) request;
        pullRange(channel, connector, connection, range.since(), range.until(), tally);
        return tally.summary();
    }

    /**
     * Pages through the platform's orders modified in the range, importing each page as one batch. A listed order
     * the connector cannot read is logged on its own, as a failed fetch that can be retried once it is fixed on the
     * platform; the rest of its page is imported.
     */
    void pullRange(
            Channel channel,
            Connector connector,
            ChannelConnection connection,
            Instant from,
            Optional<Instant> until,
            Tally tally) {
        Optional<String> page = Optional.empty();
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            OrderPage result;
            try {
                OrderQuery query = new OrderQuery(from, until, page);
                result = paced(channel, connector, () -> connector.listOrders(query, connection));
            } catch (PlatformCallException e) {
                tally.failed("list from " + from + ": " + e.getMessage());
                // A failed list is run again by the next reconciliation pass or a new import: no retry of its own.
                recordFetchFailure(
                        channel,
                        Optional.empty(),
                        e.getMessage() + " (run the import again, or wait for the next reconciliation pass)",
                        false);
                throw new StorelineException(
                        e.retryable() ? ErrorCode.PLATFORM_UNAVAILABLE : ErrorCode.PLATFORM_REFUSED,
                        "The platform's order list could not be read: " + e.getMessage(),
                        e);
            }
            tally.fetched += result.orders().size();
            recordUnreadable(channel, result.unreadable(), tally);
            if (!result.orders().isEmpty()) {
                tally.add(importBatch(
                        channel,
                        result.orders().stream()
                                .map(o -> new IncomingOrder(o, Optional.empty()))
                                .toList()));
            }
            if (result.nextPage().isEmpty()) {
                return;
            }
            page = result.nextPage();
        }
    }

    /** One batch through the import, then, once it has committed, the status changes it recorded as due. */
    private List<ImportOutcome> importBatch(Channel channel, List<IncomingOrder> orders) {
        List<ImportOutcome> outcomes = importer.importOrders(channel, orders);
        statusSync.apply(channel, ImportOutcome.statusDue(outcomes));
        return outcomes;
    }

    /**
     * Applies the status changes still due on the channel's orders: left by a process that stopped between an import
     * and applying them, or by a failure (the reconciliation's sweep).
     */
    void applyDueStatuses(Channel channel) {
        statusSync.applyDue(channel);
    }

    @Override
    public String retry(Channel channel, ActivityEntry entry) {
        boolean stored = entry.deliveryId().flatMap(inbox::find).isPresent();
        String result = switch (ActivityRetry.of(entry, stored)) {
            case REQUEUE_DELIVERY -> {
                inbox.requeue(entry.deliveryId().orElseThrow(), clock.instant());
                wakeWorker.run();
                yield "the delivery is queued again";
            }
            case FETCH_ORDER_AGAIN -> {
                ImportSummary summary = importOrders(
                        channel,
                        new ImportRequest.OrderIds(
                                List.of(entry.externalOrderId().orElseThrow())));
                yield summary.failed() == 0
                        ? "the order was fetched and imported again"
                        : "it failed again: " + String.join("; ", summary.problems());
            }
            case REGISTER_AGAIN -> {
                registerSoon(channel);
                yield "registration runs again";
            }
            case SEND_AGAIN -> {
                int queued = syncTasks.retryByHand(channel.id(), entry.syncTaskIds(), clock.instant());
                yield queued == 0
                        ? "nothing to send again: those changes were sent or queued since"
                        : queued + " change(s) queued to be sent again (stock and prices as they are now)";
            }
        };
        activity.markRetried(entry.id(), clock.instant());
        return result;
    }

    @Override
    public OutboundHealth outboundHealth(Channel channel) {
        SyncTasks.Backlog backlog = syncTasks.backlog(channel.id());
        return new OutboundHealth(backlog.depth(), backlog.oldestChangeAt(), rateLimits.left(channel.id()));
    }

    @Override
    public void registerSoon(Channel channel) {
        background.submit(() -> register(channel));
    }

    /**
     * Runs {@code operation}'s requests paced by the channel's limiter, as the sync sender's are: the store counts them
     * all in one budget (linking a channel registers its webhooks and imports its recent orders while the first stock
     * and price pushes go: Shopify saw 7 requests in a second against 2 before registration was paced, 3 before the
     * order listing was).
     */
    private <T> T paced(Channel channel, Connector connector, Supplier<T> operation) {
        return connector
                .outbound()
                .map(outbound -> HttpPlatformGateway.paced(
                        rateLimits.of(channel.id(), outbound.budget()), PACED_WAIT, operation))
                .orElseGet(operation);
    }

    /**
     * Registers webhooks and checks the credentials; the outcome is shown on the channel and in its activity. A channel
     * unlinked before is left alone: its webhooks must not come back. One unlinked while the platform was being asked
     * keeps its {@code unlinked} connection, and the webhooks just registered are removed again.
     */
    public void register(Channel channel) {
        if (channels.findById(channel.id()).map(c -> !c.isLinked()).orElse(true)) {
            return;
        }
        Registration registration;
        try {
            URI webhookUrl = publicBaseUrl.get().resolve("/webhooks/" + channel.id());
            Connector connector = connectors.of(channel.platform());
            Supplier<Registration> registering = () -> connector.register(Connectors.connection(channel), webhookUrl);
            registration = paced(channel, connector, registering);
        } catch (RuntimeException e) {
            LOG.warn("Registering channel {} failed", channel.id(), e);
            // The channel's connection (Failed) and the activity entry (Registration, Failed) already say it failed.
            registration = Registration.failed(Failures.describe(e));
        }
        Instant now = clock.instant();
        boolean stillLinked = channels.updateConnection(
                channel.id(),
                new Channel.Connection(
                        registration.connected() ? Channel.ConnectionStatus.CONNECTED : Channel.ConnectionStatus.FAILED,
                        registration.detail(),
                        Optional.of(now)));
        // The unlink's own removal of the webhooks may have run before these existed.
        boolean removeAgain = !stillLinked
                && (registration.connected() || !registration.webhooks().isEmpty());
        recordRegistration(channel, registration, now, stillLinked, removeAgain);
        if (removeAgain) {
            unregister(channel);
        }
    }

    private void recordRegistration(
            Channel channel, Registration registration, Instant now, boolean stillLinked, boolean removeAgain) {
        activity.record(List.of(ActivityEntry.of(
                channel.id(),
                now,
                ActivityEntry.Kind.REGISTRATION,
                registration.connected() ? ActivityEntry.Outcome.SUCCEEDED : ActivityEntry.Outcome.FAILED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                registration.detail()
                        + (registration.webhooks().isEmpty()
                                ? ""
                                : " (webhooks: " + String.join(", ", registration.webhooks()) + ")")
                        + (stillLinked
                                ? ""
                                : "; the channel was unlinked meanwhile: it stays unlinked"
                                        + (removeAgain ? " and its webhooks are removed again" : "")),
                !registration.connected() && stillLinked)));
    }

    @Override
    public void unregisterSoon(Channel channel) {
        background.submit(() -> unregister(channel));
    }

    /**
     * Removes the webhooks of an unlinked channel where the platform's API allows. Whatever happens is logged in its
     * activity, never retried: the channel is unlinked either way, and what is left is for the owner to remove.
     */
    public void unregister(Channel channel) {
        URI webhookUrl = publicBaseUrl.get().resolve("/webhooks/" + channel.id());
        Unregistration outcome;
        try {
            outcome = connectors.of(channel.platform()).unregister(Connectors.connection(channel), webhookUrl);
        } catch (RuntimeException e) {
            LOG.warn("Removing the webhooks of channel {} failed", channel.id(), e);
            outcome = Unregistration.failed("removing the webhooks failed: " + Failures.describe(e)
                    + "; remove those that deliver to " + webhookUrl + " in the platform's admin");
        }
        activity.record(List.of(ActivityEntry.of(
                channel.id(),
                clock.instant(),
                ActivityEntry.Kind.REGISTRATION,
                switch (outcome.outcome()) {
                    case REMOVED -> ActivityEntry.Outcome.SUCCEEDED;
                    case NOT_SUPPORTED -> ActivityEntry.Outcome.IGNORED;
                    case FAILED -> ActivityEntry.Outcome.FAILED;
                },
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "unlinked: " + outcome.detail(),
                false)));
    }

    private void recordUnreadable(Channel channel, List<OrderPage.UnreadableOrder> unreadable, Tally tally) {
        if (unreadable.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<ActivityEntry> entries = new ArrayList<>();
        for (OrderPage.UnreadableOrder order : unreadable) {
            tally.failed(order.externalId().map(id -> id + ": ").orElse("") + order.reason());
            // Without an id there is nothing to fetch again: the next pass lists it again once it is fixed.
            boolean retryable = order.externalId().isPresent();
            entries.add(ActivityEntry.of(
                    channel.id(),
                    now,
                    ActivityEntry.Kind.FETCH,
                    ActivityEntry.Outcome.FAILED,
                    order.externalId(),
                    Optional.empty(),
                    Optional.empty(),
                    order.reason() + (retryable ? " (fix the order on the platform, then retry this entry)" : ""),
                    retryable));
        }
        activity.record(entries);
    }

    private void recordFetchFailure(Channel channel, Optional<String> orderId, String reason, boolean retryable) {
        activity.record(List.of(ActivityEntry.of(
                channel.id(),
                clock.instant(),
                ActivityEntry.Kind.FETCH,
                ActivityEntry.Outcome.FAILED,
                orderId,
                Optional.empty(),
                Optional.empty(),
                reason,
                retryable)));
    }

    @Override
    public void close() {
        background.shutdownNow();
    }

    /** Counts what an import did. */
    static final class Tally {
        int fetched;
        int imported;
        int skipped;
        int notApplied;
        int statusSynced;
        int duplicates;
        int failed;
        final List<String> problems = new ArrayList<>();

        void add(List<ImportOutcome> outcomes) {
            for (ImportOutcome outcome : outcomes) {
                switch (outcome.kind()) {
                    case IMPORTED -> imported++;
                    case SKIPPED -> skipped++;
                    case NOT_APPLIED -> notApplied++;
                    case STATUS_DUE -> statusSynced++;
                    case DUPLICATE -> duplicates++;
                }
            }
        }

        void failed(String problem) {
            failed++;
            problems.add(problem);
        }

        ImportSummary summary() {
            return new ImportSummary(
                    fetched, imported, skipped, notApplied, statusSynced, duplicates, failed, problems);
        }
    }
}
