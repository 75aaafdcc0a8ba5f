package org.storeline.channels.lightspeed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
import org.storeline.core.sync.StatusChange.Kind;
import org.storeline.core.sync.StockLevel;

/**
 * Stock, prices, SKU lookups and "completed" against a WireMock Lightspeed (US cluster, language "us") answering the
 * SDK copies of Lightspeed's documented resources (payloads/SOURCES.md, "Outbound"): the exact requests, and how a
 * refusal, a rate limit and a timeout surface.
 */
class LightspeedOutboundTest {
    private static final String AUTH = "Basic "
            + Base64.getEncoder()
                    .encodeToString("contract-api-key:contract-api-secret".getBytes(StandardCharsets.UTF_8));
    private static final Listing VARIANT =
            new Listing("AB00000123", Map.of("variant", "36285796", "product", "21881217"));

    private WireMockServer lightspeed;
    private LightspeedOutbound outbound;
    private ChannelConnection connection;

    @BeforeEach
    void start() {
        lightspeed = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        lightspeed.start();
        outbound = new LightspeedOutbound(HttpClient.newHttpClient(), Duration.ofSeconds(10));
        connection = new ChannelConnection(
                "ch-1", URI.create(lightspeed.baseUrl()), LightspeedConnectorContractTest.CREDENTIALS, "s");
    }

    @AfterEach
    void stop() {
        lightspeed.stop();
    }

    @Test
    void aSkuIsFoundAsAVariantsSkuElseAsItsArticleCodeAndAnUnknownOneIsLeftOut() {
        lightspeed.stubFor(get(urlPathEqualTo("/us/variants.json"))
                .withQueryParam("sku", equalTo("AB00000123"))
                .willReturn(okJson(payload("variants-sku-AB00000123.json"))));
        lightspeed.stubFor(get(urlPathEqualTo("/us/variants.json"))
                .withQueryParam("sku", equalTo("TEE M"))
                .willReturn(okJson(payload("variants-none.json"))));
        lightspeed.stubFor(get(urlPathEqualTo("/us/variants.json"))
                .withQueryParam("articleCode", equalTo("TEE M"))
                .willReturn(okJson(payload("variants-articlecode-AB00000123.json"))));

        Map<String, Listing> found = outbound.findListings(List.of("AB00000123", "TEE M"), connection);

        // The article-code answer's variant has article code AB00000123, not "TEE M": it is not taken for it.
        assertThat(found).containsOnly(Map.entry("AB00000123", VARIANT));
        lightspeed.verify(getRequestedFor(urlEqualTo("/us/variants.json?sku=AB00000123"))
                .withHeader("Authorization", equalTo(AUTH)));
        lightspeed.verify(getRequestedFor(urlEqualTo("/us/variants.json?articleCode=TEE%20M")));
    }

    @Test
    void aSkuShopsKeepAsTheArticleCodeIsFoundThere() {
        lightspeed.stubFor(get(urlPathEqualTo("/us/variants.json"))
                .withQueryParam("sku", equalTo("AB00000123"))
                .willReturn(okJson(payload("variants-none.json"))));
        lightspeed.stubFor(get(urlPathEqualTo("/us/variants.json"))
                .withQueryParam("articleCode", equalTo("AB00000123"))
                .willReturn(okJson(payload("variants-articlecode-AB00000123.json"))));

        assertThat(outbound.findListings(List.of("AB00000123"), connection))
                .containsOnly(Map.entry("AB00000123", VARIANT));
    }

