package org.storeline.web.app.demo;

import java.util.List;

/**
 * The simulated stores of {@code ./storeline demo}, as the simulator page shows and drives them. Only demo mode has
 * them: without it there is no {@code /demo} page at all.
 */
public interface DemoStores {
    /** Each store, in a fixed order (Shopify, WooCommerce, BigCommerce, Ecwid, Lightspeed). */
    List<Store> stores();

    /** A customer checks out at the store now; false when it has nothing left to sell. */
    boolean placeOrder(String platform);

    /** The store goes offline for the configured while (a minute unless the demo was told otherwise). */
    void takeOffline(String platform);

    /** The Ecwid store's owner marks the order paid; false when it is not awaiting payment. */
    boolean payEcwidOrder(String orderId);

    /** The Ecwid store's owner cancels the order; false when it is cancelled already or unknown. */
    boolean cancelEcwidOrder(String orderId);

    /** Customers stop (or start again) checking out by themselves. */
    void pauseOrders(boolean paused);

    boolean ordersPaused();

    /** How long {@link #takeOffline} lasts, in seconds. */
    long offlineSeconds();

    record Store(
            String platform,
            String name,
            String apiUrl,
            boolean offline,
            int webhooksWaiting,
            List<Order> orders,
            List<Product> products,
            List<Call> calls) {}

    record Order(String id, String number, String status, String summary, boolean webhookSent) {}

    record Product(String sku, String name, String price, long stock) {}

    record Call(String at, String method, String path, int status) {}
}
