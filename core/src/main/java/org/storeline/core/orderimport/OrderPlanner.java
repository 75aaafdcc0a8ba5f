package org.storeline.core.orderimport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.storeline.core.catalog.Product;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.channel.OrderProgress;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;
import org.storeline.core.notification.NotificationRepository;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;
import org.storeline.core.stock.StockChange;
import org.storeline.core.stock.StockReason;

/**
 * Decides, without writing anything, what one platform order becomes: the sale with its lines and
 * payment, the fulfillments per outlet, the stock it takes and the notifications it raises.
 */
final class OrderPlanner {
    /** What the planner reads, loaded in bulk for a whole batch by the import service. */
    record Context(
            Channel channel,
            UUID saleOutletId,
            Optional<UUID> openPeriodId,
            Map<String, Product> productsBySku,
            Map<String, Product> productsByLink,
            Function<Currency, Product> shippingFee,
            Function<ChannelOrder.OrderPayment, PaymentType> paymentTypes,
            StockView stock) {}

    private OrderPlanner() {}

    static OrderPlan plan(
            ChannelOrder order,
            UUID saleId,
            String receiptNumber,
            Optional<UUID> customerId,
            Context ctx,
            Instant now) {
        Map<String, UUID> newLinks = new HashMap<>();
        List<String> remarks = new ArrayList<>();
        List<Optional<Product>> products = products(order, ctx, newLinks, remarks);
        List<SaleLine> lines =
                SaleLines.all(order, products, () -> ctx.shippingFee().apply(order.currency()));
        lines.stream()
                .filter(SaleLine::adjustment)
                .forEach(adj -> remarks.add("the platform's lines, shipping and taxes differ from its total by "
                        + adj.total().toDecimalString() + " (tax " + adj.tax().toDecimalString()
                        + "): adjustment line added"));
        Channel channel = ctx.channel();
        Sale sale = Sale.fromChannel(
                saleId,
                receiptNumber,
                placedAt(order, now, remarks),
                ctx.saleOutletId(),
                channel.registerId(),
                new ChannelOrderRef(channel.id(), order.externalId(), order.number(), now),
                order.currency(),
                customerId,
                lines,
                SaleNotes.of(order, channel),
                order.disposition().alreadyFulfilled());
        // The payment is recorded now, in the online register's period open now (or its next one: PAY-1), so its
        // paid_at is the import time: a platform's earlier payment time would lie outside that period.
        amountPaid(order, sale, remarks)
                .ifPresent(amount -> sale.applyPayment(
                        ctx.paymentTypes().apply(order.payment()),
                        amount,
                        now,
                        channel.registerId(),
                        ctx.openPeriodId(),
                        Optional.empty()));
        List<Fulfillment> fulfillments = fulfillments(order, sale, ctx, initialStatus(order, remarks));
        return new OrderPlan(
                sale,
                fulfillments,
                stockChanges(sale, fulfillments),
                announcements(order, sale, fulfillments, ctx),
                newLinks,
                remarks);
    }

    /**
     * When the order was placed on the platform: the sale's date (created_at). Without a creation time that could be
     * read, the import time stands in and the activity log says so.
     */
    private static Instant placedAt(ChannelOrder order, Instant now, List<String> remarks) {
        if (order.placedAt().isEmpty()) {
            remarks.add("the platform gave no order creation time that could be read: the sale is dated when it was"
                    + " imported");
        }
        return order.placedAt().orElse(now);
    }

    /**
     * What the platform says is already paid, to record as one payment (ORD-5, ORD-6): the whole total of a paid
     * order; for a partly paid one, the part it names, exactly, when that is more than nothing and less than the
     * total. A partly paid order that names no such part is recorded unpaid, and the activity log says why, so that
     * staff take what was paid by hand: never a guessed amount, never more than the total.
     */
    private static Optional<Money> amountPaid(ChannelOrder order, Sale sale, List<String> remarks) {
        Money total = sale.total();
        if (order.disposition().paid()) {
            return total.isPositive() ? Optional.of(total) : Optional.empty();
        }
        if (order.disposition() != OrderDisposition.IMPORT_PARTIALLY_PAID) {
            return Optional.empty();
        }
        Optional<Money> part = order.amountPaid();
        if (part.isEmpty()) {
            remarks.add("the platform reports it partly paid but its order does not say how much:"
                    + " recorded unpaid, record the part already paid by hand");
        } else if (!part.get().isPositive() || !total.isGreaterThan(part.get())) {
            remarks.add("the platform reports it partly paid, " + part.get().toDecimalString() + " of "
                    + total.toDecimalString() + ", which is no part of the total: recorded unpaid, record the part"
                    + " already paid by hand");
            return Optional.empty();
        }
        return part;
    }

    /**
     * The product of each line, flagging for staff (BYD-6) the lines that match none and those that cannot be
     * allocated at all ({@link LineProblems}): the latter are tied to no product, so nothing is picked or taken
     * from stock for them, and teach no platform ids.
     */
    private static List<Optional<Product>> products(
            ChannelOrder order, Context ctx, Map<String, UUID> newLinks, List<String> remarks) {
        List<Optional<Product>> products = new ArrayList<>();
        for (ChannelOrder.OrderLine line : order.lines()) {
            String named = "line '" + line.name() + "'"
                    + line.sku().map(s -> " (SKU " + s + ")").orElse(" (no SKU)");
            Optional<String> problem = LineProblems.of(line);
            Optional<Product> product = problem.isPresent() ? Optional.empty() : match(line, ctx, newLinks);
            if (problem.isPresent()) {
                remarks.add(named + " " + problem.get()
                        + ": kept on the sale unallocated (nothing to pick, no stock taken)");
            } else if (product.isEmpty()) {
                remarks.add(named + " matches no product");
            }
            products.add(product);
        }
        return products;
    }

