package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.StockSyncIT.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.Stores;
import org.storeline.server.support.TestStoreline;
import org.storeline.simulators.Fault;
import org.storeline.simulators.WooCommerceSimulator;

/**
 * GET /api/v1/channels/{id}/health for the outgoing side (BYD-4): the changes waiting to go out (a burst to one
 * product counts once), when the oldest was made, failures in the last hour, and the rate budget left.
 */
class SyncHealthIT {
    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private final WooCommerceSimulator store = Stores.wooCommerce();
    private final String outlet = shop.outlet("Health");
    private final String channel = shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), store);

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    @Test
    void showsTheChangesWaitingWhileTheStoreIsDownThenNoneOnceItRecovered() {
        JsonNode fresh = health();
        assertThat(fresh.path("outbox_depth").asLong()).isZero();
        assertThat(fresh.path("outbox_oldest_pending_at").isNull()).isTrue();
        assertThat(fresh.path("rate_budget_left").isNull()
                        || fresh.path("rate_budget_left").asLong() <= 5)
                .as("nothing sent yet, or the webhook registration's requests taken from WooCommerce's 5 a second: "
                        + fresh.path("rate_budget_left"))
                .isTrue();
        Fault down = store.lay(Fault.serverErrors(WooCommerceSimulator.PRODUCTS));
        Instant before = Instant.now();
        List<String> products = List.of(product(), product(), product());
        for (int level = 1; level <= 5; level++) {
            for (String product : products) {
                shop.setStock(product, outlet, level);
            }
        }

        JsonNode behind = await(
                () -> {
                    JsonNode h = health();
                    return h.path("failures_last_hour").asLong() > 0 ? h : null;
                },
                "a failure to show");
        assertThat(behind.path("outbox_depth").asLong())
                .as("three products, each a waiting task and perhaps one in flight")
                .isBetween(3L, 6L);
        Instant oldest = Instant.parse(behind.path("outbox_oldest_pending_at").asText());
        assertThat(oldest).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(behind.path("rate_budget_left").asLong()).isBetween(0L, 5L);
        store.heal(down);

        JsonNode recovered = await(
                () -> {
                    JsonNode h = health();
                    return h.path("outbox_depth").asLong() == 0 ? h : null;
                },
                "the outbox to empty");
        assertThat(recovered.path("outbox_oldest_pending_at").isNull()).isTrue();
        assertThat(recovered.path("failures_last_hour").asLong()).isPositive();
    }

    @Test
    void aCallThePlatformFailedShowsItsRequestInTheActivityLog() {
        String product = product();
        shop.setStock(product, outlet, 1);
        await(
                () -> activity("stock", "succeeded").isEmpty() ? null : Boolean.TRUE,
                "the first level sent (the product's listing found)");
        Fault down = store.lay(Fault.serverErrors(WooCommerceSimulator.PRODUCTS));
        try {
            shop.setStock(product, outlet, 2);
            JsonNode failed = await(
                    () -> activity("stock", "retrying").isEmpty()
                            ? null
                            : activity("stock", "retrying").get(0),
                    "a failed call to show");
            assertThat(failed.path("request").asText()).isEqualTo("POST " + WooCommerceSimulator.PRODUCTS + "/batch");
            assertThat(failed.path("http_status").asInt()).isEqualTo(500);
        } finally {
            store.heal(down);
        }
    }

    private JsonNode activity(String kind, String outcome) {
        return admin.get("/api/v1/channels/" + channel + "/activity?kind=" + kind + "&outcome=" + outcome)
                .json()
                .path("items");
    }

    private String product() {
        String sku = Shop.unique("HEALTH");
        Stores.listed(store, sku);
        return shop.productWithSku(sku, "10.00");
    }

    private JsonNode health() {
        ApiClient.Response response = admin.get("/api/v1/channels/" + channel + "/health");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }
}
