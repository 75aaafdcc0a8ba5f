package org.storeline.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.storeline.simulators.WooCommerceSimulator;

/**
 * Builds the setup a test needs through the public API (outlets, registers, products...), each with
 * unique names so that tests sharing one server never collide.
 */
public final class Shop {
    private final ApiClient admin;

    public Shop(ApiClient admin) {
        this.admin = admin;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String outlet(String name) {
        return created(admin.post("/api/v1/outlets", Map.of("name", unique(name), "time_zone", "Europe/Brussels")));
    }

    public String register(String outletId) {
        return created(admin.post("/api/v1/registers", Map.of("outlet_id", outletId, "name", unique("Till"))));
    }

    public String openRegister(String outletId) {
        String register = register(outletId);
        assertThat(admin.post("/api/v1/registers/" + register + "/open", Map.of())
                        .status())
                .isEqualTo(201);
        return register;
    }

    public String paymentType(String kind) {
        return created(admin.post("/api/v1/payment-types", Map.of("name", unique(kind), "kind", kind)));
    }

    public String product(String price, String taxRate) {
        return created(admin.post(
                "/api/v1/products",
                Map.of(
                        "sku",
                        unique("SKU"),
                        "name",
                        "Product",
                        "price",
                        price,
                        "currency",
                        "EUR",
                        "tax_rate",
                        taxRate,
                        "barcodes",
                        List.of(unique("871")))));
    }

    /** An in-store sale of one product line, with no payment. */
    public ApiClient.Response inStoreSale(String outletId, String registerId, String productId, int quantity) {
        return admin.post(
                "/api/v1/sales",
                Map.of(
                        "outlet_id",
                        outletId,
                        "register_id",
                        registerId,
                        "lines",
                        List.of(Map.of("product_id", productId, "quantity", quantity))));
    }

    public void setStock(String productId, String outletId, long quantity) {
        assertThat(admin.put("/api/v1/products/" + productId + "/stock/" + outletId, Map.of("quantity", quantity))
                        .status())
                .isEqualTo(200);
    }

    public long stockLevel(String productId, String outletId) {
        ApiClient.Response response = admin.get("/api/v1/products/" + productId + "/stock/" + outletId);
        assertThat(response.status()).isEqualTo(200);
        return response.json().path("quantity").asLong();
    }

    public String productWithSku(String sku, String price) {
        return created(admin.post(
                "/api/v1/products",
                Map.of("sku", sku, "name", "Product " + sku, "price", price, "currency", "EUR", "tax_rate", "0.21")));
    }

    /** A WooCommerce channel on the given outlets (the register's outlet first), its API played at {@code baseUrl}. */
    public String wooChannel(
            String registerId,
            List<String> outletIds,
            Map<String, String> shippingMethodOutlets,
            boolean notifications,
            String baseUrl) {
        return linkWoo(
                baseUrl,
                Map.of("consumer_key", "ck_test", "consumer_secret", "cs_test"),
                registerId,
                outletIds,
                shippingMethodOutlets,
                notifications);
    }

    /**
     * A WooCommerce channel linked to the simulated store with the credentials it made up, no notifications; the
     * webhooks a test delivers to it are signed as {@link WooCommerceOrders} signs them.
     */
    public String wooChannel(
            String registerId, List<String> outletIds, Map<String, String> methodOutlets, WooCommerceSimulator store) {
        return linkWoo(store.baseUrl(), store.link().credentials(), registerId, outletIds, methodOutlets, false);
    }

    private String linkWoo(
            String baseUrl,
            Map<String, String> credentials,
            String registerId,
            List<String> outletIds,
            Map<String, String> shippingMethodOutlets,
            boolean notifications) {
        return created(admin.post(
                "/api/v1/channels",
                Map.of(
                        "platform",
                        "woocommerce",
                        "name",
                        unique("Web shop"),
                        "base_url",
                        baseUrl,
                        "credentials",
                        credentials,
                        "webhook_secret",
                        WooCommerceOrders.SECRET,
                        "outlet_ids",
                        outletIds,
                        "register_id",
                        registerId,
                        "shipping_method_outlets",
                        shippingMethodOutlets,
                        "notifications",
                        notifications)));
    }

    public String staffToken(String... outletIds) {
        return token("staff", outletIds);
    }

    public String managerToken(String... outletIds) {
        return token("manager", outletIds);
    }

    /** A new user of this role, permitted for these outlets, and a token of theirs. */
    private String token(String role, String... outletIds) {
        String user = created(admin.post(
                "/api/v1/users",
                Map.of(
                        "name",
                        "Staff",
                        "email",
                        unique("staff") + "@example.com",
                        "password",
                        "a long enough password",
                        "role",
                        role,
                        "outlet_ids",
                        List.of(outletIds))));
        ApiClient.Response token = admin.post("/api/v1/users/" + user + "/tokens", Map.of());
        assertThat(token.status()).isEqualTo(201);
        return token.json().path("token").asText();
    }

    private static String created(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.id();
    }
}
