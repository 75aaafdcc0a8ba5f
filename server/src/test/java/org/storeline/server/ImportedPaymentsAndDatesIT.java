package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Payloads;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * What a channel says is paid, and when its order was made, through the real webhook route: a Shopify order partly
 * paid (a 100.00 deposit on 186.90) and a Lightspeed one (which says it is partly paid but not how much), each
 * signed as its platform signs, stored, imported by the inbox worker and read back from {@code GET /api/v1/sales}.
 */
class ImportedPaymentsAndDatesIT {
    private static final String SHOPIFY_SECRET = "shopify-app-client-secret";
    private static final String LIGHTSPEED_SECRET = "lightspeed-api-secret";

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private String outlet;
    private String register;

    @BeforeEach
    void anOutletWithItsOnlineRegister() {
        outlet = shop.outlet("Web");
        register = shop.register(outlet);
    }

    @Test
    void aShopifyDepositIsRecordedAsPaidAndTheRestLeftOpenOnASaleDatedWhenTheOrderWasPlaced() {
        String channel = channel("shopify", Map.of("access_token", "shpat_test"), SHOPIFY_SECRET);
        ObjectNode order = payload("shopify-partially-paid-deposit-hkd.json");

        Instant before = Instant.now();
        assertThat(deliverShopify(channel, order).status()).isEqualTo(200);
        JsonNode sale = awaitOnlySale(channel);
        Instant after = Instant.now();

        assertThat(sale.path("payment_status").asText()).isEqualTo("partially_paid");
        assertThat(sale.path("total").asText()).isEqualTo("186.90");
        assertThat(sale.path("paid").asText()).isEqualTo("100.00");
        assertThat(sale.path("balance").asText()).isEqualTo("86.90");
        JsonNode payment = sale.path("payments").get(0);
        assertThat(sale.path("payments")).hasSize(1);
        assertThat(payment.path("amount").asText()).isEqualTo("100.00");
        assertThat(payment.path("register_id").asText()).isEqualTo(register);
        // Its created_at "2025-01-23T23:10:15-05:00", in UTC; imported (and its payment recorded) just now.
        assertThat(sale.path("created_at").asText()).isEqualTo("2025-01-24T04:10:15Z");
        assertThat(Instant.parse(sale.path("imported_at").asText())).isBetween(before, after);
        assertThat(Instant.parse(payment.path("paid_at").asText())).isBetween(before, after);
        JsonNode fulfillment = admin.get("/api/v1/fulfillments/"
                        + sale.path("fulfillment_ids").get(0).asText())
                .json();
        assertThat(fulfillment.path("created_at").asText()).isEqualTo("2025-01-24T04:10:15Z");
    }

    @Test
    void aLightspeedOrderPartlyPaidWithoutAnAmountArrivesUnpaidAndTheLogSaysWhy() {
        String channel = channel(
                "lightspeed_ecom",
                Map.of("api_key", "key", "api_secret", LIGHTSPEED_SECRET, "language", "us", "currency", "USD"),
                LIGHTSPEED_SECRET);
        ObjectNode delivery = payload("lightspeed-order-partially-paid-1623554.json");

        Instant before = Instant.now();
        assertThat(deliverLightspeed(channel, delivery).status()).isEqualTo(200);
        JsonNode sale = awaitOnlySale(channel);
        Instant after = Instant.now();

        assertThat(sale.path("payment_status").asText()).isEqualTo("unpaid");
        assertThat(sale.path("total").asText()).isEqualTo("50.35");
        assertThat(sale.path("paid").asText()).isEqualTo("0.00");
        assertThat(sale.path("balance").asText()).isEqualTo("50.35");
        assertThat(sale.path("payments")).isEmpty();
        // createdAt "2019-08-21T17:15:00+00:00".
        assertThat(sale.path("created_at").asText()).isEqualTo("2019-08-21T17:15:00Z");
        assertThat(Instant.parse(sale.path("imported_at").asText())).isBetween(before, after);
        assertThat(importReason(channel, "1623554"))
                .contains("partially_paid")
                .contains("partly paid but its order does not say how much: recorded unpaid");
    }

    @Test
    void anOrderWithoutACreationTimeIsDatedWhenImportedAndTheLogSaysSo() {
        String channel = channel("shopify", Map.of("access_token", "shpat_test"), SHOPIFY_SECRET);
        ObjectNode order = payload("shopify-partially-paid-deposit-hkd.json");
        order.remove("created_at");

        Instant before = Instant.now();
        deliverShopify(channel, order);
        JsonNode sale = awaitOnlySale(channel);
        Instant after = Instant.now();

        assertThat(Instant.parse(sale.path("created_at").asText())).isBetween(before, after);
        assertThat(sale.path("imported_at").asText())
                .isEqualTo(sale.path("created_at").asText());
        assertThat(importReason(channel, "6200407294252")).contains("no order creation time that could be read");
    }

