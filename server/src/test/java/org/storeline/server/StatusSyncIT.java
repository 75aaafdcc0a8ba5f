package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.StockSyncIT.await;
import static org.storeline.server.StockSyncIT.sleep;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.Stores;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;
import org.storeline.simulators.Call;
import org.storeline.simulators.Plan;
import org.storeline.simulators.WooCommerceSimulator;

/**
 * Status out to WooCommerce (the STS table's column): an order shipped or picked up here becomes completed on the
 * store, a split order only once both outlets are done (FUL-7); packing, a payment or a cancellation here sends it
 * nothing (WooCommerce has no word for them); an order the store cancelled meanwhile is refused, retryable by hand;
 * the orders of a store unlinked and linked again are told through its new channel (SOR-5).
 */
class StatusSyncIT {
    private static final AtomicLong ORDER_IDS =
            new AtomicLong(System.currentTimeMillis() % 1_000_000_000L + 50_000_000);
    private static final String ORDERS = "/wp-json/wc/v3/orders/";

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private final WooCommerceSimulator store = Stores.wooCommerce();
    private final String outletA = shop.outlet("Status A");
    private final String outletB = shop.outlet("Status B");
    private final String registerA = shop.openRegister(outletA);
    private final String channel =
            shop.wooChannel(registerA, List.of(outletA, outletB), Map.of("Pickup at B", outletB), store);
    private final String tee = Shop.unique("TEE");
    private final String mug = Shop.unique("MUG");

