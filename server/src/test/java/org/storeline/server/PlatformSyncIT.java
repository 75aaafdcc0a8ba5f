package org.storeline.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.StockSyncIT.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Payloads;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * Sync out end to end for Shopify, BigCommerce, Ecwid and Lightspeed, through the real sync worker (as
 * {@code StockSyncIT} and {@code StatusSyncIT} show it for WooCommerce): each platform played by WireMock in its own
 * formats. A channel is linked through the public API; an order comes in as the platform delivers it; staff take its
 * payment, pack it and ship it with tracking; then a count changes the product's stock. The platform receives the
 * order's completion in its own words (the STS table) with the tracking where it takes one, and the level; the
 * channel's activity log shows both calls. One Storeline for the class (the JVM's), one fake platform per test.
 */
class PlatformSyncIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L + 70_000_000);
    private static final String SECRET = "platform-sync-secret";
    private static final String TRACKING = "3SPLAT123";
    private static final String CARRIER = "PostNL";

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private WireMockServer platform;
    private String outlet;
    private String register;
    private String sku;
    private String product;

    @BeforeEach
    void anOutletSellingOneProduct() {
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
        outlet = shop.outlet("Platform");
        register = shop.openRegister(outlet);
        sku = Shop.unique("PLAT");
        product = shop.productWithSku(sku, "10.00");
        shop.setStock(product, outlet, 20);
    }

    @AfterEach
    void stopThePlatform() {
        platform.stop();
    }

    @Test
    void shopifyGetsTheFulfillmentWithTrackingAndTheAvailableLevelAtItsLocation() {
        String api = "/admin/api/[^/]+";
        platform.stubFor(
                post(urlPathMatching(api + "/graphql.json")).atPriority(5).willReturn(okJson(shopifyVariant(sku))));
        platform.stubFor(post(urlPathMatching(api + "/graphql.json"))
                .withRequestBody(containing("inventorySetQuantities"))
                .atPriority(1)
                .willReturn(okJson("{\"data\": {\"inventorySetQuantities\": {\"inventoryAdjustmentGroup\":"
                        + " {\"createdAt\": \"2026-12-09T15:00:00Z\", \"reason\": \"correction\", \"changes\":"
                        + " [{\"name\": \"available\", \"delta\": -13}]}, \"userErrors\": []}}}")));
        long orderId = IDS.incrementAndGet();
        platform.stubFor(get(urlPathMatching(api + "/orders/" + orderId + "/fulfillment_orders.json"))
                .willReturn(okJson("{\"fulfillment_orders\": [{\"id\": 1046000823, \"order_id\": " + orderId
                        + ", \"assigned_location_id\": 655441491, \"status\": \"open\"}]}")));
        platform.stubFor(post(urlPathMatching(api + "/fulfillments.json"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"fulfillment\": {\"id\": 255858046, \"status\": \"success\"}}")));
        String channel = channel(
                "shopify", Map.of("access_token", "shpat_platform", "location_id", "655441491"), platform.baseUrl());
        ObjectNode order = payload("shopify-partially-paid-deposit-hkd.json");
        order.put("id", orderId).put("name", "#" + orderId);

        shipped(channel, deliverShopify(channel, order), String.valueOf(orderId));

        LoggedRequest fulfillment = awaitRequest(postRequestedFor(urlPathMatching(api + "/fulfillments.json")));
        JsonNode sent = read(fulfillment.getBodyAsString()).path("fulfillment");
        assertThat(sent.path("line_items_by_fulfillment_order")
                        .get(0)
                        .path("fulfillment_order_id")
                        .asLong())
                .isEqualTo(1046000823L);
        assertThat(sent.path("tracking_info").path("number").asText()).isEqualTo(TRACKING);
        assertThat(sent.path("tracking_info").path("company").asText()).isEqualTo(CARRIER);
        assertThat(sent.path("notify_customer").asBoolean(true)).isFalse();
        assertLogged(channel, "status", "POST /admin/api/", "/fulfillments.json");

        counted(7);
        LoggedRequest level = awaitRequest(postRequestedFor(urlPathMatching(api + "/graphql.json"))
                .withRequestBody(matchingJsonPath("$.variables.input.quantities[0].quantity", equalTo("7"))));
        JsonNode input = read(level.getBodyAsString()).path("variables").path("input");
        assertThat(input.path("name").asText()).isEqualTo("available");
        assertThat(input.path("quantities").get(0).has("changeFromQuantity")).isTrue();
        assertThat(level.getUrl()).startsWith("/admin/api/2026-01/graphql.json");
        assertThat(input.path("quantities").get(0).path("inventoryItemId").asText())
                .isEqualTo("gid://shopify/InventoryItem/808950810");
        assertThat(input.path("quantities").get(0).path("locationId").asText())
                .isEqualTo("gid://shopify/Location/655441491");
        assertLogged(channel, "stock", "POST /admin/api/", "/graphql.json");
    }

    @Test
    void bigCommerceGetsAShipmentWithTrackingAndTheAbsoluteLevel() {
        String hash = "plat" + IDS.incrementAndGet();
        String v2 = "/stores/" + hash + "/v2";
        String v3 = "/stores/" + hash + "/v3";
        String orderId = "218";
        platform.stubFor(get(urlPathEqualTo(v3 + "/catalog/products"))
                .willReturn(okJson("{\"data\": [{\"id\": 111, \"sku\": \"" + sku
                        + "\", \"base_variant_id\": 74, \"inventory_tracking\": \"product\"}], \"meta\": {}}")));
        platform.stubFor(put(urlPathEqualTo(v3 + "/inventory/adjustments/absolute"))
                .willReturn(okJson("{\"transaction_id\": \"4a1e3a4f\"}")));
        ObjectNode order = payload("bigcommerce-order-218.json");
        ArrayNode products = payload("bigcommerce-order-218-products.json");
        ArrayNode addresses = payload("bigcommerce-order-218-shipping-addresses.json");
        // The documented products name address 51, the documented address is 132: made one, so a shipment has lines.
        ((ObjectNode) addresses.get(0)).put("id", 51);
        platform.stubFor(get(urlPathEqualTo(v2 + "/orders/" + orderId)).willReturn(okJson(order.toString())));
        platform.stubFor(
                get(urlPathEqualTo(v2 + "/orders/" + orderId + "/products")).willReturn(okJson(products.toString())));
        platform.stubFor(get(urlPathEqualTo(v2 + "/orders/" + orderId + "/shipping_addresses"))
                .willReturn(okJson(addresses.toString())));
        platform.stubFor(get(urlPathEqualTo(v2 + "/orders/" + orderId + "/shipments"))
                .willReturn(aResponse().withStatus(204)));
        platform.stubFor(post(urlPathEqualTo(v2 + "/orders/" + orderId + "/shipments"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": 1, \"order_id\": 218, \"tracking_number\": \"" + TRACKING + "\"}")));
        platform.stubFor(put(urlPathEqualTo(v2 + "/orders/" + orderId)).willReturn(okJson(order.toString())));
        String channel =
                channel("bigcommerce", Map.of("store_hash", hash, "access_token", "bc_platform"), platform.baseUrl());

        shipped(channel, deliverBigCommerce(channel, orderId), orderId);

        LoggedRequest shipment =
                awaitRequest(postRequestedFor(urlPathEqualTo(v2 + "/orders/" + orderId + "/shipments")));
        JsonNode sent = read(shipment.getBodyAsString());
        assertThat(sent.path("order_address_id").asLong()).isEqualTo(51L);
        assertThat(sent.path("tracking_number").asText()).isEqualTo(TRACKING);
        assertThat(sent.path("shipping_method").asText()).isEqualTo(CARRIER);
        assertThat(sent.path("items")).hasSize(2);
        // Packed made it Awaiting Shipment (9) first; the shipment makes BigCommerce mark it Shipped.
        assertThat(platform.findAll(putRequestedFor(urlPathEqualTo(v2 + "/orders/" + orderId))))
                .extracting(r -> read(r.getBodyAsString()).path("status_id").asInt())
                .containsExactly(9);
        assertLogged(channel, "status", "POST " + v2 + "/orders/" + orderId + "/shipments", "");

        counted(7);
        LoggedRequest level = awaitRequest(putRequestedFor(urlPathEqualTo(v3 + "/inventory/adjustments/absolute"))
                .withRequestBody(matchingJsonPath("$.items[0].quantity", equalTo("7"))));
        JsonNode item = read(level.getBodyAsString()).path("items").get(0);
        assertThat(item.path("product_id").asLong()).isEqualTo(111L);
        assertThat(item.path("location_id").asLong()).isEqualTo(1L);
        assertLogged(channel, "stock", "PUT " + v3 + "/inventory/adjustments/absolute", "");
    }

    @Test
    void ecwidGetsTheOrderShippedWithItsTrackingNumberAndTheQuantity() {
        String store = String.valueOf(IDS.incrementAndGet());
        String api = "/api/v3/" + store;
        String orderId = "K" + IDS.incrementAndGet();
        platform.stubFor(get(urlPathEqualTo(api + "/profile")).willReturn(okJson(text("ecwid-profile.json"))));
        platform.stubFor(get(urlPathEqualTo(api + "/products"))
                .willReturn(okJson("{\"total\": 1, \"count\": 1, \"offset\": 0, \"limit\": 100, \"items\": [{\"id\":"
                        + " 66821181, \"sku\": \"" + sku + "\"}]}")));
        platform.stubFor(put(urlPathEqualTo(api + "/products/66821181")).willReturn(okJson("{\"updateCount\": 1}")));
        ObjectNode order = payload("ecwid-k8xtu-unpaid-offline.order.json");
        order.put("id", orderId).put("vendorOrderNumber", orderId).put("paymentStatus", "PAID");
        ((ObjectNode) order.path("items").get(0)).put("sku", sku);
        platform.stubFor(get(urlPathEqualTo(api + "/orders/" + orderId)).willReturn(okJson(order.toString())));
        platform.stubFor(put(urlPathEqualTo(api + "/orders/" + orderId)).willReturn(okJson("{\"updateCount\": 1}")));
        String channel = channel(
                "ecwid",
                Map.of("store_id", store, "access_token", "secret_platform", "currency", "EUR"),
                platform.baseUrl());

        shipped(channel, deliverEcwid(channel, orderId), orderId);

        LoggedRequest update = awaitRequest(putRequestedFor(urlPathEqualTo(api + "/orders/" + orderId))
                .withRequestBody(matchingJsonPath("$.fulfillmentStatus", equalTo("SHIPPED"))));
        JsonNode sent = read(update.getBodyAsString());
        assertThat(sent.path("trackingNumber").asText()).isEqualTo(TRACKING);
        assertLogged(channel, "status", "PUT " + api + "/orders/" + orderId, "");

        counted(7);
        LoggedRequest level = awaitRequest(putRequestedFor(urlPathEqualTo(api + "/products/66821181"))
                .withRequestBody(matchingJsonPath("$.quantity", equalTo("7"))));
        assertThat(read(level.getBodyAsString()).path("unlimited").asBoolean(true))
                .isFalse();
        assertLogged(channel, "stock", "PUT " + api + "/products/66821181", "");
    }

    @Test
    void lightspeedGetsTheShipmentShippedWithItsTrackingCodeTheOrderCompletedAndTheStockLevel() {
        String lang = "/us";
        long orderId = IDS.incrementAndGet();
        platform.stubFor(get(urlPathEqualTo(lang + "/variants.json"))
                .withQueryParam("sku", equalTo(sku))
                .willReturn(okJson("{\"variants\": [{\"id\": 285164, \"sku\": \"" + sku
                        + "\", \"product\": {\"resource\": {\"id\": 18536493}}}]}")));
        platform.stubFor(put(urlPathEqualTo(lang + "/variants/285164.json"))
                .willReturn(okJson("{\"variant\": {\"id\": 285164, \"stockLevel\": 7}}")));
        platform.stubFor(get(urlPathEqualTo(lang + "/orders/" + orderId + ".json"))
                .willReturn(okJson("{\"order\": {\"id\": " + orderId + ", \"status\": \"processing_awaiting_shipment\","
                        + " \"paymentStatus\": \"paid\", \"shipmentStatus\": \"not_shipped\", \"shipments\":"
                        + " {\"resource\": {\"embedded\": [{\"id\": 1599522, \"status\": \"not_shipped\"}]}}}}")));
        platform.stubFor(put(urlPathEqualTo(lang + "/shipments/1599522.json"))
                .willReturn(okJson("{\"shipment\": {\"id\": 1599522, \"status\": \"shipped\"}}")));
        platform.stubFor(put(urlPathEqualTo(lang + "/orders/" + orderId + ".json"))
                .willReturn(okJson("{\"order\": {\"id\": " + orderId + ", \"status\": \"completed_shipped\"}}")));
        String channel = channel(
                "lightspeed_ecom",
                Map.of("api_key", "key-" + orderId, "api_secret", SECRET, "language", "us", "currency", "USD"),
                platform.baseUrl());
        ObjectNode delivery = payload("lightspeed-order-partially-paid-1623554.json");
        ((ObjectNode) delivery.path("order")).put("id", orderId).put("number", String.valueOf(orderId));

        shipped(channel, deliverLightspeed(channel, delivery), String.valueOf(orderId));

        LoggedRequest shipment = awaitRequest(putRequestedFor(urlPathEqualTo(lang + "/shipments/1599522.json")));
        JsonNode sent = read(shipment.getBodyAsString()).path("shipment");
        assertThat(sent.path("status").asText()).isEqualTo("shipped");
        assertThat(sent.path("trackingCode").asText()).isEqualTo(TRACKING);
        LoggedRequest completed = awaitRequest(putRequestedFor(urlPathEqualTo(lang + "/orders/" + orderId + ".json")));
        assertThat(read(completed.getBodyAsString())
                        .path("order")
                        .path("status")
                        .asText())
                .isEqualTo("completed_shipped");
        assertLogged(channel, "status", "PUT " + lang + "/shipments/1599522.json", "");
        assertLogged(channel, "status", "PUT " + lang + "/orders/" + orderId + ".json", "");

        counted(7);
        LoggedRequest level = awaitRequest(putRequestedFor(urlPathEqualTo(lang + "/variants/285164.json"))
                .withRequestBody(matchingJsonPath("$.variant.stockLevel", equalTo("7"))));
        assertThat(read(level.getBodyAsString())
                        .path("variant")
                        .path("stockTracking")
                        .asText())
                .isEqualTo("enabled");
        assertLogged(channel, "stock", "PUT " + lang + "/variants/285164.json", "");
    }

    // --- Storeline's side, through the public API ---

    private String channel(String platformName, Map<String, String> credentials, String baseUrl) {
        ApiClient.Response created = admin.post(
                "/api/v1/channels",
                Map.of(
                        "platform",
                        platformName,
                        "name",
                        Shop.unique("Web shop"),
                        "base_url",
                        baseUrl,
                        "credentials",
                        credentials,
                        "webhook_secret",
                        SECRET,
                        "outlet_ids",
                        List.of(outlet),
                        "register_id",
                        register,
                        "notifications",
                        false));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.id();
    }

    /** The delivered order's sale, paid in full here if it owes anything, packed and shipped with tracking. */
    private void shipped(String channel, ApiClient.Response delivered, String externalOrderId) {
        assertThat(delivered.status()).as(delivered.text()).isEqualTo(200);
        JsonNode sale = await(
                () -> {
                    JsonNode items = admin.get(
                                    "/api/v1/sales?channel_id=" + channel + "&external_order_id=" + externalOrderId)
                            .json()
                            .path("items");
                    return items.isEmpty() ? null : items.get(0);
                },
                "order " + externalOrderId + " to become a sale");
        String saleId = sale.path("id").asText();
        JsonNode full = admin.get("/api/v1/sales/" + saleId).json();
        if (Double.parseDouble(full.path("balance").asText("0")) > 0) {
            ApiClient.Response paid = admin.post(
                    "/api/v1/sales/" + saleId + "/payments",
                    Map.of(
                            "payment_type_id",
                            shop.paymentType("cash"),
                            "amount",
                            full.path("balance").asText(),
                            "register_id",
                            register));
            assertThat(paid.status()).as(paid.text()).isEqualTo(201);
        }
        String fulfillment = full.path("fulfillment_ids").get(0).asText();
        ApiClient.Response packed = admin.post("/api/v1/fulfillments/" + fulfillment + "/pack", "");
        assertThat(packed.status()).as(packed.text()).isEqualTo(200);
        ApiClient.Response shipped = admin.post(
                "/api/v1/fulfillments/" + fulfillment + "/ship",
                Map.of("tracking", Map.of("number", TRACKING, "company", CARRIER)));
        assertThat(shipped.status()).as(shipped.text()).isEqualTo(200);
    }

    /** A count at the channel's outlet: the level it sends. */
    private void counted(long level) {
        shop.setStock(product, outlet, level);
    }

    /** A succeeded activity entry of this kind whose request starts and ends so. */
    private void assertLogged(String channel, String kind, String requestStart, String requestEnd) {
        JsonNode entry = await(
                () -> {
                    for (JsonNode e : admin.get("/api/v1/channels/" + channel + "/activity?limit=200")
                            .json()
                            .path("items")) {
                        String request = e.path("request").asText();
                        if (e.path("kind").asText().equals(kind)
                                && request.startsWith(requestStart)
                                && request.endsWith(requestEnd)) {
                            return e;
                        }
                    }
                    return null;
                },
                "a " + kind + " entry for " + requestStart + "..." + requestEnd);
        assertThat(entry.path("outcome").asText()).as(entry.toString()).isEqualTo("succeeded");
        assertThat(entry.path("http_status").asInt()).isBetween(200, 299);
    }

    // --- the platform ---

    private LoggedRequest awaitRequest(RequestPatternBuilder pattern) {
        return await(
                () -> {
                    List<LoggedRequest> found = platform.findAll(pattern);
                    return found.isEmpty() ? null : found.getLast();
                },
                "the platform to receive " + pattern.build());
    }

    /** The GraphQL answer finding the SKU: one variant, its inventory item. */
    private static String shopifyVariant(String sku) {
        return ("{\"data\": {\"productVariants\": {\"edges\": [{\"node\": {\"id\": \"gid://shopify/ProductVariant/"
                        + "808950810\", \"title\": \"Default\", \"sku\": \"%s\", \"inventoryItem\": {\"id\":"
                        + " \"gid://shopify/InventoryItem/808950810\"}}}]}}}")
                .formatted(sku);
    }

    /** As Shopify delivers {@code orders/create}: the raw order, base64 HMAC-SHA256 of the body with the secret. */
    private ApiClient.Response deliverShopify(String channel, ObjectNode order) {
        byte[] body = order.toString().getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(webhook(channel))
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(hmac(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** As BigCommerce calls a hook Storeline registered: the event names the order, the header carries the secret. */
    private ApiClient.Response deliverBigCommerce(String channel, String orderId) {
        ObjectNode event = JSON.createObjectNode()
                .put("scope", "store/order/created")
                .put("store_id", "1025646")
                .put("hash", UUID.randomUUID().toString().replace("-", ""))
                .put("created_at", Instant.now().getEpochSecond())
                .put("producer", "stores/platform");
        event.putObject("data").put("type", "order").put("id", Long.parseLong(orderId));
        return send(HttpRequest.newBuilder(webhook(channel))
                .header("X-Storeline-Webhook-Secret", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())));
    }

    /** Ecwid's {@code order.created}, signed: base64 HMAC-SHA256 of "eventCreated.eventId" with the secret. */
    private ApiClient.Response deliverEcwid(String channel, String orderId) {
        ObjectNode event = payload("ecwid-order-created.webhook.json");
        event.put("eventId", UUID.randomUUID().toString())
                .put("eventCreated", Instant.now().getEpochSecond())
                .put("eventType", "order.created");
        ((ObjectNode) event.path("data")).put("orderId", orderId);
        String signed = event.path("eventCreated").asText() + "."
                + event.path("eventId").asText();
        return send(HttpRequest.newBuilder(URI.create(webhook(channel) + "?eventtype=order.created"))
                .header(
                        "X-Ecwid-Webhook-Signature",
                        Base64.getEncoder().encodeToString(hmac(signed.getBytes(StandardCharsets.UTF_8))))
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())));
    }

    /** As Lightspeed delivers an order: X-Signature the hex md5 of the body then the secret. */
    private ApiClient.Response deliverLightspeed(String channel, ObjectNode delivery) {
        byte[] body = delivery.toString().getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(webhook(channel))
                .header("X-Signature", md5(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private URI webhook(String channel) {
        return URI.create(admin.baseUrl() + "/webhooks/" + channel);
    }

    private ApiClient.Response send(HttpRequest.Builder request) {
        return admin.as(null).send(request.header("Content-Type", "application/json"));
    }

    private static byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5(byte[] body) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(body);
            md5.update(SECRET.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T extends JsonNode> T payload(String name) {
        @SuppressWarnings("unchecked")
        T node = (T) read(text(name));
        return node;
    }

    private static String text(String name) {
        return Payloads.text(name);
    }

    private static JsonNode read(String json) {
        return Payloads.json(json);
    }
}
