package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.event.DomainEvent;
import org.storeline.core.event.DomainEvents;
import org.storeline.core.money.Money;
import org.storeline.core.orderimport.CustomerResolver;
import org.storeline.core.orderimport.IncomingOrder;
import org.storeline.core.orderimport.OrderImportService;
import org.storeline.db.catalog.JooqProductRepository;
import org.storeline.db.channel.JooqActivityLog;
import org.storeline.db.crypto.SecretBox;
import org.storeline.db.customer.JooqCustomerRepository;
import org.storeline.db.event.JooqDomainEvents;
import org.storeline.db.fulfillment.JooqFulfillmentRepository;
import org.storeline.db.notification.JooqNotificationRepository;
import org.storeline.db.orderimport.JooqOrderImportRepository;
import org.storeline.db.outlet.JooqOutletRepository;
import org.storeline.db.payment.JooqPaymentTypeRepository;
import org.storeline.db.postgres.Database;
import org.storeline.db.postgres.JooqTransactions;
import org.storeline.db.register.JooqRegisterRepository;
import org.storeline.db.sale.JooqSaleRepository;
import org.storeline.db.statussync.JooqStatusSyncRepository;
import org.storeline.db.stock.JooqStockLedger;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * The outbox written in bulk (an import batch's events): one lock, one insert, the events in the order given, each
 * with its outlet, readable by outlet. Prints what publishing costs: a batch's worth of events together and one by
 * one, and an import batch with its events against the same import publishing nothing.
 */
class OutboxBatchIT {
    private static final AtomicLong ORDER_IDS = new AtomicLong(System.currentTimeMillis());

    private final Wiring wiring = TestStoreline.instance().wiring();
    private final DomainEvents outbox = wiring.domainEvents();

    private static List<DomainEvent> events(int count, UUID outlet) {
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new DomainEvent(
                    DomainEvent.FULFILLMENT_CREATED,
                    UUID.randomUUID(),
                    Map.of("fulfillment_id", UUID.randomUUID().toString(), "outlet_id", outlet.toString(), "n", i),
                    Instant.now()));
        }
        return events;
    }

    @Test
    void eventsPublishedTogetherKeepTheirOrderAndTheirOutlet() {
        for (int count : List.of(3, 40)) {
            UUID outlet = UUID.randomUUID();
            long before = outbox.bounds().last();
            wiring.tx.run(() -> outbox.publishAll(events(count, outlet)));

            List<DomainEvents.Stored> stored =
                    outbox.after(before, Set.of(DomainEvent.FULFILLMENT_CREATED), Optional.of(List.of(outlet)), 100);
            assertThat(stored).hasSize(count);
            assertThat(stored.stream().map(s -> ((Number) s.event().payload().get("n")).intValue()))
                    .containsExactlyElementsOf(events(count, outlet).stream()
                            .map(e -> (Integer) e.payload().get("n"))
                            .toList());
            assertThat(stored).allSatisfy(s -> assertThat(s.event().outletId()).contains(outlet));
            assertThat(outbox.after(before, Set.of(DomainEvent.FULFILLMENT_CREATED), Optional.of(List.of()), 100))
                    .isEmpty();
        }
    }

    @Test
    void publishingABatchsEventsTogetherCostsOneStatement() {
        // An import batch of 500 orders publishes about 1,000 events (a fulfillment and a notification each).
        int events = 1_000;
        int rounds = 10;
        UUID outlet = UUID.randomUUID();
        long together = 0;
        long one = 0;
        long oneByOne = 0;
        for (int i = -3; i < rounds; i++) {
            List<DomainEvent> batch = events(events, outlet);
            long started = System.nanoTime();
            wiring.tx.run(() -> outbox.publishAll(batch));
            long spent = System.nanoTime() - started;
            together += i < 0 ? 0 : spent;
            List<DomainEvent> single = events(1, outlet);
            started = System.nanoTime();
            wiring.tx.run(() -> outbox.publishAll(single));
            spent = System.nanoTime() - started;
            one += i < 0 ? 0 : spent;
            List<DomainEvent> each = events(events, outlet);
            started = System.nanoTime();
            wiring.tx.run(() -> each.forEach(outbox::publish));
            spent = System.nanoTime() - started;
            oneByOne += i < 0 ? 0 : spent;
        }
        System.out.printf(
                "outbox: %d events in one transaction: %.1f ms together (a transaction with one event: %.1f ms),"
                        + " %.1f ms one by one%n",
                events, together / 1e6 / rounds, one / 1e6 / rounds, oneByOne / 1e6 / rounds);
        assertThat(together).isLessThan(oneByOne);
    }

    /**
     * What the events add to an import: batches of 500 one-line orders imported by the real import service and by one
     * that publishes nothing, in turns (ABBA), on one database, so that both see the same load.
     */
    @Test
    void publishingAnImportBatchsEventsAddsLittleToTheImport() {
        Shop shop = new Shop(TestStoreline.admin());
        String outlet = shop.outlet("Outbox");
        Channel channel = wiring.channels()
                .require(UUID.fromString(
                        shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), true, "http://127.0.0.1:9")));
        String sku = Shop.unique("OUTBOX");
        shop.productWithSku(sku, "3.00");
        HikariDataSource pool = (HikariDataSource) TestStoreline.instance().dataSource();
        try (Database database = Database.connect(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), 4)) {
            OrderImportService publishing = importService(database, new JooqDomainEvents(database.dsl()));
            OrderImportService silent = importService(database, new NoOutbox());
            int orders = 500;
            int rounds = 20;
            List<Long> with = new ArrayList<>();
            List<Long> without = new ArrayList<>();
            for (int i = -2; i < rounds; i++) {
                boolean publishingFirst = Math.floorMod(i, 2) == 0;
                long first = timeImport(publishingFirst ? publishing : silent, channel, sku, orders);
                long second = timeImport(publishingFirst ? silent : publishing, channel, sku, orders);
                if (i >= 0) {
                    with.add(publishingFirst ? first : second);
                    without.add(publishingFirst ? second : first);
                }
            }
            // Medians: a neighbour's build on the same machine stalls a batch now and then.
            double withMedian = median(with) / 1e6;
            double withoutMedian = median(without) / 1e6;
            System.out.printf(
                    "outbox: an import batch of %d one-line orders, median of %d: %.0f ms publishing its %d events,"
                            + " %.0f ms without (%+.0f %%)%n",
                    orders,
                    rounds,
                    withMedian,
                    2 * orders,
                    withoutMedian,
                    100 * (withMedian - withoutMedian) / withoutMedian);
            long before = outbox.bounds().last();
            timeImport(publishing, channel, sku, 10);
            assertThat(outbox.after(before, 100)).hasSize(20);
            before = outbox.bounds().last();
            timeImport(silent, channel, sku, 10);
            assertThat(outbox.bounds().last()).isEqualTo(before);
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2.0;
    }

    private static long timeImport(OrderImportService service, Channel channel, String sku, int orders) {
        List<IncomingOrder> batch = new ArrayList<>();
        for (int n = 0; n < orders; n++) {
            batch.add(new IncomingOrder(order(sku), Optional.empty()));
        }
        long started = System.nanoTime();
        service.importOrders(channel, batch);
        return System.nanoTime() - started;
    }

    /** The import as Wiring builds it, on its own pool, publishing to {@code outbox}. */
    private static OrderImportService importService(Database database, DomainEvents outbox) {
        DSLContext dsl = database.dsl();
        JooqProductRepository products = new JooqProductRepository(dsl);
        return new OrderImportService(
                new JooqOrderImportRepository(
                        dsl, products, new JooqPaymentTypeRepository(dsl, new SecretBox(SecretBox.newKey()))),
                products,
                new JooqStockLedger(dsl),
                new CustomerResolver(new JooqCustomerRepository(dsl)),
                new JooqOutletRepository(dsl),
                new JooqRegisterRepository(dsl),
                new JooqSaleRepository(dsl),
                new JooqFulfillmentRepository(dsl),
                new JooqNotificationRepository(dsl),
                new JooqActivityLog(dsl),
                new JooqStatusSyncRepository(dsl),
                outbox,
                new JooqTransactions(dsl),
                Clock.systemUTC());
    }

    /** A one-line order of 3.00 EUR, paid, to deliver. */
    private static ChannelOrder order(String sku) {
        Money price = Money.of("3.00", "EUR");
        Money zero = Money.of("0.00", "EUR");
        String id = Long.toString(ORDER_IDS.incrementAndGet());
        return new ChannelOrder(
                id,
                id,
                "processing",
                OrderDisposition.IMPORT_PAID,
                Optional.of(Instant.now()),
                Instant.now(),
                Currency.getInstance("EUR"),
                Optional.empty(),
                List.of(new ChannelOrder.OrderLine(
                        "1",
                        Optional.of(sku),
                        Optional.empty(),
                        Optional.empty(),
                        "Item",
                        1,
                        price,
                        zero,
                        zero,
                        price)),
                List.of(),
                zero,
                price,
                new ChannelOrder.OrderPayment("stripe", true, Optional.of("Stripe")),
                Optional.empty(),
                FulfillmentType.DELIVERY,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** An outbox that keeps nothing: the import without its events. */
    private static final class NoOutbox implements DomainEvents {
        @Override
        public void publish(DomainEvent event) {}

        @Override
        public void publishAll(List<DomainEvent> events) {}

        @Override
        public List<Stored> after(long position, int limit) {
            return List.of();
        }

        @Override
        public List<Stored> after(long position, Set<String> types, Optional<Collection<UUID>> outlets, int limit) {
            return List.of();
        }

        @Override
        public List<Stored> ofSale(UUID saleId, int limit) {
            return List.of();
        }

        @Override
        public Bounds bounds() {
            return new Bounds(0, 0);
        }
    }
}
