package org.storeline.channels.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
 * The exact requests Storeline sends to Shopify, against WireMock answering with Shopify's own examples (sources in
 * src/test/resources/outbound/SOURCES.md).
 */
class ShopifyOutboundTest {
    private static final String API = "/admin/api/" + ShopifyClient.API_VERSION;
    private static final String TOKEN = "shpat_test_token";

    private WireMockServer shop;
    private ShopifyOutbound outbound;
    private ChannelConnection connection;

    @BeforeEach
    void start() {
        shop = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        shop.start();
        // One attempt, as the outbox uses it.
        outbound = new ShopifyOutbound(http(Duration.ofSeconds(10)));
        connection = connection(Map.of("access_token", TOKEN));
    }

    @AfterEach
    void stop() {
        shop.stop();
    }

    private static PlatformHttp http(Duration requestTimeout) {
        return new PlatformHttp(HttpClient.newHttpClient(), 1, attempt -> Duration.ZERO, wait -> {}, requestTimeout);
    }

    private ChannelConnection connection(Map<String, String> credentials) {
        return new ChannelConnection("ch_1", URI.create(shop.baseUrl()), credentials, "secret");
    }

    static String outboundPayload(String file) {
        try (InputStream in = ShopifyOutboundTest.class.getClassLoader().getResourceAsStream("outbound/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource outbound/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Listing listing(String sku, String variant, String inventoryItem, String location) {
        return new Listing(
                sku,
                Map.of(
                        ShopifyOutbound.VARIANT_ID, variant,
                        ShopifyOutbound.INVENTORY_ITEM_ID, inventoryItem,
                        ShopifyOutbound.LOCATION_ID, location));
    }

    private static StatusChange change(StatusChange.Kind kind, FulfillmentType type, List<Tracking> tracking) {
        return new StatusChange("450789469", kind, type, tracking, Optional.empty(), false);
    }

    private static String graphqlBody(String searchQuery) {
        ObjectNode body = PlatformJson.MAPPER.createObjectNode().put("query", ShopifyListings.QUERY);
        body.putObject("variables").put("query", searchQuery).put("first", 100);
        return body.toString();
    }

    // --- finding products by SKU ---

    @Test
    void findsEachVariantBySkuWithItsInventoryItemAndTheShopsPrimaryLocation() {
        shop.stubFor(post(urlPathEqualTo(API + "/graphql.json"))
                .willReturn(
                        aResponse().withStatus(200).withBody(outboundPayload("graphql-product-variants-by-sku.json"))));
        shop.stubFor(get(urlPathEqualTo(API + "/shop.json"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("shop.json"))));

        Map<String, Listing> found = outbound.findListings(List.of("element-151", "element-158"), connection);

        // Both are variants (sizes) of one product; each is found by its own SKU.
        assertThat(found)
                .containsOnlyKeys("element-151", "element-158")
                .containsEntry("element-151", listing("element-151", "30322695", "30322695", "655441491"))
                .containsEntry("element-158", listing("element-158", "236948360", "236948360", "655441491"));
        shop.verify(postRequestedFor(urlPathEqualTo(API + "/graphql.json"))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(graphqlBody("sku:\"element-151\" OR sku:\"element-158\""))));
        shop.verify(getRequestedFor(urlPathEqualTo(API + "/shop.json"))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN)));
    }

    @Test
    void aSkuShopifyDoesNotSellIsLeftOutEvenWhenTheSearchMatchesOtherVariants() {
        shop.stubFor(post(urlPathEqualTo(API + "/graphql.json"))
                .willReturn(
                        aResponse().withStatus(200).withBody(outboundPayload("graphql-product-variants-by-sku.json"))));
        shop.stubFor(get(urlPathEqualTo(API + "/shop.json"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("shop.json"))));

        Map<String, Listing> found = outbound.findListings(List.of("element-155", "element"), connection);

        assertThat(found).containsOnlyKeys("element-155");
        shop.verify(postRequestedFor(urlPathEqualTo(API + "/graphql.json"))
                .withRequestBody(equalToJson(graphqlBody("sku:\"element-155\" OR sku:\"element\""))));
    }

    @Test
    void nothingFoundAsksForNoLocation() {
        shop.stubFor(post(urlPathEqualTo(API + "/graphql.json"))
                .willReturn(
                        aResponse().withStatus(200).withBody("{\"data\": {\"productVariants\": {\"edges\": []}}}")));

        assertThat(outbound.findListings(List.of("NOT-SOLD-HERE"), connection)).isEmpty();
        shop.verify(0, getRequestedFor(urlPathEqualTo(API + "/shop.json")));
    }

    @Test
    void theChannelsLocationIsUsedWithoutAskingForTheShop() {
        shop.stubFor(post(urlPathEqualTo(API + "/graphql.json"))
                .willReturn(
                        aResponse().withStatus(200).withBody(outboundPayload("graphql-product-variants-by-sku.json"))));

        Map<String, Listing> found = outbound.findListings(
                List.of("element-155"), connection(Map.of("access_token", TOKEN, "location_id", "24826418")));

        assertThat(found.get("element-155")).isEqualTo(listing("element-155", "113711323", "113711323", "24826418"));
        shop.verify(0, getRequestedFor(urlPathEqualTo(API + "/shop.json")));
    }

    @Test
    void skusAreQuotedWithTheirQuotesAndBackslashesEscaped() {
        assertThat(ShopifyListings.searchQuery(List.of("A B", "say \"hi\"", "back\\slash")))
                .isEqualTo("sku:\"A B\" OR sku:\"say \\\"hi\\\"\" OR sku:\"back\\\\slash\"");
    }

    @Test
    void aThrottledQueryIsUnavailableForAsLongAsItsCostTakesToRestore() {
        shop.stubFor(post(urlPathEqualTo(API + "/graphql.json"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("graphql-throttled.json"))));

        assertThatThrownBy(() -> outbound.findListings(List.of("element-151"), connection))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    // (752 requested - 666 available) / 50 a second = 1.72 s
                    assertThat(e.retryAfter()).contains(Duration.ofMillis(1720));
                });
    }

    // --- stock ---

    private static final String STOCK_GRAPHQL = "/admin/api/2026-01/graphql.json";

    /** The variables of an inventorySetQuantities call (its query carries a new idempotency key each time). */
    private static String stockVariables(String quantities) {
        return "{\"variables\": {\"input\": {\"name\": \"available\", \"reason\": \"correction\", "
                + "\"quantities\": [" + quantities + "]}}}";
    }

    private static String quantity(String inventoryItem, String location, int level) {
        return "{\"inventoryItemId\": \"gid://shopify/InventoryItem/" + inventoryItem
                + "\", \"locationId\": \"gid://shopify/Location/" + location + "\", \"quantity\": " + level
                + ", \"changeFromQuantity\": null}";
    }

    @Test
    void stockLevelsAreSetAbsoluteInOneInventorySetQuantitiesCall() {
        shop.stubFor(post(urlPathEqualTo(STOCK_GRAPHQL))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(outboundPayload("graphql-inventory-set-quantities.json"))));

        List<PlatformCall> calls = outbound.setStockLevels(
                List.of(
                        new StockLevel(listing("IPOD2008PINK", "808950810", "808950810", "655441491"), 42),
                        new StockLevel(listing("IPOD2008GREEN", "39072856", "39072856", "655441491"), 0),
                        new StockLevel(listing("IPOD2008BLACK", "457924702", "457924702", "487838322"), 7)),
                connection);

        shop.verify(1, postRequestedFor(urlPathEqualTo(STOCK_GRAPHQL)));
        shop.verify(postRequestedFor(urlPathEqualTo(STOCK_GRAPHQL))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(containing("inventorySetQuantities(input: $input) @idempotent(key: "))
                .withRequestBody(equalToJson(
                        stockVariables(quantity("808950810", "655441491", 42) + ", "
                                + quantity("39072856", "655441491", 0) + ", "
                                + quantity("457924702", "487838322", 7)),
                        false,
                        true)));
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo(STOCK_GRAPHQL);
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.answer()).contains("\"userErrors\": []");
        });
    }

    @Test
    void moreThan250LevelsGoIn250sAsShopifyCapsInputArrays() {
        shop.stubFor(post(urlPathEqualTo(STOCK_GRAPHQL))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(outboundPayload("graphql-inventory-set-quantities.json"))));
        List<StockLevel> levels = new ArrayList<>();
        for (int i = 1; i <= 501; i++) {
            levels.add(
                    new StockLevel(listing("SKU-" + i, String.valueOf(i), String.valueOf(1000 + i), "655441491"), i));
        }

        List<PlatformCall> calls = outbound.setStockLevels(levels, connection);

        assertThat(calls).hasSize(3);
        List<Integer> sizes = shop.findAll(postRequestedFor(urlPathEqualTo(STOCK_GRAPHQL))).stream()
                .map(request -> PlatformJson.parse(request.getBodyAsString(), "request")
                        .path("variables")
                        .path("input")
                        .path("quantities")
                        .size())
                .toList();
        assertThat(sizes).containsExactly(250, 250, 1);
    }

    @Test
    void onlyTheLastLevelOfAnItemAtALocationIsSent() {
        shop.stubFor(post(urlPathEqualTo(STOCK_GRAPHQL))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(outboundPayload("graphql-inventory-set-quantities.json"))));
        Listing pink = listing("IPOD2008PINK", "808950810", "808950810", "655441491");

        outbound.setStockLevels(List.of(new StockLevel(pink, 5), new StockLevel(pink, 42)), connection);

        shop.verify(1, postRequestedFor(urlPathEqualTo(STOCK_GRAPHQL)));
        shop.verify(postRequestedFor(urlPathEqualTo(STOCK_GRAPHQL))
                .withRequestBody(equalToJson(stockVariables(quantity("808950810", "655441491", 42)), false, true)));
    }

    @Test
    void userErrorsAreARefusalWithShopifysOwnMessage() {
        shop.stubFor(post(urlPathEqualTo(STOCK_GRAPHQL))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(outboundPayload("graphql-inventory-set-quantities-user-errors.json"))));

        assertThatThrownBy(() -> outbound.setStockLevels(
                        List.of(new StockLevel(listing("IPOD2008PINK", "808950810", "808950810", "1"), 42)),
                        connection))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.madeBefore()).isEmpty();
                })
                .hasMessageContaining("IPOD2008PINK")
                .hasMessageContaining("The specified location could not be found.");
    }

    @Test
    void aListingWithoutItsShopifyIdsIsRefusedBeforeAnyCall() {
        Listing incomplete = new Listing("IPOD2008PINK", Map.of(ShopifyOutbound.VARIANT_ID, "808950810"));

        assertThatThrownBy(() -> outbound.setStockLevels(
                        List.of(
                                new StockLevel(listing("IPOD2008GREEN", "39072856", "39072856", "655441491"), 1),
                                new StockLevel(incomplete, 3)),
                        connection))
                .isInstanceOfSatisfying(
                        PlatformCallException.class,
                        e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("IPOD2008PINK");
        shop.verify(0, anyRequestedFor(anyUrl()));
    }

    // --- prices ---

    @Test
    void thePriceIsSetOnTheVariantAsTheDecimalStringShopifyUses() {
        shop.stubFor(put(urlPathEqualTo(API + "/variants/808950810.json"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("variant-price-updated.json"))));

        List<PlatformCall> calls = outbound.setPrices(
                List.of(new PriceChange(
                        listing("IPOD2008PINK", "808950810", "808950810", "655441491"), Money.of("99", "USD"))),
                connection);

        shop.verify(putRequestedFor(urlPathEqualTo(API + "/variants/808950810.json"))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"variant\": {\"id\": 808950810, \"price\": \"99.00\"}}")));
        assertThat(calls)
                .singleElement()
                .satisfies(call -> assertThat(call.path()).isEqualTo(API + "/variants/808950810.json"));
    }

    // --- order status ---

    @Test
    void shippedWithTrackingFulfilsTheOpenFulfillmentOrderWithTheFirstTrackingAndNoShopifyEmail() {
        shop.stubFor(get(urlPathEqualTo(API + "/orders/450789469/fulfillment_orders.json"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("fulfillment-orders-open.json"))));
        shop.stubFor(post(urlPathEqualTo(API + "/fulfillments.json"))
                .willReturn(aResponse().withStatus(201).withBody(outboundPayload("fulfillment-created.json"))));
        Tracking first = new Tracking(
                Optional.of("MS1562678"),
                Optional.of("My Shipping Company"),
                Optional.of("https://www.my-shipping-company.com?tracking_number=MS1562678"));
        Tracking second = new Tracking(Optional.of("1Z2345"), Optional.of("UPS"), Optional.empty());

        List<PlatformCall> calls = outbound.sendStatus(
                change(StatusChange.Kind.FULFILLED, FulfillmentType.DELIVERY, List.of(first, second)), connection);

        shop.verify(postRequestedFor(urlPathEqualTo(API + "/fulfillments.json"))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"fulfillment": {
                          "line_items_by_fulfillment_order": [{"fulfillment_order_id": 1046000823}],
                          "tracking_info": {
                            "number": "MS1562678",
                            "company": "My Shipping Company",
                            "url": "https://www.my-shipping-company.com?tracking_number=MS1562678"
                          },
                          "notify_customer": false
                        }}""")));
        assertThat(calls)
                .extracting(PlatformCall::method, PlatformCall::path, PlatformCall::status)
                .containsExactly(
                        tuple("GET", API + "/orders/450789469/fulfillment_orders.json", 200),
                        tuple("POST", API + "/fulfillments.json", 201));
    }

    @Test
    void aFulfillmentRefusedAfterTheFulfillmentOrdersWereReadCarriesThatRead() {
        shop.stubFor(get(urlPathEqualTo(API + "/orders/450789469/fulfillment_orders.json"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("fulfillment-orders-open.json"))));
        shop.stubFor(post(urlPathEqualTo(API + "/fulfillments.json"))
                .willReturn(aResponse().withStatus(422).withBody("{\"errors\": [\"Fulfillment order is closed\"]}")));

        assertThatThrownBy(() -> outbound.sendStatus(
                        change(StatusChange.Kind.FULFILLED, FulfillmentType.DELIVERY, List.of()), connection))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.madeBefore())
                            .extracting(PlatformCall::method, PlatformCall::path, PlatformCall::status)
                            .containsExactly(tuple("GET", API + "/orders/450789469/fulfillment_orders.json", 200));
                });
    }

    @Test
    void pickedUpFulfilsTheOrderWithoutTracking() {
        shop.stubFor(get(urlPathEqualTo(API + "/orders/450789469/fulfillment_orders.json"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("fulfillment-orders-open.json"))));
        shop.stubFor(post(urlPathEqualTo(API + "/fulfillments.json"))
                .willReturn(aResponse().withStatus(201).withBody(outboundPayload("fulfillment-created.json"))));

        outbound.sendStatus(change(StatusChange.Kind.FULFILLED, FulfillmentType.PICKUP, List.of()), connection);

        shop.verify(postRequestedFor(urlPathEqualTo(API + "/fulfillments.json")).withRequestBody(equalToJson("""
                        {"fulfillment": {
                          "line_items_by_fulfillment_order": [{"fulfillment_order_id": 1046000823}],
                          "notify_customer": false
                        }}""")));
    }

    @Test
    void anOrderWithNoOpenFulfillmentOrderIsFulfilledAlreadyAndGetsNoSecondFulfillment() {
        shop.stubFor(get(urlPathEqualTo(API + "/orders/450789469/fulfillment_orders.json"))
                .willReturn(aResponse().withStatus(200).withBody(outboundPayload("fulfillment-orders-closed.json"))));

        List<PlatformCall> calls = outbound.sendStatus(
                change(StatusChange.Kind.FULFILLED, FulfillmentType.DELIVERY, List.of()), connection);

        assertThat(calls).extracting(PlatformCall::method).containsExactly("GET");
        shop.verify(0, postRequestedFor(urlPathEqualTo(API + "/fulfillments.json")));
    }

    @Test
    void fulfillmentOrdersAtTwoLocationsAreFulfilledOneLocationAtATime() {
        shop.stubFor(get(urlPathEqualTo(API + "/orders/450789469/fulfillment_orders.json"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(outboundPayload("fulfillment-orders-two-locations.json"))));
        shop.stubFor(post(urlPathEqualTo(API + "/fulfillments.json"))
                .willReturn(aResponse().withStatus(201).withBody(outboundPayload("fulfillment-created.json"))));

        outbound.sendStatus(change(StatusChange.Kind.FULFILLED, FulfillmentType.DELIVERY, List.of()), connection);

        shop.verify(2, postRequestedFor(urlPathEqualTo(API + "/fulfillments.json")));
        shop.verify(postRequestedFor(urlPathEqualTo(API + "/fulfillments.json"))
                .withRequestBody(equalToJson("{\"fulfillment\": {\"line_items_by_fulfillment_order\":"
                        + " [{\"fulfillment_order_id\": 1046000837}], \"notify_customer\": false}}")));
    }

    @Test
    void packedPaidCancelledAndRefundedHaveNoShopifyWordAndSendNothing() {
        for (StatusChange.Kind kind : List.of(
                StatusChange.Kind.PACKED,
                StatusChange.Kind.PAID,
                StatusChange.Kind.CANCELLED,
                StatusChange.Kind.REFUNDED)) {
            for (FulfillmentType type : FulfillmentType.values()) {
                assertThat(outbound.sendStatus(change(kind, type, List.of()), connection))
                        .as(kind + " " + type)
                        .isEmpty();
            }
        }
        shop.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anOrderIdThatIsNotShopifysIsRefusedWithoutACall() {
        StatusChange change = new StatusChange(
                "../shop", StatusChange.Kind.FULFILLED, FulfillmentType.DELIVERY, List.of(), Optional.empty(), false);

        assertThatThrownBy(() -> outbound.sendStatus(change, connection))
                .isInstanceOfSatisfying(
                        PlatformCallException.class,
                        e -> assertThat(e.retryable()).isFalse());
        shop.verify(0, anyRequestedFor(anyUrl()));
    }

    // --- failures, as PlatformHttp reports them ---

    @Test
    void a429WithRetryAfterIsUnavailableForTheTimeShopifyAsked() {
        shop.stubFor(put(urlPathEqualTo(API + "/variants/808950810.json"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "2.0")
                        .withBody(outboundPayload("error-429.json"))));

        assertThatThrownBy(() -> outbound.setPrices(
                        List.of(new PriceChange(
                                listing("IPOD2008PINK", "808950810", "808950810", "655441491"),
                                Money.of("199.00", "USD"))),
                        connection))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
                });
        shop.verify(1, putRequestedFor(urlPathEqualTo(API + "/variants/808950810.json")));
    }

    @Test
    void noAnswerInTimeIsTimedOutAndMayHaveTakenEffect() {
        shop.stubFor(put(urlPathEqualTo(API + "/variants/808950810.json"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(2000)
                        .withBody(outboundPayload("variant-price-updated.json"))));

        ShopifyOutbound impatient = new ShopifyOutbound(http(Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.setPrices(
                        List.of(new PriceChange(
                                listing("IPOD2008PINK", "808950810", "808950810", "655441491"),
                                Money.of("99.00", "USD"))),
                        connection))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.outcomeUnknown()).isTrue();
                });
    }

    // --- budget and wiring ---

    @Test
    void theBudgetIsTheStandardPlansLeakyBucket() {
        assertThat(outbound.budget().windows())
                .containsExactly(
                        new RateBudget.Window(40, Duration.ofSeconds(20)),
                        new RateBudget.Window(2, Duration.ofSeconds(1)));
    }

    @Test
    void theConnectorOffersItsOutbound() {
        assertThat(new ShopifyConnector(PlatformHttp.standard()).outbound()).isPresent();
    }
}
