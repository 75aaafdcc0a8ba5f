package org.storeline.server;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.OrderImportScenarioIT.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.Stores;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;
import org.storeline.simulators.WooCommerceSimulator;

/**
 * Safe relinking (SOR-5, BYD-5): a WooCommerce store (played by WireMock) whose channel imported orders is unlinked
 * and linked again; importing its whole order history again and redelivering its webhooks makes no second sale, and
 * the platform products matched before stay matched, once. With a simulated store: the sync's listings carry over, so
 * the new channel's first levels look nothing up by SKU and a stock webhook finds our product.
 */
class ChannelRelinkIT {
    private static final AtomicLong ORDER_IDS = new AtomicLong(8_000_000_000L + System.nanoTime() % 1_000_000_000L);
    private static final String WOO_ORDERS = "/wp-json/wc/v3/orders";

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private WireMockServer platform;
    private String outlet;
    private String register;
    private String sku;
    private String product;

    @BeforeEach
    void aWooCommerceStoreAndAnOutletThatSellsOneProduct() {
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
        outlet = shop.outlet("Relink");
        register = shop.register(outlet);
        sku = Shop.unique("REL");
        product = shop.productWithSku(sku, "10.00");
        shop.setStock(product, outlet, 100);
    }

    @AfterEach
    void stopThePlatform() {
        platform.stop();
    }

    @Test
    void aStoreLinkedAgainImportsItsHistoryAndRedeliveredWebhooksWithoutASecondSaleOrProductLink() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String first = wooChannel();
        WooCommerceOrders hooked1 = order(now.minusSeconds(900));
        WooCommerceOrders hooked2 = order(now.minusSeconds(800));
        WooCommerceOrders pulled = order(now.minusSeconds(700));
        deliver(first, hooked1);
        deliver(first, hooked2);
        stubHistory(List.of(pulled));
        assertThat(importRange(first, now).path("imported").asInt()).isEqualTo(1);
        awaitSale(first, hooked1);
        awaitSale(first, hooked2);
        long stockBefore = shop.stockLevel(product, outlet);
        assertThat(stockBefore).isEqualTo(97);
        String store =
                admin.get("/api/v1/channels/" + first).json().path("store_id").asText();
        assertThat(links(store)).isEqualTo(1);

        assertThat(admin.delete("/api/v1/channels/" + first).status()).isEqualTo(200);
        String again = wooChannel();
        JsonNode relinked = admin.get("/api/v1/channels/" + again).json();

        assertThat(again).isNotEqualTo(first);
        // A new channel, checked as any: the old one's unlinked connection is not carried over.
        assertThat(relinked.path("connection").path("status").asText()).isIn("pending", "connected", "failed");
        assertThat(admin.get("/api/v1/channels/" + first)
                        .json()
                        .path("connection")
                        .path("status")
                        .asText())
                .isEqualTo("unlinked");
        assertThat(relinked.path("store_id").asText()).isEqualTo(store);
        assertThat(relinked.path("store_identity").asText())
                .isEqualTo(URI.create(platform.baseUrl()).getAuthority());
        WooCommerceOrders placedSince = order(now.minusSeconds(60));
        stubHistory(List.of(hooked1, hooked2, pulled, placedSince));
        JsonNode history = importRange(again, now);
        assertThat(history.path("fetched").asInt()).as(history.toString()).isEqualTo(4);
        assertThat(history.path("imported").asInt()).as(history.toString()).isEqualTo(1);
        assertThat(history.path("duplicates").asInt()).as(history.toString()).isEqualTo(3);
        assertThat(deliver(again, hooked1).status()).isEqualTo(200);
        assertThat(deliver(again, hooked2).status()).isEqualTo(200);
        awaitActivity(
                again,
                2,
                e -> e.path("kind").asText().equals("import")
                        && e.path("outcome").asText().equals("ignored"));

