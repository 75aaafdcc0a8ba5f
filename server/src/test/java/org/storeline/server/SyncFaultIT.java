package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.StockSyncIT.await;
import static org.storeline.server.StockSyncIT.sleep;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.Stores;
import org.storeline.server.support.TestStoreline;
import org.storeline.simulators.Call;
import org.storeline.simulators.Fault;
import org.storeline.simulators.WooCommerceSimulator;

/**
 * A store that fails for a while (500s, then answers too late to be read, then 429 with {@code Retry-After}) and then
 * recovers: every change is delivered, each product's levels in order, and the store's stock equals Storeline's for
 * every product; a second store sold the same products and was sent every change meanwhile, within seconds.
 */
class SyncFaultIT {
    private static final int PRODUCTS = 5;
    private static final String BATCH = WooCommerceSimulator.PRODUCTS + "/batch";

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private final WooCommerceSimulator broken = Stores.wooCommerce();
    private final WooCommerceSimulator healthy = Stores.wooCommerce();
    private final String outlet = shop.outlet("Faults");
    private final String register = shop.openRegister(outlet);
    private final List<String> skus = new ArrayList<>();
    private final List<String> products = new ArrayList<>();

    @AfterEach
    void closeTheStores() {
        broken.close();
        healthy.close();
    }

    @Test
    void aStoreThatFailsThenRecoversEndsWithOurStockWhileAnotherStoreKeptFlowing() {
        String brokenChannel = shop.wooChannel(register, List.of(outlet), Map.of(), broken);
        shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), healthy);
        for (int i = 0; i < PRODUCTS; i++) {
            String sku = Shop.unique("FAULT" + i);
            skus.add(sku);
            Stores.listed(broken, sku);
            Stores.listed(healthy, sku);
            String product = shop.productWithSku(sku, "10.00");
            products.add(product);
            shop.setStock(product, outlet, 50);
        }
        awaitEveryLevel(broken, Duration.ofSeconds(20));

        List<Duration> healthyLags = new ArrayList<>();
        Fault fault = broken.lay(Fault.serverErrors(WooCommerceSimulator.PRODUCTS));
        healthyLags.addAll(sellWhileFaulty(Duration.ofSeconds(3)));
        broken.heal(fault);
        fault = broken.lay(Fault.answerLate(WooCommerceSimulator.PRODUCTS, Duration.ofSeconds(3)));
        healthyLags.addAll(sellWhileFaulty(Duration.ofSeconds(4)));
        broken.heal(fault);
        fault = broken.lay(Fault.throttled(WooCommerceSimulator.PRODUCTS, Duration.ofSeconds(2)));
        healthyLags.addAll(sellWhileFaulty(Duration.ofSeconds(3)));
        broken.heal(fault);

        awaitEveryLevel(broken, Duration.ofSeconds(90));
        awaitEveryLevel(healthy, Duration.ofSeconds(10));
        List<Integer> answers =
                broken.received("POST", BATCH).stream().map(Call::status).toList();
        System.out.printf(
                "sync faults: the broken store answered %s; the healthy store had each change within %s%n",
                answers, healthyLags.stream().max(Duration::compareTo).orElseThrow());
        assertThat(answers).contains(500, 429);
        assertThat(healthyLags).allSatisfy(lag -> assertThat(lag).isLessThan(Duration.ofSeconds(5)));
        for (String sku : skus) {
            assertThat(broken.levelsWritten(sku))
                    .as("the levels of %s, in the order the store took them", sku)
                    .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        }
        Set<String> outcomes = new HashSet<>();
        List<String> answersLogged = new ArrayList<>();
        admin.get("/api/v1/channels/" + brokenChannel + "/activity?limit=200")
                .json()
                .path("items")
                .forEach(e -> {
                    outcomes.add(e.path("outcome").asText());
                    answersLogged.add(e.path("http_status").asText() + " "
                            + e.path("answer").asText());
                });
        assertThat(outcomes).contains("retrying", "succeeded");
        assertThat(answersLogged)
                .anySatisfy(a -> assertThat(a).startsWith("500 ").contains("critical error"))
                .anySatisfy(a -> assertThat(a).contains("did not answer in time"))
                .anySatisfy(a -> assertThat(a).startsWith("429 "));
        JsonNode health =
                admin.get("/api/v1/channels/" + brokenChannel + "/health").json();
        assertThat(health.path("failures_last_hour").asLong()).isPositive();
        assertThat(health.path("outbox_depth").asLong()).isZero();
    }

    /**
     * Sells one unit of each product in turn for {@code duration}; answers how long the healthy store took to show each
     * sale's level.
     */
    private List<Duration> sellWhileFaulty(Duration duration) {
        List<Duration> lags = new ArrayList<>();
        Instant until = Instant.now().plus(duration);
        int i = 0;
        while (Instant.now().isBefore(until)) {
            String product = products.get(i % PRODUCTS);
            String sku = skus.get(i % PRODUCTS);
            assertThat(shop.inStoreSale(outlet, register, product, 1).status()).isEqualTo(201);
            Instant sold = Instant.now();
            long level = shop.stockLevel(product, outlet);
            await(
                    () -> healthy.stock(sku).filter(s -> s == level).isPresent() ? Boolean.TRUE : null,
                    "the healthy store to show " + level);
            lags.add(Duration.between(sold, Instant.now()));
            sleep(Duration.ofMillis(200));
            i++;
        }
        return lags;
    }

    private void awaitEveryLevel(WooCommerceSimulator store, Duration within) {
        Instant deadline = Instant.now().plus(within);
        List<Long> ours = products.stream().map(p -> shop.stockLevel(p, outlet)).toList();
        while (true) {
            List<Long> theirs =
                    skus.stream().map(sku -> store.stock(sku).orElse(-1L)).toList();
            if (theirs.equals(ours)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                assertThat(theirs).as("the store's stock, product by product").isEqualTo(ours);
            }
            sleep(Duration.ofMillis(100));
        }
    }
}
