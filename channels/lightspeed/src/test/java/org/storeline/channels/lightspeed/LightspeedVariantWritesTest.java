package org.storeline.channels.lightspeed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.money.Money;
import org.storeline.core.sync.Listing;
import org.storeline.core.sync.PlatformCall;
import org.storeline.core.sync.PriceChange;
import org.storeline.core.sync.StockLevel;

/**
 * Several variants written at once against a WireMock Lightspeed (language "us"): the bulk requests sent, and what
 * happens when Lightspeed refuses the bulk request itself, or one variant in it.
 */
class LightspeedVariantWritesTest {
    private static final String BULK = "/us/variants/bulk.json";

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
    void levelsOfManyVariantsGoFiftyToABulkRequestEachWithItsIdTrackingAndLevel() {
        lightspeed.stubFor(put(urlEqualTo(BULK)).willReturn(ok("{\"variants\":[]}")));

        List<PlatformCall> calls = outbound.setStockLevels(levels(120), connection);

        List<LoggedRequest> sent = lightspeed.findAll(putRequestedFor(urlMatching("/us/variants/.*")));
        assertThat(sent).hasSize(3).allSatisfy(r -> assertThat(r.getUrl()).isEqualTo(BULK));
        assertThat(sent).extracting(r -> variants(r).size()).containsExactly(50, 50, 20);
        lightspeed.verify(putRequestedFor(urlEqualTo(BULK))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"variant": [{"id": 1001, "stockTracking": "enabled", "stockLevel": 1}]}""", false, true)));
        assertThat(variants(sent.get(2)).get(19).path("id").asLong()).isEqualTo(1120);
        assertThat(calls)
                .extracting(PlatformCall::method, PlatformCall::path, PlatformCall::status)
                .containsOnly(tuple("PUT", BULK, 200));
    }

    @Test
    void pricesOfSeveralVariantsGoInOneBulkRequest() {
        lightspeed.stubFor(put(urlEqualTo(BULK)).willReturn(ok("{\"variants\":[]}")));

        outbound.setPrices(
                List.of(
                        new PriceChange(variant(1), Money.of("24.95", "USD")),
                        new PriceChange(variant(2), Money.of("5.00", "USD"))),
                connection);

        lightspeed.verify(putRequestedFor(urlEqualTo(BULK)).withRequestBody(equalToJson("""
                {"variant": [{"id": 1001, "priceIncl": 24.95}, {"id": 1002, "priceIncl": 5.00}]}""")));
    }

    @Test
    void aShopWhoseApiHasNoBulkEndpointGetsTheWritesOneByOneAndIsNotAskedInBulkAgain() {
        lightspeed.stubFor(put(urlEqualTo(BULK)).willReturn(status(404, "{\"error\":{\"message\":\"Not found\"}}")));
        lightspeed.stubFor(put(urlMatching("/us/variants/\\d+\\.json")).willReturn(ok("{\"variant\":{}}")));

        List<PlatformCall> first = outbound.setStockLevels(levels(3), connection);
        outbound.setStockLevels(levels(2), connection);

        assertThat(first)
                .extracting(PlatformCall::path, PlatformCall::status)
                .containsExactly(
                        tuple(BULK, 404),
                        tuple("/us/variants/1001.json", 200),
                        tuple("/us/variants/1002.json", 200),
                        tuple("/us/variants/1003.json", 200));
        assertThat(first.get(0).answer()).contains("Not found").contains("one by one");
        lightspeed.verify(1, putRequestedFor(urlEqualTo(BULK)));
        lightspeed.verify(2, putRequestedFor(urlEqualTo("/us/variants/1001.json")));
    }

    @Test
    void aBulkRequestRefusedForOneMissingVariantRefusesNamingItAndBulkWritesGoOn() {
        lightspeed.stubFor(put(urlEqualTo(BULK)).willReturn(status(404, "{\"error\":{\"message\":\"Not found\"}}")));
        lightspeed.stubFor(put(urlMatching("/us/variants/\\d+\\.json")).willReturn(ok("{\"variant\":{}}")));
        lightspeed.stubFor(put(urlEqualTo("/us/variants/1002.json"))
                .willReturn(status(404, "{\"error\":{\"message\":\"Variant not found\"}}")));

        PlatformCallException e =
                catchThrowableOfType(() -> outbound.setStockLevels(levels(3), connection), PlatformCallException.class);
        catchThrowableOfType(() -> outbound.setStockLevels(levels(3), connection), PlatformCallException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("1002").contains("Variant not found");
        assertThat(e.madeBefore()).extracting(PlatformCall::path).containsExactly(BULK, "/us/variants/1001.json");
        lightspeed.verify(2, putRequestedFor(urlEqualTo(BULK)));
    }

    @Test
    void aRateLimitOnABulkRequestIsWaitedOutNotSentOneByOne() {
        lightspeed.stubFor(
                put(urlEqualTo(BULK)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));

        PlatformCallException e =
                catchThrowableOfType(() -> outbound.setStockLevels(levels(3), connection), PlatformCallException.class);

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        lightspeed.verify(0, putRequestedFor(urlMatching("/us/variants/\\d+\\.json")));
    }

    private static List<StockLevel> levels(int variants) {
        return IntStream.rangeClosed(1, variants)
                .mapToObj(i -> new StockLevel(variant(i), i))
                .toList();
    }

    private static Listing variant(int i) {
        return new Listing("SKU-" + i, Map.of("variant", String.valueOf(1000 + i), "product", "77"));
    }

    private static JsonNode variants(LoggedRequest request) {
        return PlatformJson.parse(request.getBodyAsString(), "bulk request").path("variant");
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return status(200, body);
    }

    private static ResponseDefinitionBuilder status(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
