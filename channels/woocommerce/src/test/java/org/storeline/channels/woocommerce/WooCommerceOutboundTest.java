package org.storeline.channels.woocommerce;

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

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.Tracking;
import org.storeline.core.money.Money;
import org.storeline.core.sync.Listing;
import org.storeline.core.sync.PlatformCall;
import org.storeline.core.sync.PriceChange;
import org.storeline.core.sync.StatusChange;
import org.storeline.core.sync.StockLevel;

/** The exact requests WooCommerceOutbound makes, against WireMock answering as WooCommerce's REST API v3 does. */
class WooCommerceOutboundTest {
    private static final String API = "/wp-json/wc/v3";
    private static final Listing SIMPLE = new Listing("TEE-1", Map.of("product_id", "794"));
    private static final Listing VARIATION = new Listing("TEE-1-M", Map.of("product_id", "799", "variation_id", "812"));

    private WireMockServer store;
    private WooCommerceOutbound outbound;
    private ChannelConnection connection;

    @BeforeEach
    void startStore() {
        store = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        store.start();
        outbound = new WooCommerceOutbound(PlatformHttp.singleAttempt(Duration.ofSeconds(2)));
        connection = new ChannelConnection(
                "channel-1",
                URI.create(store.baseUrl()),
                Map.of("consumer_key", "ck_abc", "consumer_secret", "cs_xyz"),
                "secret");
    }

    @AfterEach
    void stopStore() {
        store.stop();
    }

    @Test
    void findsSimpleProductsAndVariationsBySkuInOneLookUp() {
        store.stubFor(get(urlPathEqualTo(API + "/products"))
                .willReturn(okJson("[{\"id\":794,\"parent_id\":0,\"sku\":\"TEE-1\",\"type\":\"simple\"},"
                        + "{\"id\":812,\"parent_id\":799,\"sku\":\"TEE-1-M\",\"type\":\"variation\"}]")));

        Map<String, Listing> found = outbound.findListings(List.of("TEE-1", "TEE-1-M", "GONE"), connection);

        assertThat(found).containsOnly(Map.entry("TEE-1", SIMPLE), Map.entry("TEE-1-M", VARIATION));
        store.verify(
                1,
                getRequestedFor(urlPathEqualTo(API + "/products"))
                        .withQueryParam("sku", equalTo("TEE-1,TEE-1-M,GONE"))
                        .withQueryParam("per_page", equalTo("100"))
                        .withHeader("Authorization", equalTo("Basic Y2tfYWJjOmNzX3h5eg==")));
    }

    @Test
    void aSkuWithACommaIsLookedUpAlone() {
        store.stubFor(get(urlPathEqualTo(API + "/products")).willReturn(okJson("[]")));

        outbound.findListings(List.of("A,B", "C"), connection);

        store.verify(1, getRequestedFor(urlPathEqualTo(API + "/products")).withQueryParam("sku", equalTo("A,B")));
        store.verify(1, getRequestedFor(urlPathEqualTo(API + "/products")).withQueryParam("sku", equalTo("C")));
    }

    @Test
    void setsStockThroughTheProductAndVariationBatchEndpoints() {
        store.stubFor(post(urlPathEqualTo(API + "/products/batch"))
                .willReturn(okJson("{\"update\":[{\"id\":794,\"stock_quantity\":5}]}")));
        store.stubFor(post(urlPathEqualTo(API + "/products/799/variations/batch"))
                .willReturn(okJson("{\"update\":[{\"id\":812,\"stock_quantity\":0}]}")));

        List<PlatformCall> calls =
                outbound.setStockLevels(List.of(new StockLevel(SIMPLE, 5), new StockLevel(VARIATION, 0)), connection);

        store.verify(postRequestedFor(urlPathEqualTo(API + "/products/batch"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(
                        equalToJson("{\"update\":[{\"id\":794,\"manage_stock\":true,\"stock_quantity\":5}]}")));
        store.verify(postRequestedFor(urlPathEqualTo(API + "/products/799/variations/batch"))
                .withRequestBody(
                        equalToJson("{\"update\":[{\"id\":812,\"manage_stock\":true,\"stock_quantity\":0}]}")));
        assertThat(calls)
                .extracting(c -> c.method() + " " + c.path() + " " + c.status())
                .containsExactly(
                        "POST /wp-json/wc/v3/products/batch 200",
                        "POST /wp-json/wc/v3/products/799/variations/batch 200");
    }

    @Test
    void sendsAHundredItemsABatchAtMost() {
        store.stubFor(post(urlPathEqualTo(API + "/products/batch")).willReturn(okJson("{\"update\":[]}")));
        List<StockLevel> levels = IntStream.range(0, 150)
                .mapToObj(i -> new StockLevel(new Listing("S" + i, Map.of("product_id", String.valueOf(1000 + i))), i))
                .toList();

        assertThat(outbound.setStockLevels(levels, connection)).hasSize(2);
        store.verify(2, postRequestedFor(urlPathEqualTo(API + "/products/batch")));
    }

    @Test
    void setsTheRegularPriceAsAString() {
        store.stubFor(post(urlPathEqualTo(API + "/products/batch")).willReturn(okJson("{\"update\":[{\"id\":794}]}")));

        outbound.setPrices(List.of(new PriceChange(SIMPLE, Money.of("12.10", "EUR"))), connection);

        store.verify(postRequestedFor(urlPathEqualTo(API + "/products/batch"))
                .withRequestBody(equalToJson("{\"update\":[{\"id\":794,\"regular_price\":\"12.10\"}]}")));
    }

    @Test
    void anItemTheBatchRejectsMakesTheCallARefusalThatNamesIt() {
        store.stubFor(post(urlPathEqualTo(API + "/products/batch"))
                .willReturn(
                        okJson("{\"update\":[{\"id\":794,\"error\":{\"code\":\"woocommerce_rest_product_invalid_id\","
                                + "\"message\":\"Invalid ID.\",\"data\":{\"status\":400}}}]}")));

        assertThatThrownBy(() -> outbound.setStockLevels(List.of(new StockLevel(SIMPLE, 1)), connection))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("#794 Invalid ID.");
                });
    }

