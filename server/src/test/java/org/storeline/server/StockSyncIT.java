package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.Stores;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;
import org.storeline.simulators.Call;
import org.storeline.simulators.WooCommerceSimulator;

/**
 * Stock out (SOR-3, BYD-3): every change of on-hand at a channel's outlets reaches the WooCommerce store as the
 * absolute level summed over the channel's outlets, whoever made it (a count, an in-store sale, an online order, a
 * return, a cancellation); a burst reaches it as few requests, the last level last; a product the store does not sell
 * is looked up once and sends nothing; a change of the channel's outlets sends the level summed over its new ones.
 */
class StockSyncIT {
    private static final AtomicLong ORDER_IDS =
            new AtomicLong(System.currentTimeMillis() % 1_000_000_000L + 40_000_000);

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private final WooCommerceSimulator store = Stores.wooCommerce();
    private final String outletA = shop.outlet("Sync A");
    private final String outletB = shop.outlet("Sync B");
    private final String register = shop.openRegister(outletA);

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    @Test
    void aCountAndAnInStoreSaleSendTheLevelSummedOverTheChannelsOutlets() {
        String channel = channel(List.of(outletA, outletB));
        String sku = Shop.unique("TEE");
        Stores.listed(store, sku);
        String product = shop.productWithSku(sku, "10.00");

        shop.setStock(product, outletA, 5);
        shop.setStock(product, outletB, 3);
        awaitStock(sku, 8);
        assertThat(shop.inStoreSale(outletA, register, product, 2).status()).isEqualTo(201);

        awaitStock(sku, 6);
        assertThat(store.levelsWritten(sku)).last().isEqualTo(6L);
        // The entry is written just after the store answered: wait for the one that sent 6.
        JsonNode sent = await(
                () -> activity(channel, "stock").stream()
                        .filter(e -> e.path("reason").asText().contains(sku + ": 6"))
                        .findFirst()
                        .orElse(null),
                "the activity entry of the level 6");
        assertThat(sent.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(sent.path("request").asText()).isEqualTo("POST /wp-json/wc/v3/products/batch");
        assertThat(sent.path("http_status").asInt()).isEqualTo(200);
        assertThat(sent.path("reason").asText()).contains(sku + ": 6");
        assertThat(sent.path("answer").asText()).contains("\"stock_quantity\":6");
    }

    @Test
    void aNewChannelsWebhookRegistrationAndItsFirstLevelsShareTheStoresBudget() {
        List<String> skus = new ArrayList<>();
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String sku = Shop.unique("REG");
            Stores.listed(store, sku);
            products.add(shop.productWithSku(sku, "10.00"));
            skus.add(sku);
        }

        String channel = channel(List.of(outletA));
        for (int i = 0; i < products.size(); i++) {
            shop.setStock(products.get(i), outletA, i + 1);
        }

        for (int i = 0; i < skus.size(); i++) {
            awaitStock(skus.get(i), i + 1);
        }
        await(
                () -> admin.get("/api/v1/channels/" + channel)
                                .json()
                                .path("connection")
                                .path("status")
                                .asText()
                                .equals("connected")
                        ? Boolean.TRUE
                        : null,
                "the channel's webhooks registered");
        List<Call> received = store.received();
        assertThat(received).as("registration and first levels").hasSizeGreaterThan(5);
        assertThat(Stores.mostInAnySecond(
                        received.stream().map(Call::arrivedNanos).toList()))
                .as("WooCommerce's 5 a second, registration's requests included: " + received)
                .isLessThanOrEqualTo(5);
    }

    @Test
    void aNewlyLinkedChannelIsSentTheLevelOfEveryProductStockedAtItsOutletsZeroIncluded() {
        String stocked = Shop.unique("LINKED");
        String soldOut = Shop.unique("SOLDOUT");
        // The store counts its own stock until Storeline, the system of record, sends ours.
        store.addProduct(stocked, "Product " + stocked, new BigDecimal("10.00"), 40);
        store.addProduct(soldOut, "Product " + soldOut, new BigDecimal("10.00"), 40);
        String product = shop.productWithSku(stocked, "10.00");
        String gone = shop.productWithSku(soldOut, "10.00");
        shop.setStock(product, outletA, 5);
        shop.setStock(product, outletB, 3);
        shop.setStock(gone, outletA, 2);
        shop.setStock(gone, outletA, 0);

        channel(List.of(outletA, outletB));

        awaitStock(stocked, 8);
        awaitStock(soldOut, 0);
    }

