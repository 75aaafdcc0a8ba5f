package org.storeline.channels.bigcommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.Tracking;
import org.storeline.core.money.Money;
import org.storeline.core.sync.Listing;
import org.storeline.core.sync.PlatformCall;
import org.storeline.core.sync.PriceChange;
import org.storeline.core.sync.RateBudget;
import org.storeline.core.sync.StatusChange;
import org.storeline.core.sync.StockLevel;

/**
 * The exact requests Storeline sends to BigCommerce, against WireMock answering with BigCommerce's own examples
 * (sources in src/test/resources/outbound/SOURCES.md and payloads/SOURCES.md).
 */
class BigCommerceOutboundTest {
    private static final String V2 = "/stores/abc123/v2";
    private static final String V3 = "/stores/abc123/v3";
    private static final String TOKEN = "token-1";

    private WireMockServer platform;
    private BigCommerceOutbound outbound;
    private ChannelConnection connection;

    @BeforeEach
    void start() {
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
        outbound = new BigCommerceOutbound(http(Duration.ofSeconds(10)));
        connection = connection(Map.of("store_hash", "abc123", "access_token", TOKEN));
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    @Test
    void stockLevelsAreReadFromTheCatalogOfProductsAndOfVariantsAndUntrackedStockIsLeftOut() {
        platform.stubFor(get(urlPathEqualTo(V3 + "/catalog/products"))
                .withQueryParam("id:in", equalTo("111"))
                .willReturn(okJson(outboundPayload("products-inventory-level.json"))));
        platform.stubFor(get(urlPathEqualTo(V3 + "/catalog/variants"))
                .withQueryParam("id:in", equalTo("383"))
                .willReturn(okJson(outboundPayload("variants-by-sku.json"))));
        Listing sm13 = productListing("SM13", "111", "74", "product");
        Listing smit1 = variantListing("SMIT-1", "192", "383", "1");
        Listing untracked = productListing("FREE", "7", "8", "none");

        Map<Listing, Long> levels = outbound.readStockLevels(List.of(sm13, smit1, untracked), connection);

        assertThat(levels).containsOnly(Map.entry(sm13, 5L), Map.entry(smit1, 0L));
        platform.verify(getRequestedFor(urlPathEqualTo(V3 + "/catalog/products"))
                .withHeader("X-Auth-Token", equalTo(TOKEN))
                .withQueryParam("include_fields", equalTo("inventory_level")));
        platform.verify(2, getRequestedFor(anyUrl()));
    }

    /** One attempt a call, through the client that reads BigCommerce's reset header, as the connector builds it. */
    private static PlatformHttp http(Duration requestTimeout) {
        return BigCommerceRateLimits.singleAttempt(HttpClient.newHttpClient(), requestTimeout);
    }

    private ChannelConnection connection(Map<String, String> credentials) {
        return new ChannelConnection("ch_1", URI.create(platform.baseUrl()), credentials, "hook-secret");
    }

    private static String resource(String path) {
        try (InputStream in = BigCommerceOutboundTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String outboundPayload(String file) {
        return resource("outbound/" + file);
    }

    /** A documented order with another {@code status_id} (the only field the status sync reads). */
    private static String withStatus(String file, int statusId) {
        ObjectNode order = (ObjectNode) PlatformJson.parse(resource("payloads/" + file), file);
        return order.put("status_id", statusId).toString();
    }

    private static Listing productListing(String sku, String product, String baseVariant, String tracking) {
        return new Listing(
                sku,
                Map.of(
                        BigCommerceOutbound.PRODUCT_ID, product,
                        BigCommerceOutbound.VARIANT_ID, baseVariant,
                        BigCommerceOutbound.LOCATION_ID, "1",
                        BigCommerceOutbound.SKU_OF, "product",
                        BigCommerceOutbound.TRACKING, tracking));
    }

    private static Listing variantListing(String sku, String product, String variant, String location) {
        return new Listing(
                sku,
                Map.of(
                        BigCommerceOutbound.PRODUCT_ID, product,
                        BigCommerceOutbound.VARIANT_ID, variant,
                        BigCommerceOutbound.LOCATION_ID, location,
                        BigCommerceOutbound.SKU_OF, "variant",
                        BigCommerceOutbound.TRACKING, "variant"));
    }

    private static StatusChange change(
            String orderId, StatusChange.Kind kind, FulfillmentType type, List<Tracking> tracking) {
        return new StatusChange(orderId, kind, type, tracking, Optional.empty(), false);
    }

    private void stubOrder(String orderId, String body) {
        platform.stubFor(get(urlPathEqualTo(V2 + "/orders/" + orderId))
                .willReturn(aResponse().withStatus(200).withBody(body)));
        platform.stubFor(put(urlPathEqualTo(V2 + "/orders/" + orderId))
                .willReturn(aResponse().withStatus(200).withBody(body)));
    }

    // --- finding products by SKU ---

    @Test
    void aProductsOwnSkuIsFoundWithItsBaseVariantAndHowItsStockIsTracked() {
        platform.stubFor(get(urlPathEqualTo(V3 + "/catalog/products"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("products-by-sku.json"))));

        Map<String, Listing> found = outbound.findListings(List.of("SM13"), connection);

        assertThat(found)
                .containsOnlyKeys("SM13")
                .containsEntry("SM13", productListing("SM13", "111", "74", "product"));
        platform.verify(getRequestedFor(urlPathEqualTo(V3 + "/catalog/products"))
                .withHeader("X-Auth-Token", equalTo(TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .withQueryParam("sku:in", equalTo("SM13"))
                .withQueryParam("include_fields", equalTo("sku,base_variant_id,inventory_tracking"))
                .withQueryParam("limit", equalTo("250")));
        platform.verify(0, getRequestedFor(urlPathEqualTo(V3 + "/catalog/variants")));
    }

    @Test
    void aVariantSkuIsFoundThroughTheVariantFilterWhenNoProductHasIt() {
        platform.stubFor(get(urlPathEqualTo(V3 + "/catalog/products"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("catalog-empty.json"))));
        platform.stubFor(get(urlPathEqualTo(V3 + "/catalog/variants"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("variants-by-sku.json"))));

        Map<String, Listing> found = outbound.findListings(List.of("SMIT-1"), connection);

        assertThat(found).containsEntry("SMIT-1", variantListing("SMIT-1", "192", "383", "1"));
        platform.verify(getRequestedFor(urlPathEqualTo(V3 + "/catalog/variants"))
                .withHeader("X-Auth-Token", equalTo(TOKEN))
                .withQueryParam("sku", equalTo("SMIT-1"))
                .withQueryParam("include_fields", equalTo("sku,product_id")));
    }

    @Test
    void aSkuBigCommerceDoesNotSellIsLeftOutAfterBothFilters() {
        platform.stubFor(get(urlPathEqualTo(V3 + "/catalog/products"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("products-by-sku.json"))));
        platform.stubFor(get(urlPathEqualTo(V3 + "/catalog/variants"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("catalog-empty.json"))));

        Map<String, Listing> found = outbound.findListings(List.of("SM13", "NOT-SOLD-HERE"), connection);

        assertThat(found).containsOnlyKeys("SM13");
        platform.verify(getRequestedFor(urlPathEqualTo(V3 + "/catalog/products"))
                .withQueryParam("sku:in", equalTo("SM13,NOT-SOLD-HERE")));
        platform.verify(1, getRequestedFor(urlPathEqualTo(V3 + "/catalog/variants")));
        platform.verify(getRequestedFor(urlPathEqualTo(V3 + "/catalog/variants"))
                .withQueryParam("sku", equalTo("NOT-SOLD-HERE")));
    }

    @Test
    void theChannelsLocationReplacesTheDefaultLocation() {
        platform.stubFor(get(urlPathEqualTo(V3 + "/catalog/products"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("catalog-empty.json"))));
        platform.stubFor(get(urlPathEqualTo(V3 + "/catalog/variants"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("variants-by-sku.json"))));

        Map<String, Listing> found = outbound.findListings(
                List.of("SMIT-1"),
                connection(Map.of("store_hash", "abc123", "access_token", TOKEN, "location_id", "2")));

        assertThat(found.get("SMIT-1")).isEqualTo(variantListing("SMIT-1", "192", "383", "2"));
    }

    // --- stock ---

    @Test
    void stockLevelsGoInOneAbsoluteAdjustmentByVariantOrByProductAsBigCommerceTracksThem() {
        platform.stubFor(put(urlPathEqualTo(V3 + "/inventory/adjustments/absolute"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("adjustment-absolute.json"))));

        List<PlatformCall> calls = outbound.setStockLevels(
                List.of(
                        new StockLevel(variantListing("SMIT-2", "192", "384", "2"), 5),
                        new StockLevel(productListing("SM13", "111", "74", "product"), 30),
                        new StockLevel(variantListing("SMIT-1", "192", "383", "1"), 0),
                        new StockLevel(productListing("GIFT", "112", "75", "none"), 9)),
                connection);

        // The product tracked on the product by product_id, the variants by variant_id, location 1 first; the
        // product BigCommerce does not count stock for is left out.
        platform.verify(putRequestedFor(urlPathEqualTo(V3 + "/inventory/adjustments/absolute"))
                .withHeader("X-Auth-Token", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"reason": "Storeline stock sync", "items": [
                          {"location_id": 1, "product_id": 111, "quantity": 30},
                          {"location_id": 1, "variant_id": 383, "quantity": 0},
                          {"location_id": 2, "variant_id": 384, "quantity": 5}
                        ]}""")));
        assertThat(calls)
                .extracting(PlatformCall::method, PlatformCall::path, PlatformCall::status)
                .containsExactly(tuple("PUT", V3 + "/inventory/adjustments/absolute", 200));
        assertThat(calls.get(0).answer()).contains("transaction_id");
    }

    @Test
    void moreThan2000LevelsGoInAdjustmentsOf2000Items() {
        platform.stubFor(put(urlPathEqualTo(V3 + "/inventory/adjustments/absolute"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("adjustment-absolute.json"))));
        List<StockLevel> levels = new ArrayList<>();
        for (int variant = 1; variant <= 2001; variant++) {
            levels.add(new StockLevel(variantListing("SKU-" + variant, "192", String.valueOf(variant), "1"), 3));
        }

        assertThat(outbound.setStockLevels(levels, connection)).hasSize(2);
        platform.verify(2, putRequestedFor(urlPathEqualTo(V3 + "/inventory/adjustments/absolute")));
        platform.verify(putRequestedFor(urlPathEqualTo(V3 + "/inventory/adjustments/absolute"))
                .withRequestBody(equalToJson("{\"reason\": \"Storeline stock sync\", \"items\": ["
                        + "{\"location_id\": 1, \"variant_id\": 2001, \"quantity\": 3}]}")));
    }

    @Test
    void onlyUntrackedProductsSendNothing() {
        assertThat(outbound.setStockLevels(
                        List.of(new StockLevel(productListing("GIFT", "112", "75", "none"), 9)), connection))
                .isEmpty();
        platform.verify(0, anyRequestedFor(anyUrl()));
    }

    // --- prices ---

    @Test
    void pricesGoInBatchesToTheVariantsAndToTheProductsFoundByTheirOwnSku() {
        platform.stubFor(put(urlPathEqualTo(V3 + "/catalog/variants"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("variants-batch-updated.json"))));
        platform.stubFor(put(urlPathEqualTo(V3 + "/catalog/products"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("products-batch-updated.json"))));

        List<PlatformCall> calls = outbound.setPrices(
                List.of(
                        new PriceChange(variantListing("SMIT-1", "192", "383", "1"), Money.of("27.50", "USD")),
                        new PriceChange(productListing("SM13", "111", "74", "product"), Money.of("12.50", "USD"))),
                connection);

        platform.verify(putRequestedFor(urlPathEqualTo(V3 + "/catalog/variants"))
                .withHeader("X-Auth-Token", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("[{\"id\": 383, \"price\": 27.50}]")));
        platform.verify(putRequestedFor(urlPathEqualTo(V3 + "/catalog/products"))
                .withRequestBody(equalToJson("[{\"id\": 111, \"price\": 12.50}]")));
        assertThat(calls)
                .extracting(PlatformCall::method, PlatformCall::path)
                .containsExactly(tuple("PUT", V3 + "/catalog/variants"), tuple("PUT", V3 + "/catalog/products"));
    }

    @Test
    void elevenProductPricesTakeTwoProductBatches() {
        platform.stubFor(put(urlPathEqualTo(V3 + "/catalog/products"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("products-batch-updated.json"))));
        List<PriceChange> prices = new ArrayList<>();
        for (int product = 1; product <= 11; product++) {
            prices.add(new PriceChange(
                    productListing("P-" + product, String.valueOf(product), "9" + product, "product"),
                    Money.of("1.00", "USD")));
        }

        assertThat(outbound.setPrices(prices, connection)).hasSize(2);
        platform.verify(putRequestedFor(urlPathEqualTo(V3 + "/catalog/products"))
                .withRequestBody(equalToJson("[{\"id\": 11, \"price\": 1.00}]")));
    }

    // --- order status ---

    @Test
    void aPackedDeliveryBecomesAwaitingShipment() {
        stubOrder("247", resource("payloads/order-247.json"));

        List<PlatformCall> calls = outbound.sendStatus(
                change("247", StatusChange.Kind.PACKED, FulfillmentType.DELIVERY, List.of()), connection);

        platform.verify(putRequestedFor(urlPathEqualTo(V2 + "/orders/247"))
                .withHeader("X-Auth-Token", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"status_id\": 9}")));
        assertThat(calls)
                .extracting(PlatformCall::method, PlatformCall::path)
                .containsExactly(tuple("GET", V2 + "/orders/247"), tuple("PUT", V2 + "/orders/247"));
    }

    @Test
    void aPackedPickupBecomesAwaitingPickup() {
        stubOrder("250", withStatus("order-250-pickup.json", 11));

        outbound.sendStatus(change("250", StatusChange.Kind.PACKED, FulfillmentType.PICKUP, List.of()), connection);

        platform.verify(
                putRequestedFor(urlPathEqualTo(V2 + "/orders/250")).withRequestBody(equalToJson("{\"status_id\": 8}")));
    }

    @Test
    void aStatusTheOrderHasIsNotSetAgain() {
        stubOrder("250", resource("payloads/order-250-pickup.json")); // Awaiting Pickup already

        List<PlatformCall> calls = outbound.sendStatus(
                change("250", StatusChange.Kind.PACKED, FulfillmentType.PICKUP, List.of()), connection);

        assertThat(calls).extracting(PlatformCall::method).containsExactly("GET");
        platform.verify(0, putRequestedFor(urlPathEqualTo(V2 + "/orders/250")));
    }

    @Test
    void aLatePackedNeverTakesACompletedOrderBackNorTouchesACancelledOne() {
        stubOrder("247", withStatus("order-247.json", 10));
        outbound.sendStatus(change("247", StatusChange.Kind.PACKED, FulfillmentType.DELIVERY, List.of()), connection);
        stubOrder("248", withStatus("order-247.json", 5));
        outbound.sendStatus(
                change("248", StatusChange.Kind.FULFILLED, FulfillmentType.DELIVERY, List.of()), connection);

        platform.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void aShippedDeliveryWithoutTrackingIsCompleted() {
        stubOrder("247", withStatus("order-247.json", 9));

        outbound.sendStatus(
                change("247", StatusChange.Kind.FULFILLED, FulfillmentType.DELIVERY, List.of()), connection);

        platform.verify(putRequestedFor(urlPathEqualTo(V2 + "/orders/247"))
                .withRequestBody(equalToJson("{\"status_id\": 10}")));
    }

    @Test
    void aPickedUpOrderIsCompleted() {
        stubOrder("250", resource("payloads/order-250-pickup.json"));

        outbound.sendStatus(change("250", StatusChange.Kind.FULFILLED, FulfillmentType.PICKUP, List.of()), connection);

        platform.verify(putRequestedFor(urlPathEqualTo(V2 + "/orders/250"))
                .withRequestBody(equalToJson("{\"status_id\": 10}")));
    }

    @Test
    void aDeliveryShippedWithTrackingGetsAShipmentOfEverythingNotShippedYet() {
        platform.stubFor(get(urlPathEqualTo(V2 + "/orders/247/shipments"))
                .willReturn(aResponse().withStatus(204)));
        platform.stubFor(get(urlPathEqualTo(V2 + "/orders/247/shipping_addresses"))
                .willReturn(
                        aResponse().withStatus(200).withBody(resource("payloads/order-247-shipping-addresses.json"))));
        platform.stubFor(get(urlPathEqualTo(V2 + "/orders/247/products"))
                .willReturn(aResponse().withStatus(200).withBody(resource("payloads/order-247-products.json"))));
        platform.stubFor(post(urlPathEqualTo(V2 + "/orders/247/shipments"))
                .willReturn(aResponse().withStatus(201).withBody(outboundPayload("shipment-created.json"))));
        Tracking tracking = new Tracking(
                Optional.of("3SABC1234567"),
                Optional.of("PostNL"),
                Optional.of("https://postnl.example/track/3SABC1234567"));
        Tracking later = new Tracking(Optional.of("EJ958083578US"), Optional.empty(), Optional.empty());

        List<PlatformCall> calls = outbound.sendStatus(
                change("247", StatusChange.Kind.FULFILLED, FulfillmentType.DELIVERY, List.of(tracking, later)),
                connection);

        platform.verify(postRequestedFor(urlPathEqualTo(V2 + "/orders/247/shipments"))
                .withHeader("X-Auth-Token", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {
                          "order_address_id": 151,
                          "tracking_number": "3SABC1234567",
                          "shipping_provider": "",
                          "shipping_method": "PostNL",
                          "tracking_link": "https://postnl.example/track/3SABC1234567",
                          "items": [
                            {"order_product_id": 238, "quantity": 1},
                            {"order_product_id": 239, "quantity": 2},
                            {"order_product_id": 240, "quantity": 4},
                            {"order_product_id": 241, "quantity": 4}
                          ]
                        }""")));
        platform.verify(
                getRequestedFor(urlPathEqualTo(V2 + "/orders/247/products")).withQueryParam("limit", equalTo("250")));
        assertThat(calls)
                .extracting(PlatformCall::method, PlatformCall::path, PlatformCall::status)
                .containsExactly(
                        tuple("GET", V2 + "/orders/247/shipments", 204),
                        tuple("GET", V2 + "/orders/247/shipping_addresses?limit=250", 200),
                        tuple("GET", V2 + "/orders/247/products?limit=250", 200),
                        tuple("POST", V2 + "/orders/247/shipments", 201));
        platform.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void anOrderThatHasAShipmentAlreadyGetsNoSecondOne() {
        platform.stubFor(get(urlPathEqualTo(V2 + "/orders/247/shipments"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("shipments-order-225.json"))));
        Tracking tracking = new Tracking(Optional.of("3SABC1234567"), Optional.empty(), Optional.empty());

        List<PlatformCall> calls = outbound.sendStatus(
                change("247", StatusChange.Kind.FULFILLED, FulfillmentType.DELIVERY, List.of(tracking)), connection);

        assertThat(calls).extracting(PlatformCall::method).containsExactly("GET");
        platform.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void paidCancelledAndRefundedHaveNoBigCommerceWordAndSendNothing() {
        for (StatusChange.Kind kind :
                List.of(StatusChange.Kind.PAID, StatusChange.Kind.CANCELLED, StatusChange.Kind.REFUNDED)) {
            assertThat(outbound.sendStatus(change("247", kind, FulfillmentType.DELIVERY, List.of()), connection))
                    .isEmpty();
        }
        platform.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anOrderIdThatIsNotANumberIsRefusedWithoutACall() {
        assertThatThrownBy(() -> outbound.sendStatus(
                        change("247/shipments", StatusChange.Kind.PACKED, FulfillmentType.DELIVERY, List.of()),
                        connection))
                .isInstanceOfSatisfying(
                        PlatformCallException.class,
                        e -> assertThat(e.retryable()).isFalse());
        platform.verify(0, anyRequestedFor(anyUrl()));
    }

    // --- failures ---

    @Test
    void a429IsUnavailableForTheTimeItsResetHeaderSays() {
        // BigCommerce's documented 429: no Retry-After, only X-Rate-Limit-Time-Reset-Ms.
        platform.stubFor(put(urlPathEqualTo(V3 + "/inventory/adjustments/absolute"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Rate-Limit-Time-Reset-Ms", "15000")));

        assertThatThrownBy(() -> outbound.setStockLevels(
                        List.of(new StockLevel(variantListing("SMIT-1", "192", "383", "1"), 4)), connection))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(15));
                });
    }

    @Test
    void aRetryAfterThePlatformSendsItselfIsKept() {
        platform.stubFor(put(urlPathEqualTo(V3 + "/catalog/variants"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "3")
                        .withHeader("X-Rate-Limit-Time-Reset-Ms", "15000")));

        assertThatThrownBy(() -> outbound.setPrices(
                        List.of(new PriceChange(variantListing("SMIT-1", "192", "383", "1"), Money.of("27.50", "USD"))),
                        connection))
                .isInstanceOfSatisfying(
                        PlatformCallException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
    }

    @Test
    void a422IsRefusedWithBigCommercesOwnMessage() {
        platform.stubFor(put(urlPathEqualTo(V3 + "/inventory/adjustments/absolute"))
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(outboundPayload("error-422-tracked-by-product.json"))));

        assertThatThrownBy(() -> outbound.setStockLevels(
                        List.of(new StockLevel(variantListing("SMIT-1", "192", "106", "1"), 4)), connection))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.status()).isEqualTo(422);
                })
                .hasMessageContaining(
                        "Item with variant_id 106 is tracked by product, please update stock by product id");
    }

    @Test
    void noAnswerInTimeIsTimedOutAndMayHaveTakenEffect() {
        platform.stubFor(put(urlPathEqualTo(V3 + "/inventory/adjustments/absolute"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(2000)
                        .withBody(outboundPayload("adjustment-absolute.json"))));
        BigCommerceOutbound impatient = new BigCommerceOutbound(http(Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.setStockLevels(
                        List.of(new StockLevel(variantListing("SMIT-1", "192", "383", "1"), 4)), connection))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.outcomeUnknown()).isTrue();
                });
    }

    // --- budget and wiring ---

    @Test
    void theBudgetIsTheStandardPlans150RequestsPer30Seconds() {
        assertThat(outbound.budget().windows()).containsExactly(new RateBudget.Window(150, Duration.ofSeconds(30)));
    }

    @Test
    void theConnectorOffersItsOutbound() {
        assertThat(new BigCommerceConnector(PlatformHttp.standard()).outbound()).isPresent();
    }
}