    @Test
    void salesListNewestPlacedFirstWhateverOrderTheyWereImportedInAndPageThrough() {
        String channel = channel("shopify", Map.of("access_token", "shpat_test"), SHOPIFY_SECRET);
        ObjectNode placedLater = payload("shopify-partially-paid-deposit-hkd.json")
                .put("id", 6200407294301L)
                .put("name", "#2001")
                .put("created_at", "2025-02-01T10:00:00-05:00");
        ObjectNode placedEarlier = payload("shopify-partially-paid-deposit-hkd.json")
                .put("id", 6200407294302L)
                .put("name", "#2002")
                .put("created_at", "2025-01-20T10:00:00-05:00");
        // An in-store sale made now: after both orders were placed, though before the second is imported.
        ApiClient.Response rungUp =
                shop.inStoreSale(outlet, shop.openRegister(outlet), shop.product("5.00", "0.21"), 1);
        assertThat(rungUp.status()).as(rungUp.text()).isEqualTo(201);
        String inStore = rungUp.id();

        deliverShopify(channel, placedLater);
        awaitSales(channel, 1);
        deliverShopify(channel, placedEarlier);
        awaitSales(channel, 2);

        JsonNode first =
                admin.get("/api/v1/sales?outlet_id=" + outlet + "&limit=2").json();
        JsonNode second = admin.get("/api/v1/sales?outlet_id=" + outlet + "&limit=2&cursor="
                        + first.path("next_cursor").asText())
                .json();
        assertThat(List.of(
                        first.path("items").get(0).path("id").asText(),
                        first.path("items").get(1).path("external_order_number").asText(),
                        second.path("items")
                                .get(0)
                                .path("external_order_number")
                                .asText()))
                .containsExactly(inStore, "#2001", "#2002");
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("next_cursor").isNull()).isTrue();
        assertThat(first.path("items").get(0).path("imported_at").isNull()).isTrue();
    }

    private String channel(String platform, Map<String, String> credentials, String secret) {
        ApiClient.Response created = admin.post(
                "/api/v1/channels",
                Map.of(
                        "platform",
                        platform,
                        "name",
                        Shop.unique("Web shop"),
                        "base_url",
                        "http://127.0.0.1:9",
                        "credentials",
                        credentials,
                        "webhook_secret",
                        secret,
                        "outlet_ids",
                        List.of(outlet),
                        "register_id",
                        register,
                        "notifications",
                        false));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.id();
    }

    /** As Shopify delivers {@code orders/create}: the raw order, base64 HMAC-SHA256 of the body with the secret. */
    private ApiClient.Response deliverShopify(String channel, ObjectNode order) {
        byte[] body = order.toString().getBytes(StandardCharsets.UTF_8);
        return admin.as(null)
                .send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/webhooks/" + channel))
                        .header("Content-Type", "application/json")
                        .header("X-Shopify-Topic", "orders/create")
                        .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                        .header("X-Shopify-Hmac-Sha256", hmac(body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** As Lightspeed delivers an order: {@code {"order": ...}}, X-Signature the hex md5 of the body then the secret. */
    private ApiClient.Response deliverLightspeed(String channel, ObjectNode delivery) {
        byte[] body = delivery.toString().getBytes(StandardCharsets.UTF_8);
        return admin.as(null)
                .send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/webhooks/" + channel))
                        .header("Content-Type", "application/json")
                        .header("X-Signature", md5(body, LIGHTSPEED_SECRET))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private JsonNode awaitOnlySale(String channel) {
        JsonNode listed = awaitSales(channel, 1).get(0);
        return admin.get("/api/v1/sales/" + listed.path("id").asText()).json();
    }

    private JsonNode awaitSales(String channel, int count) {
        return OrderImportScenarioIT.await(
                () -> {
                    JsonNode items = admin.get("/api/v1/sales?channel_id=" + channel)
                            .json()
                            .path("items");
                    return items.size() >= count ? items : null;
                },
                count + " sale(s) of channel " + channel);
    }

    private String importReason(String channel, String externalOrderId) {
        for (JsonNode entry : admin.get("/api/v1/channels/" + channel + "/activity?limit=500")
                .json()
                .path("items")) {
            if (entry.path("outcome").asText().equals("imported")
                    && entry.path("external_order_id").asText().equals(externalOrderId)) {
                return entry.path("reason").asText();
            }
        }
        throw new AssertionError("No import of order " + externalOrderId + " in the activity log");
    }

    private static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SHOPIFY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5(byte[] body, String secret) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(body);
            md5.update(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode payload(String name) {
        return Payloads.object(name);
    }
}
