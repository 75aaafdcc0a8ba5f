package org.storeline.server.support;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;
import org.storeline.simulators.Settings;
import org.storeline.simulators.StoreSimulator;
import org.storeline.simulators.WooCommerceSimulator;

/**
 * The platform simulators (the stores {@code ./storeline demo} runs) as the tests that need a whole store start them:
 * well-behaved, every request kept for the test to read, selling only what the test lists.
 */
public final class Stores {
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
}