    @Test
    void anOnlineOrderAReturnAndACancellationEachSendTheLevel() {
        String channel = channel(List.of(outletA));
        String sku = Shop.unique("MUG");
        Stores.listed(store, sku);
        String product = shop.productWithSku(sku, "10.00");
        shop.setStock(product, outletA, 10);
        awaitStock(sku, 10);

        JsonNode sale = imported(channel, order(sku, 3));
        awaitStock(sku, 7);
        ApiClient.Response returned = admin.post(
                "/api/v1/sales/" + sale.path("id").asText() + "/returns",
                Map.of(
                        "lines",
                        List.of(Map.of(
                                "line_id", sale.path("lines").get(0).path("id").asText(), "quantity", 1))));
        assertThat(returned.status()).as(returned.text()).isEqualTo(201);
        awaitStock(sku, 8);
        JsonNode second = imported(channel, order(sku, 4));
        awaitStock(sku, 4);
        ApiClient.Response cancelled =
                admin.post("/api/v1/sales/" + second.path("id").asText() + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);

        awaitStock(sku, 8);
        assertThat(shop.stockLevel(product, outletA)).isEqualTo(8);
    }

    @Test
    void aBurstOfChangesToOneProductReachesTheStoreAsFewRequestsWithTheLastLevelLast() {
        channel(List.of(outletA));
        String sku = Shop.unique("BURST");
        Stores.listed(store, sku);
        String product = shop.productWithSku(sku, "10.00");
        shop.setStock(product, outletA, 100);
        awaitStock(sku, 100);
        int before = store.levelsWritten(sku).size();

        for (int i = 1; i <= 40; i++) {
            assertThat(shop.inStoreSale(outletA, register, product, 1).status()).isEqualTo(201);
        }

        awaitStock(sku, 60);
        List<Long> writes = store.levelsWritten(sku)
                .subList(before, store.levelsWritten(sku).size());
        System.out.printf("stock burst: 40 sales reached the store as %d level updates%n", writes.size());
        assertThat(writes).hasSizeLessThan(40).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(writes).last().isEqualTo(60L);
    }

    @Test
    void eachChangeReachesTheStoreWithinAFractionOfASecond() {
        channel(List.of(outletA));
        String sku = Shop.unique("FAST");
        Stores.listed(store, sku);
        String product = shop.productWithSku(sku, "10.00");
        shop.setStock(product, outletA, 1000);
        awaitStock(sku, 1000);
        List<Long> millis = new ArrayList<>();

        for (int level = 999; level > 969; level--) {
            long sent = System.nanoTime();
            shop.setStock(product, outletA, level);
            awaitStock(sku, level);
            millis.add((firstWriteOf(sku, level) - sent) / 1_000_000);
        }

        List<Long> sorted = millis.stream().sorted().toList();
        long p50 = sorted.get(sorted.size() / 2);
        long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        System.out.printf(
                "stock latency: from the request that changed the level to the store taking it, %d changes: "
                        + "p50 %d ms, p95 %d ms, max %d ms%n",
                sorted.size(), p50, p95, sorted.getLast());
        // The target is 500 ms; the bound is loose so that a loaded build machine does not fail it.
        assertThat(p95).isLessThan(2_000);
    }

