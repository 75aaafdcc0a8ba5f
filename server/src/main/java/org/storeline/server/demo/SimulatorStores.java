package org.storeline.server.demo;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.storeline.simulators.Simulators;
import org.storeline.simulators.StoreSimulator;
import org.storeline.web.app.demo.DemoStores;

/** The simulators as the {@code /demo} page sees them. */
public final class SimulatorStores implements DemoStores {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Simulators simulators;
    private final Duration offline;

    public SimulatorStores(Simulators simulators, Duration offline) {
        this.simulators = simulators;
        this.offline = offline;
    }

    @Override
    public List<Store> stores() {
        return simulators.stores().stream().map(SimulatorStores::view).toList();
    }

    private static Store view(StoreSimulator store) {
        return new Store(
                store.platform(),
                store.displayName(),
                store.baseUrl(),
                store.offline(),
                store.pendingDeliveries(),
                store.orders().stream()
                        .map(o -> new Order(o.id(), o.number(), o.status(), o.summary(), o.webhookSent()))
                        .toList(),
                store.products().stream()
                        .map(p -> new Product(p.sku(), p.name(), p.price(), p.stock()))
                        .toList(),
                store.calls().stream()
                        .map(c -> new Call(TIME.format(c.at()) + " UTC", c.method(), c.path() + c.query(), c.status()))
                        .toList());
    }

    @Override
    public boolean placeOrder(String platform) {
        return simulators.store(platform).flatMap(StoreSimulator::placeOrder).isPresent();
    }

    @Override
    public void takeOffline(String platform) {
        simulators.store(platform).ifPresent(store -> store.takeOffline(offline));
    }

    @Override
    public boolean payEcwidOrder(String orderId) {
        return simulators.ecwid().markPaid(orderId);
    }

    @Override
    public boolean cancelEcwidOrder(String orderId) {
        return simulators.ecwid().cancel(orderId);
    }

    @Override
    public void pauseOrders(boolean paused) {
        if (paused) {
            simulators.pause();
        } else {
            simulators.resume();
        }
    }

    @Override
    public boolean ordersPaused() {
        return simulators.paused();
    }

    @Override
    public long offlineSeconds() {
        return offline.toSeconds();
    }
}