        for (WooCommerceOrders order : List.of(hooked1, hooked2, pulled)) {
            assertThat(salesOf(first, order)).as("order " + id(order)).hasSize(1);
            assertThat(salesOf(again, order)).as("order " + id(order)).isEmpty();
        }
        assertThat(salesOf(again, placedSince)).hasSize(1);
        assertThat(shop.stockLevel(product, outlet)).isEqualTo(stockBefore - 1);
        assertThat(links(store)).isEqualTo(1);
    }

    @Test
    void aLineWithoutSkuIsStillMatchedByTheProductLinkLearntBeforeTheRelink() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String first = wooChannel();
        WooCommerceOrders taught = order(now.minusSeconds(120));
        deliver(first, taught);
        awaitSale(first, taught);
        assertThat(admin.delete("/api/v1/channels/" + first).status()).isEqualTo(200);
        String again = wooChannel();

        // The same platform product (product_id 501), its SKU since removed on the platform.
        WooCommerceOrders withoutSku = WooCommerceOrders.order(ORDER_IDS.incrementAndGet())
                .status("processing")
                .line("", 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00")
                .modifiedAt(now.minusSeconds(30));
        deliver(again, withoutSku);
        JsonNode line = awaitSale(again, withoutSku).path("lines").get(0);

        assertThat(line.path("product_id").asText()).isEqualTo(product);
        assertThat(line.path("unmatched").asBoolean()).isFalse();
    }

    @Test
    void anotherStoreOfTheSamePlatformIsNotTakenForTheUnlinkedOne() {
        String first = wooChannel();
        assertThat(admin.delete("/api/v1/channels/" + first).status()).isEqualTo(200);
        String store =
                admin.get("/api/v1/channels/" + first).json().path("store_id").asText();

        String other = shop.wooChannel(register, List.of(outlet), Map.of(), false, platform.baseUrl() + "/other-site");
        JsonNode created = admin.get("/api/v1/channels/" + other).json();

        assertThat(created.path("store_id").asText()).isEqualTo(other).isNotEqualTo(store);
    }

    @Test
    void aStoreLinkedAgainKeepsTheListingsMatchedBeforeSoItsFirstLevelsNeedNoLookUpAndItsStockWebhooksFindThem() {
        try (WooCommerceSimulator store = Stores.wooCommerce()) {
            String keptSku = Shop.unique("KEPT");
            long keptId = Stores.listed(store, keptSku);
            String kept = shop.productWithSku(keptSku, "10.00");
            String leftSku = Shop.unique("LEFT");
            Stores.listed(store, leftSku);
            String left = shop.productWithSku(leftSku, "10.00");
            shop.setStock(kept, outlet, 5);
            shop.setStock(left, outlet, 4);
            String first = shop.wooChannel(register, List.of(outlet), Map.of(), store);
            // Every product stocked at the outlet is looked up (this one and the class's, which the store does not
            // sell: "not there" is remembered too), then its level sent.
            awaitLevel(store, keptSku, 5);
            awaitLevel(store, leftSku, 4);
            awaitNoStockTasks(first);
            int lookUps = store.received("GET", WooCommerceSimulator.PRODUCTS).size();
            assertThat(lookUps).isPositive();
            assertThat(admin.delete("/api/v1/channels/" + first).status()).isEqualTo(200);

            // Linked again from another outlet, where the kept product is stocked since; the other is stocked only
            // at the outlet the store no longer sells from.
            String elsewhere = shop.outlet("Relink elsewhere");
            shop.setStock(kept, elsewhere, 7);
            String again = shop.wooChannel(shop.register(elsewhere), List.of(elsewhere), Map.of(), store);

            awaitLevel(store, keptSku, 7);
            awaitNoStockTasks(again);
            assertThat(store.received("GET", WooCommerceSimulator.PRODUCTS))
                    .as("look-ups by SKU after the relink")
                    .hasSize(lookUps);
            assertThat(activity(again, "listing")).isEmpty();
            assertThat(store.stock(leftSku))
                    .as("a listed product no longer stocked")
                    .hasValue(0L);

            // The store's stock webhook names its own product id: found through the listing carried over.
            store.editStock(keptSku, 2);
            String delivery = StockEchoIT.deliverProductUpdated(admin, again, keptId, keptSku, 2);
            JsonNode setBack = StockSyncIT.await(
                    () -> activity(again, "stock").stream()
                            .filter(e -> e.path("delivery_id").asText().equals(delivery))
                            .findFirst()
                            .orElse(null),
                    "the stock entry of delivery " + delivery);
            assertThat(setBack.path("outcome").asText()).as(setBack.toString()).isEqualTo("not_applied");
            awaitLevel(store, keptSku, 7);
            assertThat(store.levelsWritten(keptSku)).containsExactly(5L, 7L, 7L);
            assertThat(store.levelsWritten(leftSku)).containsExactly(4L, 0L);
        }
    }

    private static void awaitLevel(WooCommerceSimulator store, String sku, long level) {
        StockSyncIT.await(
                () -> store.stock(sku).filter(s -> s == level).isPresent() ? Boolean.TRUE : null,
                "the store's stock of " + sku + " to be " + level + " (it is " + store.stock(sku) + ")");
    }

    /** Waits until every stock task of the channel is sent (a sent one is deleted): its round is over. */
    private static void awaitNoStockTasks(String channel) {
        StockSyncIT.await(
                () -> {
                    try (Connection c = TestStoreline.instance().dataSource().getConnection();
                            PreparedStatement s = c.prepareStatement(
                                    "select count(*) from sync_task where channel_id = ? and kind = 'stock'")) {
                        s.setObject(1, UUID.fromString(channel));
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            return rs.getLong(1) == 0 ? Boolean.TRUE : null;
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                },
                "the stock tasks of channel " + channel + " to be sent");
    }

    /** The channel's activity entries of this kind, newest first. */
    private List<JsonNode> activity(String channel, String kind) {
        return StreamSupport.stream(
                        admin.get("/api/v1/channels/" + channel + "/activity?limit=500")
                                .json()
                                .path("items")
                                .spliterator(),
                        false)
                .filter(e -> e.path("kind").asText().equals(kind))
                .toList();
    }

    private String wooChannel() {
        return shop.wooChannel(register, List.of(outlet), Map.of(), false, platform.baseUrl());
    }

    private WooCommerceOrders order(Instant modified) {
        return WooCommerceOrders.order(ORDER_IDS.incrementAndGet())
                .status("processing")
                .line(sku, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00")
                .modifiedAt(modified);
    }

    private ApiClient.Response deliver(String channel, WooCommerceOrders order) {
        ApiClient.Response answer = order.deliver(admin, channel, "order.created");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer;
    }

    /** The store's order list, one page. */
    private void stubHistory(List<WooCommerceOrders> orders) {
        String body = orders.stream().map(WooCommerceOrders::json).collect(Collectors.joining(",", "[", "]"));
        platform.stubFor(get(urlPathEqualTo(WOO_ORDERS))
                .withQueryParam("page", equalTo("1"))
                .willReturn(okJson(body).withHeader("X-WP-TotalPages", "1")));
    }

    private JsonNode importRange(String channel, Instant now) {
        ApiClient.Response response = admin.post(
                "/api/v1/channels/" + channel + "/import",
                Map.of("since", now.minusSeconds(3600).toString(), "until", now.toString()));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static String id(WooCommerceOrders order) {
        return ChannelUnlinkIT.id(order);
    }

    private JsonNode salesOf(String channel, WooCommerceOrders order) {
        return admin.get("/api/v1/sales?channel_id=" + channel + "&external_order_id=" + id(order))
                .json()
                .path("items");
    }

    private JsonNode awaitSale(String channel, WooCommerceOrders order) {
        return await(
                () -> {
                    JsonNode items = salesOf(channel, order);
                    return items.isEmpty() ? null : items.get(0);
                },
                "a sale for order " + id(order));
    }

    private void awaitActivity(String channel, int count, Predicate<JsonNode> wanted) {
        await(
                () -> {
                    long found = StreamSupport.stream(
                                    admin.get("/api/v1/channels/" + channel + "/activity?limit=500")
                                            .json()
                                            .path("items")
                                            .spliterator(),
                                    false)
                            .filter(wanted)
                            .count();
                    return found >= count
                            ? admin.get("/api/v1/channels/" + channel).json()
                            : null;
                },
                count + " activity entries");
    }

    /** How many product links the store has: one per platform product, whichever channel learnt it. */
    private static long links(String store) throws SQLException {
        try (Connection c = TestStoreline.instance().dataSource().getConnection();
                PreparedStatement s =
                        c.prepareStatement("select count(*) from channel_product_link where store_id = ?")) {
            s.setObject(1, UUID.fromString(store));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
