package org.storeline.bench;

import java.math.BigDecimal;
import java.util.List;
import org.storeline.simulators.BigCommerceSimulator;
import org.storeline.simulators.Call;
import org.storeline.simulators.EcwidSimulator;
import org.storeline.simulators.LightspeedSimulator;
import org.storeline.simulators.Settings;
import org.storeline.simulators.ShopifySimulator;
import org.storeline.simulators.StockWrite;
import org.storeline.simulators.StoreSimulator;
import org.storeline.simulators.WooCommerceSimulator;

/**
 * One store of a platform for the sync benchmark: the platform's simulator (the store {@code ./storeline demo} runs,
 * in the platform's own request and answer formats) without the platform's rate limit, selling the products
 * {@code SYNC-1 ... SYNC-n}, their stock not counted until Storeline sends a level; read here by product number. The
 * simulator notes when each request arrived ({@link System#nanoTime()}: the benchmark runs in the same process) and
 * which levels it carried.
 */
final class SyncStore implements AutoCloseable {
    private static final BigDecimal PRICE = new BigDecimal("9.99");

    final String platform;
    private final StoreSimulator simulator;

    private SyncStore(String platform, StoreSimulator simulator) {
        this.platform = platform;
        this.simulator = simulator;
    }

    static SyncStore start(String platform, int products, long seed) {
        Settings settings = Settings.wellBehaved(seed).withoutRateLimit();
        StoreSimulator simulator = switch (platform) {
            case "woocommerce" -> new WooCommerceSimulator(settings);
            case "bigcommerce" -> new BigCommerceSimulator(settings);
            case "ecwid" -> new EcwidSimulator(settings);
            case "shopify" -> new ShopifySimulator(settings);
            case "lightspeed_ecom" -> new LightspeedSimulator(settings);
            default -> throw new IllegalArgumentException("No store of " + platform + " in this benchmark");
        };
        for (int i = 1; i <= products; i++) {
            simulator.addProduct(sku(i), "Sync product " + i, PRICE);
        }
        return new SyncStore(platform, simulator);
    }

    static String sku(int product) {
        return "SYNC-" + product;
    }

    /** What the channel linked to this store must hold. */
    StoreSimulator.Link link() {
        return simulator.link();
    }

    /** The level the store shows for the product (1-based), -1 before any. */
    long level(int product) {
        return simulator.stock(sku(product)).orElse(-1L);
    }

    /** When the product's level last changed at the store (the arrival of the request that changed it). */
    long changedAt(int product) {
        long level = -1;
        long at = 0;
        for (StockWrite write : simulator.stockWrites(sku(product))) {
            if (write.level() != level) {
                level = write.level();
                at = write.arrivedNanos();
            }
        }
        return at;
    }

    /** How many levels the store has received for each product (by number). */
    int[] writeCounts(int products) {
        int[] counts = new int[products + 1];
        for (int p = 1; p <= products; p++) {
            counts[p] = simulator.stockWrites(sku(p)).size();
        }
        return counts;
    }

    /** When the store first received this level of the product; null if it has not. */
    Long arrivalOf(int product, long level) {
        return simulator.stockWrites(sku(product)).stream()
                .filter(w -> w.level() == level)
                .findFirst()
                .map(StockWrite::arrivedNanos)
                .orElse(null);
    }

    /** Every request received so far, look-ups included, in the order they arrived. */
    List<Call> requests() {
        return simulator.received();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