    @Test
    void aStockChangeTurnsStockTrackingOnAndSetsTheAbsoluteLevel() {
        lightspeed.stubFor(
                put(urlEqualTo("/us/variants/36285796.json")).willReturn(okJson(payload("variant-sdk-36285796.json"))));

        List<PlatformCall> calls =
                outbound.setStockLevels(List.of(new StockLevel(VARIANT, 4), new StockLevel(VARIANT, 3)), connection);

        lightspeed.verify(
                1,
                putRequestedFor(urlEqualTo("/us/variants/36285796.json"))
                        .withHeader("Authorization", equalTo(AUTH))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson(
                                "{\"variant\":{\"stockTracking\":\"enabled\",\"stockLevel\":3}}", false, false)));
        assertThat(calls)
                .extracting(PlatformCall::method, PlatformCall::path, PlatformCall::status)
                .containsExactly(tuple("PUT", "/us/variants/36285796.json", 200));
    }

    @Test
    void aPriceChangeSetsTheVariantsPriceIncludingTax() {
        lightspeed.stubFor(
                put(urlEqualTo("/us/variants/36285796.json")).willReturn(okJson(payload("variant-sdk-36285796.json"))));

        outbound.setPrices(List.of(new PriceChange(VARIANT, Money.of("24.95", "USD"))), connection);

        lightspeed.verify(putRequestedFor(urlEqualTo("/us/variants/36285796.json"))
                .withHeader("Authorization", equalTo(AUTH))
                .withRequestBody(equalToJson("{\"variant\":{\"priceIncl\":24.95}}", false, false)));
    }

    @Test
    void aPackedOrderAndTheOtherKindsSendNothing() {
        for (Kind kind : List.of(Kind.PACKED, Kind.PAID, Kind.CANCELLED, Kind.REFUNDED)) {
            assertThat(outbound.sendStatus(change("1623550", kind, FulfillmentType.DELIVERY, List.of()), connection))
                    .isEmpty();
            assertThat(outbound.sendStatus(change("1623552", kind, FulfillmentType.PICKUP, List.of()), connection))
                    .isEmpty();
        }
        assertThat(lightspeed.getAllServeEvents()).isEmpty();
    }

    @Test
    void aShippedDeliveryShipsItsShipmentWithTheTrackingCodeAndCompletesTheOrder() {
        stubOrder("1623550", payload("order-sdk-1623550.json", ""));
        lightspeed.stubFor(
                put(urlEqualTo("/us/shipments/1599522.json")).willReturn(okJson(payload("shipment-sdk-4981236.json"))));
        lightspeed.stubFor(put(urlEqualTo("/us/orders/1623550.json"))
                .willReturn(okJson(payload("order-fulfilled-1623553.json", ""))));

        List<PlatformCall> calls = outbound.sendStatus(
                change("1623550", Kind.FULFILLED, FulfillmentType.DELIVERY, List.of(tracking("3SABC123"))), connection);

        lightspeed.verify(putRequestedFor(urlEqualTo("/us/shipments/1599522.json"))
                .withHeader("Authorization", equalTo(AUTH))
                .withRequestBody(equalToJson(
                        "{\"shipment\":{\"status\":\"shipped\",\"trackingCode\":\"3SABC123\"}}", false, false)));
        lightspeed.verify(putRequestedFor(urlEqualTo("/us/orders/1623550.json"))
                .withHeader("Authorization", equalTo(AUTH))
                .withRequestBody(equalToJson("{\"order\":{\"status\":\"completed_shipped\"}}", false, false)));
        assertThat(calls)
                .extracting(PlatformCall::method, PlatformCall::path)
                .containsExactly(
                        tuple("GET", "/us/orders/1623550.json"),
                        tuple("PUT", "/us/shipments/1599522.json"),
                        tuple("PUT", "/us/orders/1623550.json"));
    }

    @Test
    void shipmentsTheOrderOnlyLinksAreListedBeforeTheyAreShipped() {
        ObjectNode body = (ObjectNode) PlatformJson.parse(payload("order-sdk-1623550.json", ""), "order");
        ((ObjectNode) body.path("order").path("shipments").path("resource")).remove("embedded");
        stubOrder("1623550", body.toString());
        lightspeed.stubFor(get(urlEqualTo("/us/shipments.json?order=1623550"))
                .willReturn(okJson(payload("shipments-order-5042285.json"))));
        lightspeed.stubFor(put(urlMatching("/us/(shipments|orders)/.*")).willReturn(okJson("{}")));

        outbound.sendStatus(change("1623550", Kind.FULFILLED, FulfillmentType.DELIVERY, List.of()), connection);

        lightspeed.verify(putRequestedFor(urlEqualTo("/us/shipments/4981236.json"))
                .withRequestBody(equalToJson("{\"shipment\":{\"status\":\"shipped\"}}", false, false)));
        lightspeed.verify(putRequestedFor(urlEqualTo("/us/orders/1623550.json")));
    }

    @Test
    void aPickedUpOrderIsCompletedAsPickedUpWithoutTouchingShipments() {
        stubOrder("1623552", payload("order-pickup-1623552.json", ""));
        lightspeed.stubFor(put(urlEqualTo("/us/orders/1623552.json")).willReturn(okJson("{}")));

        outbound.sendStatus(change("1623552", Kind.FULFILLED, FulfillmentType.PICKUP, List.of()), connection);

        lightspeed.verify(1, putRequestedFor(urlMatching(".*")));
        lightspeed.verify(putRequestedFor(urlEqualTo("/us/orders/1623552.json"))
                .withRequestBody(equalToJson("{\"order\":{\"status\":\"completed_picked_up\"}}", false, false)));
    }

    @Test
    void anOrderLightspeedAlreadyShowsCompletedIsOnlyRead() {
        stubOrder("1623553", payload("order-fulfilled-1623553.json", ""));

        List<PlatformCall> calls =
                outbound.sendStatus(change("1623553", Kind.FULFILLED, FulfillmentType.DELIVERY, List.of()), connection);

        assertThat(calls).extracting(PlatformCall::method).containsExactly("GET");
        lightspeed.verify(0, putRequestedFor(urlMatching(".*")));
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsForTheWindowLightspeedSaysIsEmpty() {
        lightspeed.stubFor(put(urlEqualTo("/us/variants/36285796.json"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("X-RateLimit-Limit", "300/3000/12000")
                        .withHeader("X-RateLimit-Remaining", "0/2999/11999")
                        .withHeader("X-RateLimit-Reset", "5/2063/23663")
                        .withBody(payload("error-429.json"))));

        PlatformCallException e = catchThrowableOfType(
                () -> outbound.setStockLevels(List.of(new StockLevel(VARIANT, 1)), connection),
                PlatformCallException.class);

        assertThat(e.retryable()).isTrue();
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
    }

    @Test
    void aRetryAfterHeaderWinsOverTheRateLimitHeaders() {
        lightspeed.stubFor(put(urlEqualTo("/us/variants/36285796.json"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "30")
                        .withHeader("X-RateLimit-Remaining", "0/2999/11999")
                        .withHeader("X-RateLimit-Reset", "5/2063/23663")));

        PlatformCallException e = catchThrowableOfType(
                () -> outbound.setStockLevels(List.of(new StockLevel(VARIANT, 1)), connection),
                PlatformCallException.class);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void aRefusalIsFinalAndCarriesLightspeedsMessage() {
        lightspeed.stubFor(put(urlEqualTo("/us/variants/36285796.json"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(payload("error-404.json"))));

        PlatformCallException e = catchThrowableOfType(
                () -> outbound.setPrices(List.of(new PriceChange(VARIANT, Money.of("1.00", "USD"))), connection),
                PlatformCallException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.getMessage()).contains("Variant not found");
    }

    @Test
    void noAnswerInTimeMayHaveTakenEffect() {
        lightspeed.stubFor(put(urlEqualTo("/us/variants/36285796.json"))
                .willReturn(okJson(payload("variant-sdk-36285796.json")).withFixedDelay(2_000)));
        LightspeedOutbound impatient = new LightspeedOutbound(HttpClient.newHttpClient(), Duration.ofMillis(300));

        PlatformCallException e = catchThrowableOfType(
                () -> impatient.setStockLevels(List.of(new StockLevel(VARIANT, 1)), connection),
                PlatformCallException.class);

        assertThat(e.retryable()).isTrue();
        assertThat(e.outcomeUnknown()).isTrue();
    }

    @Test
    void theConnectorOffersItWithLightspeedsFourWindows() {
        LightspeedConnector connector = new LightspeedConnector(new PlatformHttp(
                HttpClient.newHttpClient(), 1, attempt -> Duration.ZERO, wait -> {}, Duration.ofSeconds(1)));

        assertThat(connector.outbound().orElseThrow().budget().windows())
                .containsExactly(
                        new RateBudget.Window(20, Duration.ofSeconds(1)),
                        new RateBudget.Window(300, Duration.ofMinutes(5)),
                        new RateBudget.Window(3_000, Duration.ofHours(1)),
                        new RateBudget.Window(12_000, Duration.ofDays(1)));
    }

    private void stubOrder(String id, String body) {
        lightspeed.stubFor(get(urlEqualTo("/us/orders/" + id + ".json")).willReturn(okJson(body)));
    }

    private static StatusChange change(String id, Kind kind, FulfillmentType type, List<Tracking> tracking) {
        return new StatusChange(id, kind, type, tracking, Optional.empty(), false);
    }

    private static Tracking tracking(String number) {
        return new Tracking(Optional.of(number), Optional.of("UPS"), Optional.empty());
    }

    private static String payload(String file) {
        return payload(file, "outbound/");
    }

    private static String payload(String file, String folder) {
        try (InputStream in =
                LightspeedOutboundTest.class.getClassLoader().getResourceAsStream("payloads/" + folder + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing test payload " + folder + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseDefinitionBuilder okJson(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
