package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.OrderImportScenarioIT.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * PATCH /api/v1/channels/{id} beyond name and notifications (SOR-5, NTF-3): outlets and their order, the online
 * register, the shipping-method map, credentials and the webhook secret, each checked as on creation, and the window
 * in which the old webhook secret is still accepted.
 */
class ChannelSettingsIT {
    private static final AtomicLong ORDER_IDS = new AtomicLong(6_000_000_000L + System.nanoTime() % 1_000_000_000L);

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);

    /** A WooCommerce channel of its own store: no other test's channel shares its base URL. */
    private String wooChannel(String register, List<String> outlets) {
        return shop.wooChannel(register, outlets, Map.of(), false, "http://127.0.0.1:9/" + Shop.unique("shop"));
    }

    private JsonNode patch(String channel, Map<String, Object> changes) {
        ApiClient.Response response = admin.patch("/api/v1/channels/" + channel, changes);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void outletsTheirOrderTheRegisterAndShippingMethodsChangeAndTheNextOrderFollowsThem() {
        String outletA = shop.outlet("A");
        String outletB = shop.outlet("B");
        String registerA = shop.register(outletA);
        String registerB = shop.register(outletB);
        String sku = Shop.unique("SET");
        shop.productWithSku(sku, "10.00");
        String channel = wooChannel(registerA, List.of(outletA));

        JsonNode changed = patch(
                channel,
                Map.of(
                        "outlet_ids", List.of(outletB, outletA),
                        "register_id", registerB,
                        "shipping_method_outlets", Map.of("Pickup at A", outletA)));

        assertThat(changed.path("outlet_ids").toString()).isEqualTo("[\"" + outletB + "\",\"" + outletA + "\"]");
        assertThat(changed.path("register_id").asText()).isEqualTo(registerB);
        assertThat(changed.path("shipping_method_outlets").path("Pickup at A").asText())
                .isEqualTo(outletA);
        assertThat(admin.get("/api/v1/channels/" + channel).json()).isEqualTo(changed);
        String delivered = deliver(channel, order(sku).shipping("flat_rate", "Flat rate", "0.00", "0.00"));
        String pickup = deliver(channel, order(sku).shipping("local_pickup", "Pickup at A", "0.00", "0.00"));
        JsonNode sale = awaitSale(channel, delivered);
        assertThat(sale.path("register_id").asText()).isEqualTo(registerB);
        assertThat(sale.path("outlet_id").asText()).isEqualTo(outletB);
        assertThat(fulfillmentOf(awaitSale(channel, pickup)).path("outlet_id").asText())
                .isEqualTo(outletA);

        JsonNode cleared = patch(channel, Map.of("shipping_method_outlets", Map.of()));
        assertThat(cleared.path("shipping_method_outlets")).isEmpty();
        assertThat(cleared.path("outlet_ids")).isEqualTo(changed.path("outlet_ids"));
    }

    @Test
    void eachSettingIsCheckedAsOnCreationAndARefusedChangeChangesNothing() {
        String outlet = shop.outlet("Checks");
        String elsewhere = shop.outlet("Elsewhere");
        String register = shop.register(outlet);
        String channel = wooChannel(register, List.of(outlet));
        JsonNode before = admin.get("/api/v1/channels/" + channel).json();
        String missing = UUID.randomUUID().toString();
        Map<String, Object> noKey = new HashMap<>();
        noKey.put("consumer_key", null);

        assertRefused(channel, Map.of("outlet_ids", List.of()), 400, "invalid_request", "at least one");
        assertRefused(channel, Map.of("outlet_ids", List.of(outlet, outlet)), 400, "invalid_request", "twice");
        assertRefused(channel, Map.of("outlet_ids", List.of(outlet, missing)), 404, "outlet_not_found", missing);
        assertRefused(channel, Map.of("outlet_ids", List.of(elsewhere)), 422, "register_outlet_mismatch", outlet);
        assertRefused(
                channel, Map.of("register_id", shop.register(elsewhere)), 422, "register_outlet_mismatch", elsewhere);
        assertRefused(channel, Map.of("register_id", missing), 404, "register_not_found", missing);
        assertRefused(
                channel,
                Map.of("shipping_method_outlets", Map.of("Pickup", missing)),
                404,
                "outlet_not_found",
                missing);
        assertRefused(channel, Map.of("credentials", noKey), 400, "invalid_request", "consumer_key");
        assertRefused(channel, Map.of("credentials", Map.of("consumer_key", 7)), 400, "invalid_request", "string");
        assertRefused(channel, Map.of("webhook_secret", " "), 400, "invalid_request", "webhook_secret");
        assertRefused(channel, Map.of("webhook_secret_overlap_seconds", 60), 400, "invalid_request", "webhook_secret");
        assertRefused(
                channel,
                Map.of("webhook_secret", "s2", "webhook_secret_overlap_seconds", 31 * 86_400),
                400,
                "invalid_request",
                "30 days");
        assertRefused(channel, Map.of("base_url", "http://127.0.0.1:8"), 400, "invalid_request", "base_url");
        assertRefused(channel, Map.of("platform", "shopify"), 400, "invalid_request", "platform");
        assertRefused(channel, Map.of("name", "Renamed", "outlet_ids", List.of()), 400, "invalid_request", "outlet");

        assertThat(admin.get("/api/v1/channels/" + channel).json()).isEqualTo(before);
        assertThat(admin.patch("/api/v1/channels/" + missing, Map.of("name", "x"))
                        .errorCode())
                .isEqualTo("channel_not_found");
    }

    @Test
    void theChannelAsItWasAnsweredCanBeSentBackWithAChangeItsPlatformAndBaseUrlIncluded() {
        String outlet = shop.outlet("Round trip");
        String channel = wooChannel(shop.register(outlet), List.of(outlet));
        JsonNode answered = admin.get("/api/v1/channels/" + channel).json();
        Map<String, Object> sentBack = new HashMap<>();
        answered.properties().forEach(field -> sentBack.put(field.getKey(), field.getValue()));
        String name = Shop.unique("Renamed");
        sentBack.put("name", name);

        JsonNode changed = patch(channel, sentBack);

        assertThat(changed.path("name").asText()).isEqualTo(name);
        assertThat(changed.path("base_url")).isEqualTo(answered.path("base_url"));
        assertThat(changed.path("platform")).isEqualTo(answered.path("platform"));
    }

    @Test
    void credentialsAreMergedNeverAnsweredAndMayNotReachAnotherStore() {
        String outlet = shop.outlet("Creds");
        String hash = Shop.unique("store").toLowerCase();
        ApiClient.Response created = admin.post(
                "/api/v1/channels",
                Map.of(
                        "platform",
                        "bigcommerce",
                        "name",
                        Shop.unique("BC"),
                        "base_url",
                        "http://127.0.0.1:9",
                        "credentials",
                        Map.of("store_hash", hash, "access_token", "first-token"),
                        "webhook_secret",
                        "bc-secret",
                        "register_id",
                        shop.register(outlet)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String channel = created.id();
        assertThat(created.json().path("store_identity").asText()).isEqualTo(hash);

        ApiClient.Response changed = admin.patch(
                "/api/v1/channels/" + channel,
                Map.of("credentials", Map.of("access_token", " second-token ", "location_id", "7")));
        Map<String, Object> removeLocation = new HashMap<>();
        removeLocation.put("location_id", null);
        JsonNode removed = patch(channel, Map.of("credentials", removeLocation));
        JsonNode sameStore = patch(channel, Map.of("credentials", Map.of("store_hash", "stores/" + hash + "/v3")));

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.text()).doesNotContain("second-token").doesNotContain("first-token");
        assertThat(changed.json().path("credential_names").toString())
                .isEqualTo("[\"access_token\",\"location_id\",\"store_hash\"]");
        assertThat(removed.path("credential_names").toString()).isEqualTo("[\"access_token\",\"store_hash\"]");
        assertThat(sameStore.path("store_identity").asText()).isEqualTo(hash);
        assertRefused(
                channel,
                Map.of("credentials", Map.of("store_hash", "another-store")),
                422,
                "store_identity_changed",
                "another-store");
        assertThat(admin.get("/api/v1/channels/" + channel)
                        .json()
                        .path("store_identity")
                        .asText())
                .isEqualTo(hash);
    }

    @Test
    void aNewWebhookSecretLeavesTheOldOneValidForItsWindowAndNoLonger() throws InterruptedException {
        String outlet = shop.outlet("Secret");
        String sku = Shop.unique("SEC");
        shop.productWithSku(sku, "10.00");
        String channel = wooChannel(shop.register(outlet), List.of(outlet));
        Instant before = Instant.now();

        JsonNode rotated = patch(channel, Map.of("webhook_secret", "rotated-once"));

        assertThat(rotated.toString()).doesNotContain("rotated-once");
        Instant until =
                Instant.parse(rotated.path("previous_webhook_secret_until").asText());
        assertThat(until)
                .isBetween(before.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24)));
        WooCommerceOrders old = order(sku);
        WooCommerceOrders fresh = order(sku);
        assertThat(old.deliver(admin, channel, "order.created", WooCommerceOrders.SECRET)
                        .status())
                .isEqualTo(200);
        assertThat(fresh.deliver(admin, channel, "order.created", "rotated-once")
                        .status())
                .isEqualTo(200);
        assertThat(order(sku)
                        .deliver(admin, channel, "order.created", "never-the-secret")
                        .errorCode())
                .isEqualTo("invalid_signature");
        awaitSale(channel, id(old));
        awaitSale(channel, id(fresh));

        JsonNode again = patch(channel, Map.of("webhook_secret", "rotated-twice", "webhook_secret_overlap_seconds", 1));
        assertThat(order(sku)
                        .deliver(admin, channel, "order.created", "rotated-once")
                        .status())
                .isEqualTo(200);
        assertThat(order(sku)
                        .deliver(admin, channel, "order.created", WooCommerceOrders.SECRET)
                        .errorCode())
                .as("only the secret just replaced stays valid")
                .isEqualTo("invalid_signature");
        Thread.sleep(Duration.between(
                        Instant.now(),
                        Instant.parse(
                                again.path("previous_webhook_secret_until").asText()))
                .plusMillis(100)
                .toMillis());
        ApiClient.Response late = order(sku).deliver(admin, channel, "order.created", "rotated-once");
        assertThat(late.status()).as(late.text()).isEqualTo(401);
        assertThat(order(sku)
                        .deliver(admin, channel, "order.created", "rotated-twice")
                        .status())
                .isEqualTo(200);
        assertThat(admin.get("/api/v1/channels/" + channel)
                        .json()
                        .path("previous_webhook_secret_until")
                        .isNull())
                .isTrue();
    }

    @Test
    void onlyAdminsChangeOrUnlinkChannels() {
        String outlet = shop.outlet("Admins");
        String channel = wooChannel(shop.register(outlet), List.of(outlet));
        ApiClient manager = admin.as(shop.managerToken(outlet));
        ApiClient staff = admin.as(shop.staffToken(outlet));

        for (ApiClient user : List.of(manager, staff)) {
            assertThat(user.patch("/api/v1/channels/" + channel, Map.of("outlet_ids", List.of(outlet)))
                            .errorCode())
                    .isEqualTo("forbidden");
            assertThat(user.delete("/api/v1/channels/" + channel).errorCode()).isEqualTo("forbidden");
        }
        assertThat(admin.as(null).delete("/api/v1/channels/" + channel).status())
                .isEqualTo(401);
        assertThat(admin.get("/api/v1/channels/" + channel)
                        .json()
                        .path("unlinked_at")
                        .isNull())
                .isTrue();
    }

    private void assertRefused(String channel, Map<String, Object> changes, int status, String code, String says) {
        ApiClient.Response response = admin.patch("/api/v1/channels/" + channel, changes);
        assertThat(response.status()).as(changes + " → " + response.text()).isEqualTo(status);
        assertThat(response.errorCode()).as(response.text()).isEqualTo(code);
        assertThat(response.json().path("error").path("message").asText()).contains(says);
    }

    private static WooCommerceOrders order(String sku) {
        return WooCommerceOrders.order(ORDER_IDS.incrementAndGet())
                .status("processing")
                .line(sku, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00");
    }

    private static String id(WooCommerceOrders order) {
        return order.json().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1");
    }

    private String deliver(String channel, WooCommerceOrders order) {
        assertThat(order.deliver(admin, channel, "order.created").status()).isEqualTo(200);
        return id(order);
    }

    private JsonNode awaitSale(String channel, String orderId) {
        return await(
                () -> {
                    JsonNode items = admin.get("/api/v1/sales?channel_id=" + channel + "&external_order_id=" + orderId)
                            .json()
                            .path("items");
                    return items.isEmpty() ? null : items.get(0);
                },
                "a sale for order " + orderId);
    }

    private JsonNode fulfillmentOf(JsonNode sale) {
        return admin.get("/api/v1/fulfillments?sale_id=" + sale.path("id").asText())
                .json()
                .path("items")
                .get(0);
    }
}
