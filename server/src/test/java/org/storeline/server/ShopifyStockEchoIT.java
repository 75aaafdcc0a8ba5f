package org.storeline.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.StockSyncIT.await;
import static org.storeline.server.StockSyncIT.sleep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * Stock in (SOR-3) on Shopify end to end: {@code inventory_levels/update} fires for our own push as for an edit in the
 * admin. Our push echoing back sends nothing; a level edited in the admin is set back with
 * GraphQL's {@code inventorySetQuantities} and logged; the echo of that ends it.
 */
class ShopifyStockEchoIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/admin/api/2025-01";
    private static final String GRAPHQL = API + "/graphql.json";
    /** Stock goes in the one version whose inventorySetQuantities input stays valid after 2026-04. */
    private static final String STOCK_GRAPHQL = "/admin/api/2026-01/graphql.json";

    private static final String SET_QUANTITIES = "inventorySetQuantities";
    private static final String SECRET = "shopify-stock-client-secret";
    private static final String LOCATION = "24826418";
    private static final String ITEM = "271878346596884015";
    private static final Duration QUIET = Duration.ofMillis(1500);

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private final WireMockServer shopify =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private String outlet;
    private String channel;

    @BeforeEach
    void aShopifyChannel() {
        shopify.start();
        shopify.stubFor(get(urlPathEqualTo(API + "/shop.json"))
                .willReturn(okJson("{\"shop\":{\"id\":548380009,\"name\":\"Echo Store\","
                        + "\"myshopify_domain\":\"echo.myshopify.com\",\"primary_location_id\":" + LOCATION + "}}")));
        shopify.stubFor(post(urlPathEqualTo(API + "/webhooks.json"))
                .willReturn(aResponse().withStatus(201).withBody("{\"webhook\":{\"id\":1}}")));
        shopify.stubFor(post(urlPathEqualTo(STOCK_GRAPHQL))
                .withRequestBody(containing(SET_QUANTITIES))
                .atPriority(1)
                .willReturn(okJson("{\"data\":{\"inventorySetQuantities\":{\"inventoryAdjustmentGroup\":"
                        + "{\"createdAt\":\"2026-12-09T15:00:00Z\",\"reason\":\"correction\",\"changes\":"
                        + "[{\"name\":\"available\",\"delta\":5}]},\"userErrors\":[]}}}")));
        outlet = shop.outlet("Shopify echo");
        ApiClient.Response created = admin.post(
                "/api/v1/channels",
                Map.of(
                        "platform",
                        "shopify",
                        "name",
                        Shop.unique("Shopify"),
                        "base_url",
                        shopify.baseUrl(),
                        "credentials",
                        Map.of("access_token", "shpat_test", "location_id", LOCATION),
                        "webhook_secret",
                        SECRET,
                        "outlet_ids",
                        List.of(outlet),
                        "register_id",
                        shop.register(outlet),
                        "notifications",
                        false));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        channel = created.id();
    }

    @AfterEach
    void stopShopify() {
        shopify.stop();
    }

    @Test
    void ourPushEchoingBackSendsNothingAndALevelEditedInTheAdminIsSetBack() {
        String sku = Shop.unique("SHOPECHO");
        sells(sku);
        String product = shop.productWithSku(sku, "10.00");
        shop.setStock(product, outlet, 6);
        await(() -> levelsSet().contains(6L) ? Boolean.TRUE : null, "Shopify to be sent 6");

        String echo = deliverLevel(6);
        assertThat(awaitEntry(echo).path("outcome").asText()).isEqualTo("skipped");
        sleep(QUIET);
        assertThat(levelsSet()).containsExactly(6L);

        String edited = deliverLevel(1);
        await(() -> levelsSet().size() == 2 ? Boolean.TRUE : null, "the level to be set back");
        assertThat(levelsSet()).containsExactly(6L, 6L);
        JsonNode setBack = awaitEntry(edited);
        assertThat(setBack.path("outcome").asText()).isEqualTo("not_applied");
        assertThat(setBack.path("reason").asText())
                .contains("changed on the platform to 1")
                .contains("ours, 6");

        String echoOfTheSetBack = deliverLevel(6);
        assertThat(awaitEntry(echoOfTheSetBack).path("outcome").asText()).isEqualTo("skipped");
        sleep(QUIET);
        assertThat(levelsSet()).hasSize(2);
    }

    /** Shopify's product-variant search finds the SKU: the variant, its inventory item. */
    private void sells(String sku) {
        shopify.stubFor(post(urlPathEqualTo(GRAPHQL))
                .atPriority(5)
                .willReturn(okJson("{\"data\":{\"productVariants\":{\"edges\":[{\"node\":{"
                        + "\"id\":\"gid://shopify/ProductVariant/808950810\",\"sku\":\"" + sku + "\","
                        + "\"inventoryItem\":{\"id\":\"gid://shopify/InventoryItem/" + ITEM + "\"}}}]}}}")));
    }

    /** The {@code available} quantity of every inventorySetQuantities Shopify received, in order. */
    private List<Long> levelsSet() {
        List<Long> levels = new ArrayList<>();
        shopify.findAll(postRequestedFor(urlPathEqualTo(STOCK_GRAPHQL)).withRequestBody(containing(SET_QUANTITIES)))
                .forEach(request -> {
                    try {
                        levels.add(JSON.readTree(request.getBodyAsString())
                                .path("variables")
                                .path("input")
                                .path("quantities")
                                .get(0)
                                .path("quantity")
                                .asLong());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return levels;
    }

    /** Shopify's inventory_levels/update for our item at our location, signed with the app's client secret. */
    private String deliverLevel(long available) {
        byte[] body = ("{\"inventory_item_id\":" + ITEM + ",\"location_id\":" + LOCATION + ",\"available\":" + available
                        + ",\"updated_at\":\"2026-12-09T10:00:00-05:00\",\"admin_graphql_api_id\":"
                        + "\"gid://shopify/InventoryLevel/" + LOCATION + "?inventory_item_id=" + ITEM + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        ApiClient.Response answer = admin.as(null)
                .send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/webhooks/" + channel))
                        .header("Content-Type", "application/json")
                        .header("X-Shopify-Topic", "inventory_levels/update")
                        .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                        .header("X-Shopify-Hmac-Sha256", WooCommerceOrders.sign(body, SECRET))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().path("delivery_id").asText();
    }

    private JsonNode awaitEntry(String deliveryId) {
        return await(
                () -> {
                    for (JsonNode e : admin.get("/api/v1/channels/" + channel + "/activity?limit=100")
                            .json()
                            .path("items")) {
                        if (e.path("kind").asText().equals("stock")
                                && e.path("delivery_id").asText().equals(deliveryId)) {
                            return e;
                        }
                    }
                    return null;
                },
                "a stock entry about delivery " + deliveryId);
    }
}