    @Test
    void aLevelBelowZeroIsSentAsZeroAndAProductTheStoreDoesNotSellSendsNothing() {
        String channel = channel(List.of(outletA));
        String sku = Shop.unique("NEG");
        Stores.listed(store, sku);
        String product = shop.productWithSku(sku, "10.00");
        String unsold = shop.productWithSku(Shop.unique("LOCAL"), "4.00");

        shop.setStock(unsold, outletA, 4);
        shop.setStock(product, outletA, -2);

        awaitStock(sku, 0);
        JsonNode lookUp = await(
                () -> activity(channel, "listing").stream()
                        .filter(e -> e.path("reason").asText().contains("not sold there"))
                        .findFirst()
                        .orElse(null),
                "the look-up that found the local product missing");
        assertThat(lookUp.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(store.stockRequests()).isEqualTo(1);
    }

    @Test
    void aChannelOfOtherOutletsIsNotSentTheirStock() {
        // Its online register at B: the register's outlet is always one of the channel's.
        shop.wooChannel(shop.register(outletB), List.of(outletB), Map.of(), store);
        String sku = Shop.unique("ELSEWHERE");
        Stores.listed(store, sku);
        String product = shop.productWithSku(sku, "10.00");
        shop.setStock(product, outletB, 2);
        awaitStock(sku, 2);

        shop.setStock(product, outletA, 50);
        shop.setStock(product, outletB, 1);

        awaitStock(sku, 1);
        assertThat(store.levelsWritten(sku)).containsExactly(2L, 1L);
    }

    @Test
    void changingTheChannelsOutletsSendsTheLevelSummedOverItsNewOutlets() {
        String channel = channel(List.of(outletA));
        String sku = Shop.unique("MOVE");
        Stores.listed(store, sku);
        String product = shop.productWithSku(sku, "10.00");
        shop.setStock(product, outletA, 5);
        awaitStock(sku, 5);
        shop.setStock(product, outletB, 3);

        ApiClient.Response both =
                admin.patch("/api/v1/channels/" + channel, Map.of("outlet_ids", List.of(outletA, outletB)));
        assertThat(both.status()).as(both.text()).isEqualTo(200);
        awaitStock(sku, 8);
        // The online register's outlet is always one of the channel's: B's register goes with B alone.
        ApiClient.Response onlyB = admin.patch(
                "/api/v1/channels/" + channel,
                Map.of("outlet_ids", List.of(outletB), "register_id", shop.register(outletB)));
        assertThat(onlyB.status()).as(onlyB.text()).isEqualTo(200);

        awaitStock(sku, 3);
        assertThat(store.levelsWritten(sku)).containsExactly(5L, 8L, 3L);
        assertThat(activity(channel, "stock").getFirst().path("reason").asText())
                .contains(sku + ": 3");
    }

    private String channel(List<String> outlets) {
        return shop.wooChannel(register, outlets, Map.of(), store);
    }

    private static WooCommerceOrders order(String sku, int quantity) {
        String total = quantity * 10 + ".00";
        return WooCommerceOrders.order(ORDER_IDS.incrementAndGet())
                .status("processing")
                .line(sku, quantity, total, total, "0.00")
                .totals(total, "0.00");
    }

    private JsonNode imported(String channel, WooCommerceOrders order) {
        assertThat(order.deliver(admin, channel, "order.created").status()).isEqualTo(200);
        String externalId = order.json().replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1");
        return await(
                () -> {
                    JsonNode items = admin.get(
                                    "/api/v1/sales?channel_id=" + channel + "&external_order_id=" + externalId)
                            .json()
                            .path("items");
                    return items.isEmpty() ? null : items.get(0);
                },
                "order " + externalId + " to become a sale");
    }

    private void awaitStock(String sku, long level) {
        await(
                () -> store.stock(sku).filter(s -> s == level).isPresent() ? Boolean.TRUE : null,
                "the store's stock of " + sku + " to be " + level + " (it is " + store.stock(sku) + ")");
    }

    /** When ({@link System#nanoTime}) the request that first wrote this level of the product reached the store. */
    private long firstWriteOf(String sku, long level) {
        return store.stockWrites(sku).stream()
                .filter(w -> w.level() == level)
                .findFirst()
                .orElseThrow()
                .arrivedNanos();
    }

    /** The channel's activity entries of this kind, newest first. */
    private List<JsonNode> activity(String channel, String kind) {
        List<JsonNode> entries = new ArrayList<>();
        admin.get("/api/v1/channels/" + channel + "/activity?limit=100")
                .json()
                .path("items")
                .forEach(e -> {
                    if (e.path("kind").asText().equals(kind)) {
                        entries.add(e);
                    }
                });
        return entries;
    }

    static <T> T await(Supplier<T> probe, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("Timed out waiting for " + what);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
