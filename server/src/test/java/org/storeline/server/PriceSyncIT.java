package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.StockSyncIT.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.Stores;
import org.storeline.server.support.TestStoreline;
import org.storeline.simulators.WooCommerceSimulator;

/**
 * Prices out (SOR-1): a price change scheduled through the sync outbox (as the product's PATCH does, in its
 * transaction) reaches the store's regular price, tax included as the product is sold.
 */
class PriceSyncIT {
    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private final WooCommerceSimulator store = Stores.wooCommerce();
    private final String outlet = shop.outlet("Prices");

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    @Test
    void aPriceChangeReachesTheStoresRegularPriceAsSold() {
        shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), store);
        String sku = Shop.unique("PRICE");
        Stores.listed(store, sku);
        String product = shop.productWithSku(sku, "10.00");
        boolean taxIncluded =
                admin.get("/api/v1/settings").json().path("prices_include_tax").asBoolean();
        Wiring wiring = TestStoreline.instance().wiring();

        wiring.tx.run(() -> wiring.syncOutbox.priceChanged(UUID.fromString(product)));

        String expected = taxIncluded ? "10.00" : "12.10";
        await(
                () -> expected.equals(store.price(sku).toPlainString()) ? Boolean.TRUE : null,
                "the store's regular price to be " + expected + " (it is '" + store.price(sku) + "')");
        assertThat(store.stockRequests()).as("a price is not a stock level").isZero();
    }
}
