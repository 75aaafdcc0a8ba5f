package org.storeline.core.orderimport;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.storeline.core.catalog.Product;
import org.storeline.core.catalog.ProductRepository;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.OrderProgress;
import org.storeline.core.event.DomainEvent;
import org.storeline.core.event.DomainEvents;
import org.storeline.core.fulfillment.FulfillmentRepository;
import org.storeline.core.ids.Ids;
import org.storeline.core.notification.NotificationRepository;
import org.storeline.core.outlet.OutletRepository;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterPeriod;
import org.storeline.core.register.RegisterRepository;
import org.storeline.core.sale.SaleRepository;
import org.storeline.core.statussync.StatusSyncRepository;
import org.storeline.core.stock.StockLedger;
import org.storeline.core.transaction.Transactions;

/**
 * Imports platform orders as sales, exactly once, a batch per transaction (BYD-1).
 *
 * <p>For a batch: keep the newest version of each order; an order already imported is only recorded when
 * a newer version arrives (not applied: ORD-6), and for a platform whose status changes are taken in (Ecwid,
 * STS-1..4) its state is recorded as due, for {@code statussync.ChannelStatusSync} to apply once the batch has
 * committed (outcome {@link ImportOutcome.Kind#STATUS_DUE}); an order whose state makes no sale is skipped and logged;
 * every other order is claimed by its (store, platform id) key, so a duplicate or a concurrent import can
 * never make a second sale, then planned ({@link OrderPlanner}) and written in bulk with its stock
 * movements, fulfillments, notifications and activity entries, all in the same transaction; last, its events
 * ({@code fulfillment.created}, {@code notification.raised}) go to the outbox in one step, as the outbox asks.
 */
public final class OrderImportService {
    private final OrderImportRepository imports;
    private final ProductRepository products;
    private final StockLedger stock;
    private final CustomerResolver customers;
    private final OutletRepository outlets;
    private final RegisterRepository registers;
    private final SaleRepository sales;
    private final FulfillmentRepository fulfillments;
    private final NotificationRepository notifications;
    private final ActivityLog activity;
    private final StatusSyncRepository statuses;
    private final DomainEvents outbox;
    private final Transactions tx;
    private final Clock clock;

