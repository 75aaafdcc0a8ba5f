package org.storeline.simulators;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The five simulated stores together, and the customers who shop there: orders are placed in turn at the five stores,
 * {@code ordersPerMinute} in all, until {@link #pause}d.
 */
public final class Simulators implements AutoCloseable {
    private final List<StoreSimulator> stores;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator-customers");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong turn = new AtomicLong();
    private ScheduledFuture<?> customers;
    private volatile boolean paused;

    private Simulators(List<StoreSimulator> stores) {
        this.stores = stores;
    }

    /** Starts one store of each platform on loopback, each with its own seed for its customers and habits. */
    public static Simulators start(long seed, Settings.Factory settings) {
        return new Simulators(List.of(
                new ShopifySimulator(settings.of(seed + 1)),
                new WooCommerceSimulator(settings.of(seed + 2)),
                new BigCommerceSimulator(settings.of(seed + 3)),
                new EcwidSimulator(settings.of(seed + 4)),
                new LightspeedSimulator(settings.of(seed + 5))));
    }

    public List<StoreSimulator> stores() {
        return stores;
    }

    public Optional<StoreSimulator> store(String platform) {
        return stores.stream().filter(s -> s.platform().equals(platform)).findFirst();
    }

    public EcwidSimulator ecwid() {
        return (EcwidSimulator) store("ecwid").orElseThrow();
    }

    /** Every store sells the product, with this many in stock. */
    public void addProduct(String sku, String name, BigDecimal price, long stock) {
        stores.forEach(store -> store.addProduct(sku, name, price, stock));
    }

    /** Where a store delivers its webhooks. */
    public void deliverTo(String platform, URI webhookUrl) {
        store(platform).orElseThrow().deliverTo(webhookUrl);
    }

    /** Customers start checking out, {@code ordersPerMinute} orders a minute over the five stores. */
    public synchronized void placeOrders(double ordersPerMinute) {
        if (customers != null) {
            customers.cancel(false);
        }
        if (ordersPerMinute <= 0) {
            return;
        }
        long every = Math.max(10, Math.round(60_000 / ordersPerMinute));
        customers = clock.scheduleAtFixedRate(this::nextOrder, every, every, TimeUnit.MILLISECONDS);
    }

    private void nextOrder() {
        if (paused) {
            return;
        }
        StoreSimulator store = stores.get((int) (turn.getAndIncrement() % stores.size()));
        try {
            store.placeOrder();
        } catch (RuntimeException e) {
            // One failed checkout must not stop the customers of every store.
            System.err.println("simulator: " + store.displayName() + " could not place an order: " + e);
        }
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean paused() {
        return paused;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        stores.forEach(StoreSimulator::close);
    }
}
