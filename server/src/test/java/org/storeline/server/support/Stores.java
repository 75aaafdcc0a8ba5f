package org.storeline.server.support;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.storeline.simulators.Settings;
import org.storeline.simulators.StoreSimulator;
import org.storeline.simulators.WooCommerceSimulator;

/**
 * The platform simulators (the stores {@code ./storeline demo} runs) as the tests that need a whole store start them:
 * well-behaved, every request kept for the test to read, selling only what the test lists.
 */
public final class Stores {
    private static final long SECOND = 1_000_000_000L;
    private static final AtomicLong SEEDS = new AtomicLong(1_000);
    /** A listed product's price at the store: none a test expects Storeline to send. */
    private static final BigDecimal LISTED_PRICE = new BigDecimal("1.00");

    private Stores() {}

    public static WooCommerceSimulator wooCommerce() {
        return new WooCommerceSimulator(Settings.wellBehaved(SEEDS.incrementAndGet()));
    }

    /** A product the store sells under this SKU, its stock not counted until Storeline sends a level; its id. */
    public static long listed(StoreSimulator store, String sku) {
        return store.addProduct(sku, "Product " + sku, LISTED_PRICE);
    }

    /** The most of these arrivals ({@link System#nanoTime()} readings) in any interval of one second. */
    public static int mostInAnySecond(List<Long> arrivals) {
        List<Long> sorted = arrivals.stream().sorted().toList();
        int most = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) >= SECOND) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }
}
