package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.storeline.core.event.DomainEvent;
import org.storeline.server.browser.WebAppFixture;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Outbox;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * A shop for the fulfillment tests: outlets A and B, a WooCommerce channel on both (its online register at A, its
 * "Pickup at B" shipping method at B), a tee stocked at A and a mug stocked at B, each with a barcode, and staff
 * of each outlet. Orders come in through the real webhook endpoint and inbox worker.
 */
final class FulfillmentFixture {
    private static final AtomicLong ORDER_IDS =
            new AtomicLong(System.currentTimeMillis() % 1_000_000_000L + 20_000_000);
    private static FulfillmentFixture shared;

    final ApiClient admin = TestStoreline.admin();
    final Shop shop = new Shop(admin);
    final String outletA = shop.outlet("Ful A");
    final String outletB = shop.outlet("Ful B");
    final String registerA = shop.openRegister(outletA);
    final String channel = shop.wooChannel(
            registerA, List.of(outletA, outletB), Map.of("Pickup at B", outletB), true, "http://127.0.0.1:9");
    final String tee = Shop.unique("TEE");
    final String teeBarcode = Shop.unique("871");
    final String teeProduct = product(tee, "Tee", teeBarcode);
    final String mug = Shop.unique("MUG");
    final String mugBarcode = Shop.unique("872");
    final String mugProduct = product(mug, "Mug", mugBarcode);
    final Staff staffA = staff(outletA);
    final Staff staffB = staff(outletB);

    /** A user with a role and outlets, the email they sign in to the web app with, and a client that calls as them. */
    record Staff(String id, String email, ApiClient api) {}

    FulfillmentFixture() {
        shop.setStock(teeProduct, outletA, 10);
        shop.setStock(mugProduct, outletB, 10);
    }

    /**
     * One such shop for the browser tests of this JVM that need no other (building one takes a second): their tests
     * import orders of their own and look for them by receipt, or compare counts with what they saw first, so what
     * other tests left at A and B changes nothing they check, whatever the order the tests run in.
     */
    static synchronized FulfillmentFixture shared() {
        if (shared == null) {
            shared = new FulfillmentFixture();
        }
        return shared;
    }

    /** A new order with its own id, placed a minute ago, no lines yet. */
    static WooCommerceOrders order() {
        return WooCommerceOrders.order(ORDER_IDS.incrementAndGet());
    }

    /** Delivers the order and waits for its sale. */
    JsonNode imported(WooCommerceOrders order) {
        return imported(order, channel);
    }

    /** Delivers the order to another WooCommerce channel of the shop and waits for its sale. */
    JsonNode imported(WooCommerceOrders order, String channel) {
        assertThat(order.deliver(admin, channel, "order.created").status()).isEqualTo(200);
        String externalId = order.json().replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1");
        return ReturnsIT.await(
                () -> {
                    JsonNode items = admin.get(
                                    "/api/v1/sales?channel_id=" + channel + "&external_order_id=" + externalId)
                            .json()
                            .path("items");
                    return items.isEmpty() ? null : items.get(0);
                },
                "order " + externalId + " to become a sale");
    }

    /** The sale's fulfillments, whatever their status, oldest first. */
    List<JsonNode> fulfillmentsOf(JsonNode sale) {
        List<JsonNode> found = new ArrayList<>();
        admin.get("/api/v1/fulfillments?status=any&sale_id=" + sale.path("id").asText())
                .json()
                .path("items")
                .forEach(found::add);
        return found;
    }

    /** The only fulfillment of the sale. */
    JsonNode fulfillmentOf(JsonNode sale) {
        List<JsonNode> all = fulfillmentsOf(sale);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    JsonNode sale(JsonNode sale) {
        return admin.get("/api/v1/sales/" + sale.path("id").asText()).json();
    }

    /** POST /api/v1/fulfillments/{id}/{action} with a JSON body. */
    static ApiClient.Response act(ApiClient as, JsonNode fulfillment, String action, Object body) {
        return as.post("/api/v1/fulfillments/" + fulfillment.path("id").asText() + "/" + action, body);
    }

    static ApiClient.Response act(ApiClient as, JsonNode fulfillment, String action) {
        return act(as, fulfillment, action, "");
    }

    static ApiClient.Response scan(ApiClient as, JsonNode fulfillment, String barcode) {
        return act(as, fulfillment, "scans", Map.of("barcode", barcode));
    }

    /** Takes {@code amount} in cash on a register of {@code outlet}, as {@code as}. */
    ApiClient.Response pay(ApiClient as, JsonNode sale, String outlet, String amount) {
        return as.post(
                "/api/v1/sales/" + sale.path("id").asText() + "/payments",
                Map.of(
                        "payment_type_id",
                        shop.paymentType("cash"),
                        "amount",
                        amount,
                        "register_id",
                        outlet.equals(outletA) ? registerA : shop.openRegister(outlet)));
    }

    static List<String> eventTypes(JsonNode sale) {
        return events(sale).stream().map(DomainEvent::type).toList();
    }

    /** What happened to the sale after its import (the import's own events are the event stream's to test). */
    static List<DomainEvent> events(JsonNode sale) {
        return Outbox.eventsSinceImportOf(sale.path("id").asText());
    }

    Staff staff(String... outletIds) {
        String email = Shop.unique("picker") + "@example.com";
        ApiClient.Response user = admin.post(
                "/api/v1/users",
                Map.of(
                        "name",
                        Shop.unique("Picker"),
                        "email",
                        email,
                        "password",
                        WebAppFixture.PASSWORD,
                        "role",
                        "staff",
                        "outlet_ids",
                        List.of(outletIds)));
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        ApiClient.Response token = admin.post("/api/v1/users/" + user.id() + "/tokens", Map.of());
        assertThat(token.status()).isEqualTo(201);
        return new Staff(user.id(), email, admin.as(token.json().path("token").asText()));
    }

    private String product(String sku, String name, String barcode) {
        ApiClient.Response product = admin.post(
                "/api/v1/products",
                Map.of(
                        "sku",
                        sku,
                        "name",
                        name + " " + sku,
                        "price",
                        "10.00",
                        "currency",
                        "EUR",
                        "tax_rate",
                        "0",
                        "barcodes",
                        List.of(barcode)));
        assertThat(product.status()).as(product.text()).isEqualTo(201);
        return product.id();
    }
}