    @Test
    void aServerErrorMayWorkLaterAndALateAnswerMayHaveTakenEffect() {
        store.stubFor(post(urlPathEqualTo(API + "/products/batch"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));
        store.stubFor(post(urlPathEqualTo(API + "/products/799/variations/batch"))
                .willReturn(okJson("{\"update\":[]}").withFixedDelay(3_000)));

        assertThatThrownBy(() -> outbound.setStockLevels(List.of(new StockLevel(SIMPLE, 1)), connection))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                    assertThat(e.outcomeUnknown()).isFalse();
                });
        assertThatThrownBy(() -> outbound.setStockLevels(List.of(new StockLevel(VARIATION, 1)), connection))
                .isInstanceOfSatisfying(
                        PlatformCallException.class,
                        e -> assertThat(e.outcomeUnknown()).isTrue());
        store.verify(1, postRequestedFor(urlPathEqualTo(API + "/products/batch")));
    }

    @Test
    void aFulfilledOrderIsReadThenCompleted() {
        store.stubFor(
                get(urlPathEqualTo(API + "/orders/727")).willReturn(okJson("{\"id\":727,\"status\":\"processing\"}")));
        store.stubFor(
                put(urlPathEqualTo(API + "/orders/727")).willReturn(okJson("{\"id\":727,\"status\":\"completed\"}")));

        List<PlatformCall> calls = outbound.sendStatus(fulfilled("727"), connection);

        store.verify(
                getRequestedFor(urlPathEqualTo(API + "/orders/727")).withQueryParam("_fields", equalTo("id,status")));
        store.verify(putRequestedFor(urlPathEqualTo(API + "/orders/727"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"status\":\"completed\"}")));
        assertThat(calls).extracting(PlatformCall::method).containsExactly("GET", "PUT");
    }

    @Test
    void anOrderAlreadyCompletedIsNotWrittenAgain() {
        store.stubFor(
                get(urlPathEqualTo(API + "/orders/727")).willReturn(okJson("{\"id\":727,\"status\":\"completed\"}")));

        assertThat(outbound.sendStatus(fulfilled("727"), connection))
                .extracting(PlatformCall::method)
                .containsExactly("GET");
        store.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void anOrderCancelledOnTheStoreIsRefusedNotCompleted() {
        store.stubFor(
                get(urlPathEqualTo(API + "/orders/727")).willReturn(okJson("{\"id\":727,\"status\":\"cancelled\"}")));

        assertThatThrownBy(() -> outbound.sendStatus(fulfilled("727"), connection))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("is cancelled on the store");
                });
        store.verify(0, putRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @EnumSource(value = StatusChange.Kind.class, names = "FULFILLED", mode = EnumSource.Mode.EXCLUDE)
    void sendsNothingForWhatWooCommerceHasNoWordFor(StatusChange.Kind kind) {
        StatusChange change = new StatusChange(
                "727", kind, FulfillmentType.PICKUP, List.of(), Optional.of(Money.of("5.00", "EUR")), false);

        assertThat(outbound.sendStatus(change, connection)).isEmpty();
        store.verify(0, anyRequestedFor(anyUrl()));
    }

    private static StatusChange fulfilled(String orderId) {
        return new StatusChange(
                orderId,
                StatusChange.Kind.FULFILLED,
                FulfillmentType.DELIVERY,
                List.of(new Tracking(Optional.of("3SABC123"), Optional.of("PostNL"), Optional.empty())),
                Optional.empty(),
                false);
    }
}