    /** By SKU first, then by the platform's variant or product id once a SKU match has taught it. */
    private static Optional<Product> match(ChannelOrder.OrderLine line, Context ctx, Map<String, UUID> newLinks) {
        Optional<Product> bySku = line.sku().map(ctx.productsBySku()::get);
        if (bySku.isPresent()) {
            ProductLinks.keys(line).forEach(key -> {
                if (!ctx.productsByLink().containsKey(key)) {
                    newLinks.put(key, bySku.get().id());
                }
            });
            return bySku;
        }
        return ProductLinks.keys(line).stream()
                .map(ctx.productsByLink()::get)
                .filter(p -> p != null)
                .findFirst();
    }

    /**
     * The fulfillments, dated like the sale (when the order was placed: the Fulfillments page shows the order's date)
     * and with ids of that time, so that they list in the order's place as the sale does.
     */
    private static List<Fulfillment> fulfillments(
            ChannelOrder order, Sale sale, Context ctx, FulfillmentStatus status) {
        List<Allocation.Demand> demands = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            SaleLine line = sale.lines().get(i);
            if (LineProblems.of(order.lines().get(i)).isEmpty()) {
                demands.add(new Allocation.Demand(i, line.productId(), line.quantity()));
            }
        }
        List<UUID> candidates = new ArrayList<>();
        candidates.add(ctx.saleOutletId());
        candidates.addAll(ctx.channel().outletIds());
        Optional<UUID> methodOutlet = order.shippingMethod().flatMap(ctx.channel()::outletForShippingMethod);
        if (demands.isEmpty()) {
            return List.of();
        }
        List<Fulfillment> fulfillments = new ArrayList<>();
        Allocation.allocate(demands, candidates, methodOutlet, ctx.stock()).forEach((outlet, shares) -> {
            List<Fulfillment.Item> items = shares.stream()
                    .map(share -> {
                        SaleLine line = sale.lines().get(share.line());
                        return new Fulfillment.Item(
                                line.id(), line.sku(), line.name(), share.quantity(), 0, line.productId());
                    })
                    .toList();
            fulfillments.add(new Fulfillment(
                    Ids.at(sale.createdAt()),
                    sale.id(),
                    outlet,
                    order.fulfillmentType(),
                    status,
                    items,
                    sale.createdAt(),
                    Optional.empty()));
        });
        return fulfillments;
    }

    /**
     * The status the order's fulfillments start in: complete when the platform had already fulfilled it; packed for a
     * pickup the platform reports ready for pickup (STS-2, also for an order first seen so); else new. A delivery
     * reported ready for pickup starts new, and the log says why.
     */
    private static FulfillmentStatus initialStatus(ChannelOrder order, List<String> remarks) {
        boolean pickup = order.fulfillmentType() == FulfillmentType.PICKUP;
        if (order.disposition().alreadyFulfilled()) {
            return pickup ? FulfillmentStatus.PICKED_UP : FulfillmentStatus.SHIPPED;
        }
        boolean ready = order.progress()
                .filter(p -> p.fulfillment() == OrderProgress.Fulfillment.READY_FOR_PICKUP)
                .isPresent();
        if (ready && !pickup) {
            remarks.add("the platform says it is ready for pickup, but it is a delivery: its fulfillment starts new");
        }
        return ready && pickup ? FulfillmentStatus.PACKED : FulfillmentStatus.NEW;
    }

    private static List<StockChange> stockChanges(Sale sale, List<Fulfillment> fulfillments) {
        Map<UUID, SaleLine> lines = new HashMap<>();
        sale.lines().forEach(line -> lines.put(line.id(), line));
        List<StockChange> changes = new ArrayList<>();
        for (Fulfillment fulfillment : fulfillments) {
            for (Fulfillment.Item item : fulfillment.items()) {
                lines.get(item.lineId())
                        .productId()
                        .ifPresent(product -> changes.add(new StockChange(
                                product,
                                fulfillment.outletId(),
                                -item.quantity(),
                                StockReason.ONLINE_ORDER,
                                Optional.of(sale.id()),
                                Optional.empty())));
            }
        }
        return changes;
    }

    private static List<NotificationRepository.Announcement> announcements(
            ChannelOrder order, Sale sale, List<Fulfillment> fulfillments, Context ctx) {
        if (!ctx.channel().notifications() || order.disposition().alreadyFulfilled()) {
            return List.of();
        }
        return fulfillments.stream()
                .map(f -> new NotificationRepository.Announcement(
                        Ids.newId(),
                        f.outletId(),
                        f.id(),
                        sale.id(),
                        "New online order " + order.number() + " from "
                                + ctx.channel().name() + " (" + f.type().wireName() + ", "
                                + f.items().stream()
                                        .mapToLong(Fulfillment.Item::quantity)
                                        .sum() + " items, receipt " + sale.receiptNumber() + ")"))
                .toList();
    }
}
