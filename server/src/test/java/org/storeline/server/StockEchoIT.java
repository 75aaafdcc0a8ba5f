package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.StockSyncIT.await;
import static org.storeline.server.StockSyncIT.sleep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.Stores;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;
import org.storeline.simulators.WooCommerceSimulator;

/**
 * Stock in (SOR-3: Storeline is the record of stock): WooCommerce's {@code product.updated} webhook, which fires for
 * our own stock push as for an edit in the store's admin. Our push echoing back schedules nothing (the store receives
 * exactly one level update); a level edited in the store is set back to ours and logged with both levels; a webhook
 * for a product Storeline does not sell there is kept and marked ignored.
 */
class StockEchoIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Long enough for the sync worker to have sent anything a delivery scheduled (it wakes within 250 ms). */
    private static final Duration QUIET = Duration.ofMillis(1500);

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private final WooCommerceSimulator store = Stores.wooCommerce();
    private final String outletA = shop.outlet("Echo A");
    private final String outletB = shop.outlet("Echo B");
    private final String channel = shop.wooChannel(shop.register(outletA), List.of(outletA, outletB), Map.of(), store);

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    @Test
    void ourOwnPushEchoingBackSchedulesNothing() {
        String sku = Shop.unique("ECHO");
        long wooId = Stores.listed(store, sku);
        String product = shop.productWithSku(sku, "10.00");
        shop.setStock(product, outletA, 4);
        shop.setStock(product, outletB, 3);
        awaitStock(sku, 7);
        // The second change may have found the first push in flight: its own push (7 again) lands a moment later.
        sleep(QUIET);
        int writes = store.levelsWritten(sku).size();

        String delivery = deliverProductUpdated(wooId, sku, 7);

        JsonNode echo = awaitEntry("stock", delivery);
        assertThat(echo.path("outcome").asText()).isEqualTo("skipped");
        assertThat(echo.path("reason").asText()).contains(sku + " shows 7 on the platform, 7 here");
        sleep(QUIET);
        assertThat(store.levelsWritten(sku)).hasSize(writes).last().isEqualTo(7L);
    }

    @Test
    void aLevelEditedInTheStoreIsSetBackToOursAndLoggedAndTheEchoOfThatEndsIt() {
        String sku = Shop.unique("HAND");
        long wooId = Stores.listed(store, sku);
        String product = shop.productWithSku(sku, "10.00");
        shop.setStock(product, outletA, 5);
        awaitStock(sku, 5);
        int writes = store.levelsWritten(sku).size();

        store.editStock(sku, 2);
        String delivery = deliverProductUpdated(wooId, sku, 2);

        awaitStock(sku, 5);
        assertThat(store.levelsWritten(sku)).hasSize(writes + 1).last().isEqualTo(5L);
        JsonNode setBack = awaitEntry("stock", delivery);
        assertThat(setBack.path("outcome").asText()).isEqualTo("not_applied");
        assertThat(setBack.path("reason").asText())
                .contains(sku + " was changed on the platform to 2")
                .contains("set back to ours, 5");
        assertThat(shop.stockLevel(product, outletA)).isEqualTo(5);

        // The push that set it back fires product.updated in its turn: ours again, so it ends there.
        String echo = deliverProductUpdated(wooId, sku, 5);
        assertThat(awaitEntry("stock", echo).path("outcome").asText()).isEqualTo("skipped");
        sleep(QUIET);
        assertThat(store.levelsWritten(sku)).hasSize(writes + 1);
    }

    @Test
    void aWebhookForAProductStorelineDoesNotSellThereIsKeptAndMarkedIgnored() {
        String sku = Shop.unique("THEIRS");
        long wooId = Stores.listed(store, sku);

        String delivery = deliverProductUpdated(wooId, sku, 9);

        JsonNode ignored = awaitEntry("fetch", delivery);
        assertThat(ignored.path("outcome").asText()).isEqualTo("ignored");
        assertThat(ignored.path("reason").asText())
                .contains("product.updated")
                .contains("no product Storeline sells on this channel")
                .contains("product_id=" + wooId);
        sleep(QUIET);
        assertThat(store.levelsWritten(sku)).isEmpty();
    }

    private String deliverProductUpdated(long wooId, String sku, long stock) {
        return deliverProductUpdated(admin, channel, wooId, sku, stock);
    }

    /**
     * WooCommerce's product.updated for a simple product whose stock it manages, the product as its API shows it,
     * delivered to the channel; the delivery's id.
     */
    static String deliverProductUpdated(ApiClient admin, String channel, long wooId, String sku, long stock) {
        ObjectNode product = JSON.createObjectNode()
                .put("id", wooId)
                .put("name", "Product " + sku)
                .put("type", "simple")
                .put("status", "publish")
                .put("sku", sku)
                .put("price", "10.00")
                .put("regular_price", "10.00")
                .put("manage_stock", true)
                .put("stock_quantity", stock)
                .put("stock_status", stock > 0 ? "instock" : "outofstock")
                .put("parent_id", 0);
        product.putArray("variations");
        byte[] body = product.toString().getBytes(StandardCharsets.UTF_8);
        ApiClient.Response answer = admin.as(null)
                .send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/webhooks/" + channel))
                        .header("Content-Type", "application/json")
                        .header("X-WC-Webhook-Topic", "product.updated")
                        .header("X-WC-Webhook-Resource", "product")
                        .header("X-WC-Webhook-Event", "updated")
                        .header("X-WC-Webhook-ID", "32")
                        .header("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString())
                        .header("X-WC-Webhook-Signature", WooCommerceOrders.sign(body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().path("delivery_id").asText();
    }

    private void awaitStock(String sku, long level) {
        await(
                () -> store.stock(sku).filter(s -> s == level).isPresent() ? Boolean.TRUE : null,
                "the store's stock of " + sku + " to be " + level + " (it is " + store.stock(sku) + ")");
    }

    /** The channel's activity entry of this kind about the delivery, once there. */
    private JsonNode awaitEntry(String kind, String deliveryId) {
        return await(
                () -> {
                    List<JsonNode> entries = new ArrayList<>();
                    admin.get("/api/v1/channels/" + channel + "/activity?limit=100")
                            .json()
                            .path("items")
                            .forEach(e -> {
                                if (e.path("kind").asText().equals(kind)
                                        && e.path("delivery_id").asText().equals(deliveryId)) {
                                    entries.add(e);
                                }
                            });
                    return entries.isEmpty() ? null : entries.getFirst();
                },
                "a " + kind + " entry about delivery " + deliveryId);
    }
}
