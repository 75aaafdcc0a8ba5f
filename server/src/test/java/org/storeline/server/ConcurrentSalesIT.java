package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/** Concurrent sales of one product at one outlet: no lost update, no duplicate receipt number. */
class ConcurrentSalesIT {
    private static final int SALES = 50;

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);

    @Test
    void fiftyConcurrentSalesLowerTheLevelByExactlyFiftyAndLeaveFiftyMovements() throws Exception {
        String outlet = shop.outlet("Busy");
        String register = shop.openRegister(outlet);
        String product = shop.product("4.00", "0.21");
        shop.setStock(product, outlet, 100);
        Map<String, Object> sale = Map.of(
                "outlet_id",
                outlet,
                "register_id",
                register,
                "lines",
                List.of(Map.of("product_id", product, "quantity", 1)));

        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiClient.Response>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(SALES)) {
            for (int i = 0; i < SALES; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return admin.post("/api/v1/sales", sale);
                }));
            }
            go.countDown();
            HashSet<String> receipts = new HashSet<>();
            for (Future<ApiClient.Response> result : results) {
                ApiClient.Response response = result.get();
                assertThat(response.status()).as(response.text()).isEqualTo(201);
                receipts.add(response.json().path("receipt_number").asText());
            }
            assertThat(receipts).hasSize(SALES);
        }

        assertThat(shop.stockLevel(product, outlet)).isEqualTo(100 - SALES);
        var movements = admin.get("/api/v1/products/" + product + "/stock/" + outlet + "/movements?limit=500")
                .json()
                .path("items");
        List<Long> levelsLeftBehind = new ArrayList<>();
        for (var movement : movements) {
            if (movement.path("reason").asText().equals("in_store_sale")) {
                assertThat(movement.path("delta").asLong()).isEqualTo(-1);
                levelsLeftBehind.add(movement.path("quantity_after").asLong());
            }
        }
        assertThat(levelsLeftBehind).hasSize(SALES);
        // Each sale saw the level its predecessor left: every level from 99 down to 50 exactly once.
        assertThat(new HashSet<>(levelsLeftBehind))
                .hasSize(SALES)
                .allSatisfy(level -> assertThat(level).isBetween(50L, 99L));
        assertThat(admin.get("/api/v1/sales?outlet_id=" + outlet + "&limit=500")
                        .json()
                        .path("items"))
                .hasSize(SALES);
    }
}
