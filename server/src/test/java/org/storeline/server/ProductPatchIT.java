package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/** PATCH /api/v1/products/{id}: each field on its own, the checks of a new product, and who may. */
class ProductPatchIT {
    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);

    private JsonNode patch(String product, Map<String, Object> changes) {
        ApiClient.Response response = admin.patch("/api/v1/products/" + product, changes);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void eachFieldChangesOnItsOwnAndTheOthersStay() {
        String product = shop.product("10.00", "0.21");
        JsonNode before = admin.get("/api/v1/products/" + product).json();
        String oldBarcode = before.path("barcodes").get(0).asText();
        String newBarcode = Shop.unique("872");

        JsonNode renamed = patch(product, Map.of("name", "  Blue cap "));
        JsonNode repriced = patch(product, Map.of("price", "12.5"));
        JsonNode retaxed = patch(product, Map.of("tax_rate", "0.06"));
        JsonNode relabelled = patch(product, Map.of("barcodes", List.of(newBarcode, newBarcode)));

        assertThat(renamed.path("name").asText()).isEqualTo("Blue cap");
        assertThat(renamed.path("price").asText()).isEqualTo("10.00");
        assertThat(repriced.path("price").asText()).isEqualTo("12.50");
        assertThat(repriced.path("name").asText()).isEqualTo("Blue cap");
        assertThat(retaxed.path("tax_rate").asText()).isEqualTo("0.06");
        assertThat(retaxed.path("price").asText()).isEqualTo("12.50");
        assertThat(relabelled.path("barcodes").toString()).isEqualTo("[\"" + newBarcode + "\"]");
        JsonNode after = admin.get("/api/v1/products/" + product).json();
        assertThat(after).isEqualTo(relabelled);
        assertThat(after.path("sku")).isEqualTo(before.path("sku"));
        assertThat(after.path("currency").asText()).isEqualTo("EUR");
        assertThat(after.path("created_at")).isEqualTo(before.path("created_at"));
        assertThat(admin.get("/api/v1/products?barcode=" + newBarcode)
                        .json()
                        .path("items")
                        .get(0)
                        .path("id")
                        .asText())
                .isEqualTo(product);
        assertThat(admin.get("/api/v1/products?barcode=" + oldBarcode).json().path("items"))
                .isEmpty();
    }

    @Test
    void nullFieldsAndAnEmptyBodyChangeNothingAndAnEmptyBarcodeListRemovesThemAll() {
        String product = shop.product("10.00", "0.21");
        JsonNode before = admin.get("/api/v1/products/" + product).json();
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("name", null);
        nulls.put("price", null);

        assertThat(patch(product, Map.of())).isEqualTo(before);
        assertThat(patch(product, nulls)).isEqualTo(before);
        assertThat(patch(product, Map.of("barcodes", List.of())).path("barcodes"))
                .isEmpty();
    }

    @Test
    void aValueANewProductCouldNotHaveIsRefusedWithAStableCodeAndNothingChanges() {
        String product = shop.product("10.00", "0.21");
        String other = shop.product("5.00", "0.21");
        String taken = admin.get("/api/v1/products/" + other)
                .json()
                .path("barcodes")
                .get(0)
                .asText();
        JsonNode before = admin.get("/api/v1/products/" + product).json();

        assertRefused(product, Map.of("name", " "), 400, "invalid_request", "name");
        assertRefused(product, Map.of("price", "-0.01"), 400, "invalid_request", "negative");
        assertRefused(product, Map.of("price", "1.001"), 400, "invalid_request", "decimal places");
        assertRefused(product, Map.of("price", "9".repeat(16)), 400, "number_out_of_range", "price");
        assertRefused(product, Map.of("tax_rate", "1.5"), 400, "invalid_request", "tax_rate");
        assertRefused(product, Map.of("barcodes", List.of("8".repeat(65))), 400, "invalid_request", "barcodes[0]");
        assertRefused(product, Map.of("sku", "NEW-SKU"), 400, "invalid_request", "sku");
        assertRefused(product, Map.of("price", "9.00", "currency", "USD"), 422, "currency_mismatch", "EUR");
        assertRefused(product, Map.of("currency", "USD"), 422, "currency_mismatch", "USD");
        assertRefused(product, Map.of("barcodes", List.of(taken)), 409, "barcode_taken", taken);
        assertRefused(product, Map.of("name", "Renamed", "price", "-1"), 400, "invalid_request", "negative");
        assertThat(admin.get("/api/v1/products/" + product).json()).isEqualTo(before);

        ApiClient.Response malformed = admin.send(admin.request("/api/v1/products/" + product)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\": ")));
        assertThat(malformed.errorCode()).isEqualTo("malformed_json");
        ApiClient.Response unknown = admin.patch("/api/v1/products/" + UUID.randomUUID(), Map.of("name", "x"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("product_not_found");
        assertThat(admin.patch("/api/v1/products/not-an-id", Map.of("name", "x"))
                        .errorCode())
                .isEqualTo("invalid_request");
    }

    @Test
    void theProductAsItWasAnsweredCanBeSentBackWithAChangeItsOwnSkuIncluded() {
        String product = shop.product("10.00", "0.21");
        JsonNode answered = admin.get("/api/v1/products/" + product).json();
        Map<String, Object> sentBack = new HashMap<>();
        answered.properties().forEach(field -> sentBack.put(field.getKey(), field.getValue()));
        sentBack.put("price", "11.00");

        JsonNode changed = patch(product, sentBack);

        assertThat(changed.path("price").asText()).isEqualTo("11.00");
        assertThat(changed.path("sku")).isEqualTo(answered.path("sku"));
    }

    @Test
    void managersMayChangeProductsAndStaffMayNot() {
        String outlet = shop.outlet("Catalog");
        String product = shop.product("10.00", "0.21");
        ApiClient manager = admin.as(shop.managerToken(outlet));
        ApiClient staff = admin.as(shop.staffToken(outlet));

        ApiClient.Response byManager = manager.patch("/api/v1/products/" + product, Map.of("price", "11.00"));
        ApiClient.Response byStaff = staff.patch("/api/v1/products/" + product, Map.of("price", "1.00"));
        ApiClient.Response anonymous = admin.as(null).patch("/api/v1/products/" + product, Map.of("price", "1.00"));

        assertThat(byManager.status()).as(byManager.text()).isEqualTo(200);
        assertThat(byStaff.status()).isEqualTo(403);
        assertThat(byStaff.errorCode()).isEqualTo("forbidden");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/products/" + product).json().path("price").asText())
                .isEqualTo("11.00");
    }

    private void assertRefused(String product, Map<String, Object> changes, int status, String code, String says) {
        ApiClient.Response response = admin.patch("/api/v1/products/" + product, changes);
        assertThat(response.status()).as(changes + " → " + response.text()).isEqualTo(status);
        assertThat(response.errorCode()).as(response.text()).isEqualTo(code);
        assertThat(response.json().path("error").path("message").asText()).contains(says);
    }
}