    StatusSyncIT() {
        shop.setStock(shop.productWithSku(tee, "10.00"), outletA, 10);
        shop.setStock(shop.productWithSku(mug, "10.00"), outletB, 10);
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    @Test
    void anOrderShippedHereIsCompletedOnTheStoreOnceAndPackingSendsNothing() {
        long id = ORDER_IDS.incrementAndGet();
        placed(id);
        JsonNode sale =
                imported(order(id).line(tee, 1, "10.00", "10.00", "0.00").totals("10.00", "0.00"));
        JsonNode fulfillment = fulfillmentsOf(sale).getFirst();

        assertThat(act(fulfillment, "pack").status()).isEqualTo(200);
        sleep(Duration.ofSeconds(1));
        assertThat(store.received("GET", ORDERS + id).size()
                        + store.received("PUT", ORDERS + id).size())
                .as("packed: nothing to tell WooCommerce")
                .isZero();
        ApiClient.Response shipped =
                act(fulfillment, "ship", Map.of("tracking", Map.of("number", "3SABC123", "company", "PostNL")));
        assertThat(shipped.status()).as(shipped.text()).isEqualTo(200);

        awaitStatus(id, "completed");
        assertThat(orderWrites(id)).containsExactly("{\"status\":\"completed\"}");
        JsonNode sent = await(() -> statusEntry("PUT " + ORDERS + id), "the completion in the activity log");
        assertThat(sent.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(sent.path("http_status").asInt()).isEqualTo(200);
        assertThat(sent.path("external_order_id").asText()).isEqualTo(String.valueOf(id));
        assertThat(sent.path("sale_id").asText()).isEqualTo(sale.path("id").asText());
        assertThat(sent.path("answer").asText()).contains("\"completed\"");
    }

    @Test
    void aSplitOrderIsCompletedOnlyAfterBothOutletsShipped() {
        long id = ORDER_IDS.incrementAndGet();
        placed(id);
        JsonNode sale = imported(order(id)
                .line(tee, 1, "10.00", "10.00", "0.00")
                .line(mug, 1, "10.00", "10.00", "0.00")
                .totals("20.00", "0.00"));
        List<JsonNode> fulfillments = fulfillmentsOf(sale);
        assertThat(fulfillments).hasSize(2);

        act(fulfillments.get(0), "pack");
        act(fulfillments.get(0), "ship", Map.of());
        sleep(Duration.ofSeconds(1));
        assertThat(statusOnTheStore(id)).as("one outlet of two shipped").isEqualTo("processing");
        act(fulfillments.get(1), "pack");
        act(fulfillments.get(1), "ship", Map.of());

        awaitStatus(id, "completed");
        assertThat(orderWrites(id)).hasSize(1);
    }

    @Test
    void aPickupPickedUpHereIsCompletedOnTheStore() {
        long id = ORDER_IDS.incrementAndGet();
        placed(id);
        JsonNode sale = imported(order(id)
                .line(mug, 1, "10.00", "10.00", "0.00")
                .shipping("local_pickup", "Pickup at B", "0.00", "0.00")
                .totals("10.00", "0.00"));
        JsonNode pickup = fulfillmentsOf(sale).getFirst();
        assertThat(pickup.path("type").asText()).isEqualTo("pickup");

        act(pickup, "pack");
        assertThat(act(pickup, "pickup").status()).isEqualTo(200);

        awaitStatus(id, "completed");
    }

    @Test
    void anOrderTheStoreCancelledMeanwhileIsRefusedNotCompletedAndCanBeRetriedByHand() {
        long id = ORDER_IDS.incrementAndGet();
        placed(id);
        JsonNode sale =
                imported(order(id).line(tee, 1, "10.00", "10.00", "0.00").totals("10.00", "0.00"));
        JsonNode fulfillment = fulfillmentsOf(sale).getFirst();
        store.changeStatus(String.valueOf(id), "cancelled");

        act(fulfillment, "pack");
        act(fulfillment, "ship", Map.of());

        JsonNode refused = await(
                () -> entries().stream()
                        .filter(e -> e.path("kind").asText().equals("status"))
                        .filter(e -> e.path("outcome").asText().equals("refused"))
                        .findFirst()
                        .orElse(null),
                "the refusal in the activity log");
        assertThat(refused.path("reason").asText()).contains("cancelled on the store");
        assertThat(refused.path("retryable").asBoolean()).isTrue();
        assertThat(orderWrites(id)).isEmpty();
        store.changeStatus(String.valueOf(id), "on-hold");
        ApiClient.Response retried = admin.post(
                "/api/v1/channels/" + channel + "/activity/"
                        + refused.path("id").asText() + "/retry",
                "");
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(retried.json().path("result").asText()).contains("1 change(s) queued");

        awaitStatus(id, "completed");
        assertThat(admin.post(
                                "/api/v1/channels/" + channel + "/activity/"
                                        + refused.path("id").asText() + "/retry",
                                "")
                        .errorCode())
                .isEqualTo("not_retryable");
    }

    @Test
    void anOrderImportedBeforeTheStoreWasLinkedAgainIsCompletedThroughTheNewChannel() {
        long id = ORDER_IDS.incrementAndGet();
        placed(id);
        JsonNode sale =
                imported(order(id).line(tee, 1, "10.00", "10.00", "0.00").totals("10.00", "0.00"));
        JsonNode fulfillment = fulfillmentsOf(sale).getFirst();
        assertThat(admin.delete("/api/v1/channels/" + channel).status()).isEqualTo(200);
        String again = relink();

        act(fulfillment, "pack");
        act(fulfillment, "ship", Map.of());

        awaitStatus(id, "completed");
        JsonNode sent =
                await(() -> statusEntry(again, "PUT " + ORDERS + id), "the completion in the new channel's log");
        assertThat(sent.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(statusEntry(channel, "PUT " + ORDERS + id)).isNull();
    }

    @Test
    void aChangeMadeWhileTheStoreWasUnlinkedWaitsAndGoesThroughTheChannelThatLinksItAgain() {
        long id = ORDER_IDS.incrementAndGet();
        placed(id);
        JsonNode sale =
                imported(order(id).line(tee, 1, "10.00", "10.00", "0.00").totals("10.00", "0.00"));
        JsonNode fulfillment = fulfillmentsOf(sale).getFirst();
        assertThat(admin.delete("/api/v1/channels/" + channel).status()).isEqualTo(200);

        act(fulfillment, "pack");
        act(fulfillment, "ship", Map.of());
        sleep(Duration.ofSeconds(1));
        assertThat(statusOnTheStore(id)).as("no channel links the store").isEqualTo("processing");
        String again = relink();

        awaitStatus(id, "completed");
        assertThat(orderWrites(id)).containsExactly("{\"status\":\"completed\"}");
        assertThat(await(() -> statusEntry(again, "PUT " + ORDERS + id), "the completion in the new channel's log")
                        .path("outcome")
                        .asText())
                .isEqualTo("succeeded");
    }

    /** The same store linked again (SOR-5): its sales' status changes go through this channel now. */
    private String relink() {
        String again = shop.wooChannel(registerA, List.of(outletA, outletB), Map.of("Pickup at B", outletB), store);
        assertThat(admin.get("/api/v1/channels/" + again)
                        .json()
                        .path("store_id")
                        .asText())
                .isEqualTo(admin.get("/api/v1/channels/" + channel)
                        .json()
                        .path("store_id")
                        .asText());
        return again;
    }

    /** The order as the store knows it, paid online and "processing"; the test delivers its webhook itself. */
    private void placed(long id) {
        store.placeOrder(
                String.valueOf(id),
                new Plan(
                        List.of(new Plan.Line(tee, "Tee", 1, new BigDecimal("10.00"))),
                        Plan.Payment.ONLINE,
                        false,
                        "",
                        new Plan.Customer("Ann", "Buyer", "ann@example.com", "Meir 1", "2000", "Antwerpen")));
    }

    private String statusOnTheStore(long id) {
        return store.orderStatus(String.valueOf(id)).orElseThrow();
    }

    /** The bodies of the writes to the order, in order. */
    private List<String> orderWrites(long id) {
        return store.received("PUT", ORDERS + id).stream().map(Call::body).toList();
    }

    private static WooCommerceOrders order(long id) {
        return WooCommerceOrders.order(id).status("processing");
    }

    private JsonNode imported(WooCommerceOrders order) {
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

    private List<JsonNode> fulfillmentsOf(JsonNode sale) {
        List<JsonNode> found = new ArrayList<>();
        admin.get("/api/v1/fulfillments?status=any&sale_id=" + sale.path("id").asText())
                .json()
                .path("items")
                .forEach(found::add);
        return found;
    }

    private ApiClient.Response act(JsonNode fulfillment, String action) {
        return act(fulfillment, action, "");
    }

    private ApiClient.Response act(JsonNode fulfillment, String action, Object body) {
        ApiClient.Response response =
                admin.post("/api/v1/fulfillments/" + fulfillment.path("id").asText() + "/" + action, body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response;
    }

    private void awaitStatus(long id, String status) {
        await(
                () -> status.equals(statusOnTheStore(id)) ? Boolean.TRUE : null,
                "order " + id + " to be " + status + " on the store (it is " + statusOnTheStore(id) + ")");
    }

    private List<JsonNode> entries() {
        return entries(channel);
    }

    private List<JsonNode> entries(String ofChannel) {
        List<JsonNode> entries = new ArrayList<>();
        admin.get("/api/v1/channels/" + ofChannel + "/activity?limit=100")
                .json()
                .path("items")
                .forEach(entries::add);
        return entries;
    }

    private JsonNode statusEntry(String request) {
        return statusEntry(channel, request);
    }

    private JsonNode statusEntry(String ofChannel, String request) {
        return entries(ofChannel).stream()
                .filter(e -> e.path("request").asText().equals(request))
                .findFirst()
                .orElse(null);
    }
}
