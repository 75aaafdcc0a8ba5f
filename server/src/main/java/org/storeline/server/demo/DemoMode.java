package org.storeline.server.demo;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storeline.core.catalog.Product;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelService;
import org.storeline.core.channel.Platform;
import org.storeline.core.stock.StockLevel;
import org.storeline.core.sync.PriceChange;
import org.storeline.server.Wiring;
import org.storeline.simulators.Plan;
import org.storeline.simulators.Simulators;
import org.storeline.simulators.StoreSimulator;

/**
 * {@code ./storeline demo} once Storeline is up: the demo shop (made on the first run), one channel per simulated store
 * (the channels of an earlier run are unlinked: its stores are gone, and these start again from the shop's stock), the
 * customers who shop there, and now and then a delivery at Brussels for a product the shop has nearly sold out, so the
 * demo never runs dry.
 */
public final class DemoMode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoMode.class);
    private static final long LOW_STOCK = 3;
    private static final long DELIVERY = 12;

    private final Wiring wiring;
    private final DemoShop shop;
    private final Simulators simulators;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final ScheduledExecutorService restocking = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-restocking");
        t.setDaemon(true);
        return t;
    });

    private DemoMode(Wiring wiring, DemoShop shop, Simulators simulators) {
        this.wiring = wiring;
        this.shop = shop;
        this.simulators = simulators;
    }

    /**
     * Seeds (or finds) the shop, links a channel to each store and starts the customers.
     *
     * @param webhookBase where the stores reach Storeline's webhooks ({@code http://127.0.0.1:PORT})
     */
    public static DemoMode start(
            Wiring wiring, Simulators simulators, Path dataDir, URI webhookBase, double ordersPerMinute) {
        DemoShop shop = DemoShop.openOrSeed(wiring, dataDir);
        DemoMode demo = new DemoMode(wiring, shop, simulators);
        demo.stockTheStores();
        demo.linkChannels(webhookBase);
        simulators.placeOrders(ordersPerMinute);
        demo.restocking.scheduleWithFixedDelay(demo::restock, 30, 30, TimeUnit.SECONDS);
        return demo;
    }

    /**
     * The stores sell the shop's products, with the shop's stock (summed over the three outlets) and the price
     * Storeline sends them, so that a store's price changes only when the product's does.
     */
    private void stockTheStores() {
        boolean pricesIncludeTax = wiring.settings().get().pricesIncludeTax();
        shop.products(wiring)
                .forEach((sku, product) -> simulators.addProduct(
                        sku,
                        product.product().name(),
                        storePrice(product.product(), pricesIncludeTax),
                        product.stock()));
    }

    /** A store's price of the product: what Storeline sends its listing, tax included. */
    static BigDecimal storePrice(Product product, boolean pricesIncludeTax) {
        return new BigDecimal(PriceChange.asSold(product, pricesIncludeTax).toDecimalString());
    }

    private void linkChannels(URI webhookBase) {
        ChannelService service = wiring.channels();
        for (Channel old : service.list(shop.admin)) {
            service.unlink(shop.admin, old.id());
        }
        Map<String, UUID> pickups = new LinkedHashMap<>();
        for (String point : Plan.PICKUP_POINTS) {
            pickups.put("Pickup at " + point, shop.outlets.get(point));
        }
        List<UUID> outlets = List.copyOf(shop.outlets.values());
        for (StoreSimulator store : simulators.stores()) {
            StoreSimulator.Link link = store.link();
            Channel channel = service.create(
                    shop.admin,
                    new ChannelService.NewChannel(
                            Platform.fromWire(store.platform()),
                            "Demo " + store.displayName() + " store",
                            link.baseUrl(),
                            link.credentials(),
                            link.webhookSecret(),
                            outlets,
                            shop.webRegister,
                            pickups,
                            true));
            channels.put(store.platform(), channel);
            wiring.sync().registerSoon(channel);
            // As the platform's app settings would: Ecwid has no API to register webhooks, and the others are told
            // again when Storeline registers them.
            store.deliverTo(URI.create(webhookBase + "/webhooks/" + channel.id()));
        }
    }

    /** A delivery at Brussels for each product the channels show with less than {@value #LOW_STOCK} left. */
    private void restock() {
        try {
            Map<String, DemoShop.ProductStock> products = shop.products(wiring);
            for (DemoShop.ProductStock product : products.values()) {
                if (product.stock() < LOW_STOCK) {
                    UUID brussels = shop.outlets.get("Brussels");
                    long now = wiring
                            .stock()
                            .levels(shop.admin, product.product().id())
                            .stream()
                            .filter(level -> level.outletId().equals(brussels))
                            .mapToLong(StockLevel::quantity)
                            .sum();
                    wiring.stock().setLevel(shop.admin, product.product().id(), brussels, Math.max(0, now) + DELIVERY);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("The demo's restocking failed; it tries again in 30 s", e);
        }
    }

    /** A user of the demo shop and the password printed for it. */
    public record Login(String email, String password, String role, String outlets) {}

    public static List<Login> logins() {
        return DemoShop.LOGINS.stream()
                .map(l -> new Login(l.email(), l.password(), l.role(), l.outlets()))
                .toList();
    }

    /** The channel linked to each store, by platform. */
    public Map<String, Channel> channels() {
        return Map.copyOf(channels);
    }

    @Override
    public void close() {
        restocking.shutdownNow();
        simulators.close();
    }
}
