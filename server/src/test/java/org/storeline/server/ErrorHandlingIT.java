package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.ApiClient.Response;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/** Bad input gets a clear error with a stable code, and changes nothing. */
class ErrorHandlingIT {
    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);

    @Test
    void malformedJsonIsA400WithACode() {
        Response response = admin.post("/api/v1/outlets", "{\"name\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("malformed_json");
        assertThat(response.json().path("error").path("message").asText()).contains("not valid JSON");
    }

    @Test
    void aRequestWithoutATokenIsA401AndABadTokenToo() {
        assertThat(admin.as(null).get("/api/v1/outlets").status()).isEqualTo(401);
        assertThat(admin.as(null).get("/api/v1/outlets").errorCode()).isEqualTo("unauthenticated");
        assertThat(admin.as("stl_not-a-real-token").get("/api/v1/outlets").status())
                .isEqualTo(401);
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentNeedNoToken() {
        ApiClient anonymous = admin.as(null);

        assertThat(anonymous.get("/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/health").json().path("database").asText()).isEqualTo("up");
        assertThat(anonymous.get("/health").json().path("status").asText()).isEqualTo("ok");
        Response metrics = anonymous.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count");
        assertThat(anonymous.get("/api/v1/openapi.json").json().path("openapi").asText())
                .startsWith("3.");
    }

    @Test
    void missingAndWronglyTypedFieldsNameTheField() {
        Response missing = admin.post("/api/v1/outlets", Map.of("name", "No zone"));
        Response badZone = admin.post("/api/v1/outlets", Map.of("name", "Zone", "time_zone", "Mars/Base"));
        Response badQuantity = admin.post(
                "/api/v1/sales",
                Map.of(
                        "outlet_id",
                        shop.outlet("Typed"),
                        "register_id",
                        "x",
                        "lines",
                        List.of(Map.of("product_id", "y", "quantity", "two"))));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").path("message").asText()).isEqualTo("time_zone is required.");
        assertThat(badZone.json().path("error").path("message").asText()).contains("Mars/Base");
        assertThat(badQuantity.status()).isEqualTo(400);
        assertThat(badQuantity.json().path("error").path("message").asText()).contains("lines[0].");
    }

    @Test
    void moneyWithMoreDecimalsThanTheCurrencyAllowsIsRefused() {
        Response response = admin.post(
                "/api/v1/products", Map.of("sku", Shop.unique("P"), "name", "P", "price", "1.005", "currency", "EUR"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("message").asText()).contains("decimal places");
    }

    @Test
    void aTakenSkuOrBarcodeIsAConflict() {
        String sku = Shop.unique("DUP");
        String barcode = Shop.unique("54");
        admin.post(
                "/api/v1/products",
                Map.of("sku", sku, "name", "A", "price", "1.00", "currency", "EUR", "barcodes", List.of(barcode)));

        Response sameSku =
                admin.post("/api/v1/products", Map.of("sku", sku, "name", "B", "price", "1.00", "currency", "EUR"));
        Response sameBarcode = admin.post(
                "/api/v1/products",
                Map.of(
                        "sku",
                        Shop.unique("OTHER"),
                        "name",
                        "C",
                        "price",
                        "1.00",
                        "currency",
                        "EUR",
                        "barcodes",
                        List.of(barcode)));

        assertThat(sameSku.status()).isEqualTo(409);
        assertThat(sameSku.errorCode()).isEqualTo("sku_taken");
        assertThat(sameBarcode.status()).isEqualTo(409);
        assertThat(sameBarcode.errorCode()).isEqualTo("barcode_taken");
    }

    @Test
    void unknownThingsAre404sWithTheirOwnCode() {
        assertThat(admin.get("/api/v1/sales/01a20455-f9c2-780c-a340-c1668a325211")
                        .errorCode())
                .isEqualTo("sale_not_found");
        assertThat(admin.get("/api/v1/sales/not-an-id").status()).isEqualTo(400);
        Response noRoute = admin.undocumented().get("/api/v1/no-such-thing");
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.errorCode()).isEqualTo("not_found");
    }

    @Test
    void aBodyOverOneMebibyteIsA413() {
        String huge = "{\"name\": \"" + "x".repeat(1024 * 1024 + 10) + "\", \"time_zone\": \"UTC\"}";

        Response response =
                admin.send(admin.request("/api/v1/outlets").POST(HttpRequest.BodyPublishers.ofString(huge)));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("body_too_large");
    }

    @Test
    void aSaleWhoseRegisterBelongsToAnotherOutletIsRefused() {
        String outletA = shop.outlet("RegA");
        String registerOfB = shop.openRegister(shop.outlet("RegB"));
        String product = shop.product("1.00", "0");

        Response response = shop.inStoreSale(outletA, registerOfB, product, 1);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo("register_outlet_mismatch");
    }
}