    public OrderImportService(
            OrderImportRepository imports,
            ProductRepository products,
            StockLedger stock,
            CustomerResolver customers,
            OutletRepository outlets,
            RegisterRepository registers,
            SaleRepository sales,
            FulfillmentRepository fulfillments,
            NotificationRepository notifications,
            ActivityLog activity,
            StatusSyncRepository statuses,
            DomainEvents outbox,
            Transactions tx,
            Clock clock) {
        this.imports = imports;
        this.products = products;
        this.stock = stock;
        this.customers = customers;
        this.outlets = outlets;
        this.registers = registers;
        this.sales = sales;
        this.fulfillments = fulfillments;
        this.notifications = notifications;
        this.activity = activity;
        this.statuses = statuses;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    public List<ImportOutcome> importOrders(Channel channel, List<IncomingOrder> incoming) {
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            List<ImportOutcome> outcomes = new ArrayList<>();
            Map<String, IncomingOrder> newest = newestVersions(incoming, outcomes);
            Map<String, ImportedOrder> known = imports.findImported(channel.storeId(), newest.keySet());
            List<IncomingOrder> toCreate = new ArrayList<>();
            for (IncomingOrder order : newest.values()) {
                ImportedOrder existing = known.get(order.order().externalId());
                if (existing != null) {
                    outcomes.add(alreadyImported(channel, order, existing, now));
                } else if (!order.order().disposition().createsSale()) {
                    outcomes.add(
                            outcome(order, ImportOutcome.Kind.SKIPPED, Optional.empty(), skipReason(order.order())));
                } else {
                    toCreate.add(order);
                }
            }
            List<DomainEvent> events = new ArrayList<>();
            outcomes.addAll(create(channel, toCreate, now, events));
            // A version whose status is due is logged by the status sync, which applies it once this commits.
            activity.record(outcomes.stream()
                    .filter(o -> o.kind() != ImportOutcome.Kind.STATUS_DUE)
                    .map(o -> toActivity(channel, o, now))
                    .toList());
            // Last: the outbox keeps its order by letting one writer at a time through until it commits.
            outbox.publishAll(events);
            return outcomes;
        });
    }

    /** Duplicates inside one batch: the newest version (platform time) wins; the others are duplicates. */
    private static Map<String, IncomingOrder> newestVersions(
            List<IncomingOrder> incoming, List<ImportOutcome> outcomes) {
        Map<String, IncomingOrder> newest = new LinkedHashMap<>();
        for (IncomingOrder order : incoming) {
            IncomingOrder kept = newest.merge(
                    order.order().externalId(),
                    order,
                    (a, b) -> b.order().updatedAt().isAfter(a.order().updatedAt()) ? b : a);
            IncomingOrder dropped = kept == order ? null : order;
            if (dropped != null) {
                outcomes.add(outcome(
                        dropped,
                        ImportOutcome.Kind.DUPLICATE,
                        Optional.empty(),
                        "a newer version of this order is in the same batch"));
            }
        }
        return newest;
    }

    private ImportOutcome alreadyImported(Channel channel, IncomingOrder order, ImportedOrder existing, Instant now) {
        ChannelOrder version = order.order();
        if (!version.updatedAt().isAfter(existing.platformUpdatedAt())) {
            return outcome(
                    order,
                    ImportOutcome.Kind.DUPLICATE,
                    Optional.of(existing.saleId()),
                    "already imported (this version is not newer than " + existing.platformUpdatedAt() + ")");
        }
        imports.recordVersion(channel.storeId(), version.externalId(), version.updatedAt(), version.platformStatus());
        if (version.progress().isPresent()) {
            return statusDue(channel, order, existing, now);
        }
        return outcome(
                order,
                ImportOutcome.Kind.NOT_APPLIED,
                Optional.of(existing.saleId()),
                "changed on the platform (" + existing.platformStatus() + " → " + version.platformStatus()
                        + "); this system is the record, so it is logged, not applied");
    }

    /**
     * A platform whose status changes are taken in (STS-1..4): the version's state is recorded, due, with the payment
     * type a payment it reports is recorded with (as the import's own), and applied once this transaction commits.
     */
    private ImportOutcome statusDue(Channel channel, IncomingOrder order, ImportedOrder existing, Instant now) {
        ChannelOrder version = order.order();
        OrderProgress progress = version.progress().orElseThrow();
        Optional<UUID> paymentType = progress.payment() == OrderProgress.Payment.PAID
                ? Optional.of(PaymentTypes.forPayment(imports, channel, version.payment(), now)
                        .id())
                : Optional.empty();
        statuses.recordDue(
                channel.id(), version.externalId(), version.updatedAt(), progress, paymentType, order.deliveryId());
        return outcome(
                order,
                ImportOutcome.Kind.STATUS_DUE,
                Optional.of(existing.saleId()),
                "changed on the platform (" + existing.platformStatus() + " → " + version.platformStatus()
                        + "): its status is applied to the sale next");
    }

    private List<ImportOutcome> create(
            Channel channel, List<IncomingOrder> toCreate, Instant now, List<DomainEvent> events) {
        if (toCreate.isEmpty()) {
            return List.of();
        }
        // A sale's id carries its date (when the order was placed), so that the sales list, newest first by id,
        // puts an order imported late (a backfill, a delivery retried for days) where it was made.
        List<UUID> saleIds = toCreate.stream()
                .map(o -> Ids.at(o.order().placedAt().orElse(now)))
                .toList();
        List<ImportedOrder> claims = new ArrayList<>();
        for (int i = 0; i < toCreate.size(); i++) {
            ChannelOrder order = toCreate.get(i).order();
            claims.add(
                    new ImportedOrder(order.externalId(), saleIds.get(i), order.updatedAt(), order.platformStatus()));
        }
        Set<String> claimed = imports.claim(channel.storeId(), channel.id(), claims, now);
        List<ImportOutcome> outcomes = new ArrayList<>();
        List<IncomingOrder> mine = new ArrayList<>();
        List<UUID> mySaleIds = new ArrayList<>();
        for (int i = 0; i < toCreate.size(); i++) {
            if (claimed.contains(toCreate.get(i).order().externalId())) {
                mine.add(toCreate.get(i));
                mySaleIds.add(saleIds.get(i));
            } else {
                outcomes.add(outcome(
                        toCreate.get(i),
                        ImportOutcome.Kind.DUPLICATE,
                        Optional.empty(),
                        "imported at the same time by another worker"));
            }
        }
        outcomes.addAll(write(channel, mine, mySaleIds, now, events));
        return outcomes;
    }

    private List<ImportOutcome> write(
            Channel channel, List<IncomingOrder> orders, List<UUID> saleIds, Instant now, List<DomainEvent> events) {
        if (orders.isEmpty()) {
            return List.of();
        }
        // Shared lock before the open period is read: the register cannot close (or open) until this batch has
        // committed, so its payments are in the period's report, or, read closed, taken in by the next period.
        Register register = registers.findByIdForShare(channel.registerId()).orElseThrow();
        OrderPlanner.Context context = context(
                channel, register, orders.stream().map(IncomingOrder::order).toList(), now);
        List<String> receipts = outlets.nextReceiptNumbers(register.outletId(), orders.size());
        Map<String, Optional<UUID>> customerIds =
                customers.resolve(orders.stream().map(IncomingOrder::order).toList(), now);
        List<OrderPlan> plans = new ArrayList<>();
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            ChannelOrder order = orders.get(i).order();
            OrderPlan plan = OrderPlanner.plan(
                    order, saleIds.get(i), receipts.get(i), customerIds.get(order.externalId()), context, now);
            plans.add(plan);
            outcomes.add(outcome(
                    orders.get(i),
                    ImportOutcome.Kind.IMPORTED,
                    Optional.of(saleIds.get(i)),
                    importedReason(order, plan)));
        }
        persist(channel, plans, now);
        events.addAll(ImportEvents.of(plans, now));
        return outcomes;
    }

    private void persist(Channel channel, List<OrderPlan> plans, Instant now) {
        sales.insertAll(plans.stream().map(OrderPlan::sale).toList());
        stock.apply(plans.stream().flatMap(p -> p.stockChanges().stream()).toList(), now);
        fulfillments.insertAll(
                plans.stream().flatMap(p -> p.fulfillments().stream()).toList());
        notifications.announceToOutletUsers(
                plans.stream().flatMap(p -> p.announcements().stream()).toList(), now);
        Map<String, UUID> links = new HashMap<>();
        plans.forEach(p -> links.putAll(p.newProductLinks()));
        if (!links.isEmpty()) {
            imports.linkProducts(channel.storeId(), channel.id(), links);
        }
    }

    private OrderPlanner.Context context(Channel channel, Register register, List<ChannelOrder> orders, Instant now) {
        List<String> skus = orders.stream()
                .flatMap(o -> o.lines().stream())
                .flatMap(l -> l.sku().stream())
                .distinct()
                .toList();
        Map<String, Product> bySku =
                products.findBySkus(skus).stream().collect(Collectors.toMap(Product::sku, Function.identity()));
        List<String> keys = orders.stream()
                .flatMap(o -> o.lines().stream())
                .flatMap(l -> ProductLinks.keys(l).stream())
                .distinct()
                .toList();
        Map<String, UUID> linkIds = imports.productLinks(channel.storeId(), keys);
        Map<UUID, Product> linked = products
                .findByIds(linkIds.values().stream().distinct().toList())
                .stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
        Map<String, Product> byLink = new HashMap<>();
        linkIds.forEach((key, id) -> Optional.ofNullable(linked.get(id)).ifPresent(p -> byLink.put(key, p)));
        StockView view = stockView(channel, register, bySku.values(), linked.values());
        // The period open now, under the register's lock: the lock, not clocks, orders this import against the
        // opening and the closing (another process's clock may differ a little). Closed: no period; the next takes it.
        Optional<UUID> period = register.openPeriod().map(RegisterPeriod::id);
        Map<Currency, Product> fees = new HashMap<>();
        Map<ChannelOrder.OrderPayment, PaymentType> types = new HashMap<>();
        return new OrderPlanner.Context(
                channel,
                register.outletId(),
                period,
                bySku,
                byLink,
                currency -> fees.computeIfAbsent(currency, c -> imports.shippingFeeProduct(c, now)),
                payment -> types.computeIfAbsent(payment, p -> PaymentTypes.forPayment(imports, channel, p, now)),
                view);
    }

    private StockView stockView(
            Channel channel, Register register, Collection<Product> bySku, Collection<Product> linked) {
        List<UUID> productIds = new ArrayList<>();
        bySku.forEach(p -> productIds.add(p.id()));
        linked.forEach(p -> productIds.add(p.id()));
        List<UUID> outletIds = new ArrayList<>(channel.outletIds());
        outletIds.add(register.outletId());
        StockView view = StockView.empty();
        stock.levelsAt(
                        productIds.stream().distinct().toList(),
                        outletIds.stream().distinct().toList())
                .forEach(level -> view.set(level.productId(), level.outletId(), level.quantity()));
        return view;
    }

    private static String importedReason(ChannelOrder order, OrderPlan plan) {
        String base = "imported as sale " + plan.sale().receiptNumber() + " ("
                + order.disposition().name().toLowerCase(Locale.ROOT) + ", platform status " + order.platformStatus()
                + ", " + plan.fulfillments().size() + " fulfillment(s))";
        return plan.remarks().isEmpty() ? base : base + "; flagged: " + String.join("; ", plan.remarks());
    }

    private static String skipReason(ChannelOrder order) {
        return switch (order.disposition()) {
            case SKIP_INCOMPLETE ->
                "not imported: an unfinished checkout (platform status " + order.platformStatus() + ")";
            case SKIP_CANCELLED ->
                "not imported: cancelled on the platform before it was imported (" + order.platformStatus() + ")";
            case SKIP_REFUNDED ->
                "not imported: refunded on the platform before it was imported (" + order.platformStatus() + ")";
            default -> "not imported (" + order.platformStatus() + ")";
        };
    }

    private static ImportOutcome outcome(
            IncomingOrder order, ImportOutcome.Kind kind, Optional<UUID> saleId, String reason) {
        return new ImportOutcome(order.order().externalId(), order.deliveryId(), kind, saleId, reason);
    }

    private static ActivityEntry toActivity(Channel channel, ImportOutcome outcome, Instant now) {
        ActivityEntry.Outcome result = switch (outcome.kind()) {
            case IMPORTED -> ActivityEntry.Outcome.IMPORTED;
            case SKIPPED -> ActivityEntry.Outcome.SKIPPED;
            case NOT_APPLIED, STATUS_DUE -> ActivityEntry.Outcome.NOT_APPLIED;
            case DUPLICATE -> ActivityEntry.Outcome.IGNORED;
        };
        return ActivityEntry.of(
                channel.id(),
                now,
                ActivityEntry.Kind.IMPORT,
                result,
                Optional.of(outcome.externalOrderId()),
                outcome.deliveryId(),
                outcome.saleId(),
                outcome.reason(),
                false);
    }
}
