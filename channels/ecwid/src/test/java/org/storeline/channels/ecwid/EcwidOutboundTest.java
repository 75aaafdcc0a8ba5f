package org.storeline.channels.ecwid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.storeline.channels.ecwid.EcwidFake.STORE;
import static org.storeline.channels.ecwid.EcwidFake.TOKEN;
import static org.storeline.channels.ecwid.EcwidFake.json;
import static org.storeline.channels.ecwid.EcwidFake.outbound;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.RequestPacing;
import org.storeline.core.money.Money;
import org.storeline.core.sync.Listing;
import org.storeline.core.sync.PlatformCall;
import org.storeline.core.sync.PriceChange;
import org.storeline.core.sync.RateBudget;
import org.storeline.core.sync.StockLevel;

/**
 * Stock, prices and SKU lookups against a WireMock Ecwid answering the documented payloads (payloads/SOURCES.md,
 * "Outbound"): the exact requests sent, and how a refusal, a rate limit and a timeout surface.
 */
class EcwidOutboundTest {
    private static final Listing ORANGE = new Listing("00099", Map.of("product", "37208339"));
    private static final Listing RADISH_SMALL_WHITE =
            new Listing("000072", Map.of("product", "37208340", "combination", "7084075"));

    private final EcwidFake fake = new EcwidFake();
    private WireMockServer ecwid;

    @BeforeEach
    void start() {
        ecwid = fake.start().server;
    }

    @AfterEach
    void stop() {
        fake.stop();
    }

    @Test
    void aSkuIsFoundAsAProductOrAsOneOfItsCombinationsAndAnUnknownSkuIsLeftOut() {
        ecwid.stubFor(get(urlPathEqualTo(STORE + "/products"))
                .withQueryParam("sku", equalTo("00099"))
                .willReturn(json(outbound("products-search-00099.json"))));
        ecwid.stubFor(get(urlPathEqualTo(STORE + "/products"))
                .withQueryParam("sku", equalTo("000072"))
                .willReturn(json(outbound("products-search-000072.json"))));
        ecwid.stubFor(get(urlPathEqualTo(STORE + "/products"))
                .withQueryParam("sku", equalTo("NOPE 1"))
                .willReturn(json(outbound("products-search-none.json"))));

        Map<String, Listing> found =
                fake.outbound.findListings(List.of("00099", "000072", "NOPE 1", "00099"), fake.connection());

        assertThat(found).containsOnly(Map.entry("00099", ORANGE), Map.entry("000072", RADISH_SMALL_WHITE));
        ecwid.verify(
                1,
                getRequestedFor(urlEqualTo(STORE + "/products?sku=00099")).withHeader("Authorization", equalTo(TOKEN)));
        ecwid.verify(1, getRequestedFor(urlEqualTo(STORE + "/products?sku=NOPE%201")));
    }

    @Test
    void aProductWhoseSkuIsNotTheOneAskedForIsNotTakenForIt() {
        // An answer that ignored the filter lists the whole catalogue: neither product has SKU 000099.
        ecwid.stubFor(
                get(urlPathEqualTo(STORE + "/products")).willReturn(json(outbound("products-search-00099.json"))));

        assertThat(fake.outbound.findListings(List.of("000099"), fake.connection()))
                .isEmpty();
    }

    @Test
    void stockLevelsAreReadOncePerProductAndAnUnlimitedCombinationIsLeftOut() {
        ecwid.stubFor(
                get(urlEqualTo(STORE + "/products/37208340")).willReturn(json(outbound("product-37208340.json"))));
        ecwid.stubFor(
                get(urlEqualTo(STORE + "/products/404")).willReturn(aResponse().withStatus(404)));
        Listing radish = new Listing("00007", Map.of("product", "37208340"));
        Listing radishLargeRed = new Listing("000071", Map.of("product", "37208340", "combination", "7084076"));
        Listing gone = new Listing("GONE", Map.of("product", "404"));

        Map<Listing, Long> levels = fake.outbound.readStockLevels(
                List.of(radish, radishLargeRed, RADISH_SMALL_WHITE, gone), fake.connection());

        // 7084075 (000072) is sold as unlimited: Ecwid keeps no count of it.
        assertThat(levels).containsOnly(Map.entry(radish, 67L), Map.entry(radishLargeRed, 61L));
        ecwid.verify(
                1,
                getRequestedFor(urlEqualTo(STORE + "/products/37208340")).withHeader("Authorization", equalTo(TOKEN)));
    }

    @Test
    void aStockChangeSetsTheAbsoluteQuantityOfTheProductAndTurnsUnlimitedStockOff() {
        ecwid.stubFor(put(urlEqualTo(STORE + "/products/37208339")).willReturn(json(outbound("update-count.json"))));

        List<PlatformCall> calls = fake.outbound.setStockLevels(List.of(new StockLevel(ORANGE, 7)), fake.connection());

        ecwid.verify(putRequestedFor(urlEqualTo(STORE + "/products/37208339"))
                .withHeader("Authorization", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"quantity\":7,\"unlimited\":false}", false, false)));
        assertThat(calls)
                .containsExactly(new PlatformCall("PUT", STORE + "/products/37208339", 200, "{\"updateCount\":1}"));
    }

    @Test
    void aCombinationsStockIsSetOnTheCombination() {
        String path = STORE + "/products/37208340/combinations/7084075";
        ecwid.stubFor(put(urlEqualTo(path)).willReturn(json(outbound("update-count.json"))));

        fake.outbound.setStockLevels(List.of(new StockLevel(RADISH_SMALL_WHITE, 0)), fake.connection());

        ecwid.verify(putRequestedFor(urlEqualTo(path))
                .withHeader("Authorization", equalTo(TOKEN))
                .withRequestBody(equalToJson("{\"quantity\":0,\"unlimited\":false}", false, false)));
    }

    @Test
    void aPriceChangeSetsThePriceOfTheProductOrTheCombinationAsSold() {
        ecwid.stubFor(put(urlEqualTo(STORE + "/products/37208339")).willReturn(json(outbound("update-count.json"))));

        fake.outbound.setPrices(List.of(new PriceChange(ORANGE, Money.of("12.50", "EUR"))), fake.connection());

        ecwid.verify(putRequestedFor(urlEqualTo(STORE + "/products/37208339"))
                .withHeader("Authorization", equalTo(TOKEN))
                .withRequestBody(equalToJson("{\"price\":12.50}", false, false)));
    }

    @Test
    void severalChangesGoInOneBatchWhoseTicketIsReadForEachAnswer() {
        String ticket = "11kl140a2-966f-1a9f-b4e6-fc451bc78570";
        ecwid.stubFor(post(urlEqualTo(STORE + "/batch?stopOnFirstFailure=false&allowParallelMode=true"))
                .willReturn(json(outbound("batch-created.json"))));
        ecwid.stubFor(
                get(urlEqualTo(STORE + "/batch?ticket=" + ticket)).willReturn(json(outbound("batch-completed.json"))));

        List<PlatformCall> calls = fake.outbound.setStockLevels(
                List.of(new StockLevel(ORANGE, 3), new StockLevel(RADISH_SMALL_WHITE, 9), new StockLevel(ORANGE, 2)),
                fake.connection());

        ecwid.verify(postRequestedFor(urlEqualTo(STORE + "/batch?stopOnFirstFailure=false&allowParallelMode=true"))
                .withHeader("Authorization", equalTo(TOKEN))
                .withRequestBody(equalToJson("""
                        [{"id":"0","path":"/products/37208340/combinations/7084075","method":"PUT",
                          "body":{"quantity":9,"unlimited":false}},
                         {"id":"1","path":"/products/37208339","method":"PUT",
                          "body":{"quantity":2,"unlimited":false}}]""", false, false)));
        assertThat(calls)
                .extracting(PlatformCall::method, PlatformCall::path, PlatformCall::status)
                .containsExactly(
                        tuple("POST", STORE + "/batch?stopOnFirstFailure=false&allowParallelMode=true", 200),
                        tuple("GET", STORE + "/batch?ticket=" + ticket, 200),
                        tuple("PUT", STORE + "/products/37208340/combinations/7084075", 200),
                        tuple("PUT", STORE + "/products/37208339", 200));
    }

    @Test
    void aBatchIsChargedToTheBudgetAsOneRequestLikeEachReadOfItsTicket() {
        String ticket = "11kl140a2-966f-1a9f-b4e6-fc451bc78570";
        ecwid.stubFor(post(urlPathEqualTo(STORE + "/batch")).willReturn(json(outbound("batch-created.json"))));
        ecwid.stubFor(
                get(urlEqualTo(STORE + "/batch?ticket=" + ticket)).willReturn(json(outbound("batch-completed.json"))));
        List<Integer> charged = new ArrayList<>();

        RequestPacing.during(
                (weight, what) -> charged.add(weight),
                () -> fake.outbound.setStockLevels(
                        List.of(new StockLevel(ORANGE, 3), new StockLevel(RADISH_SMALL_WHITE, 9)), fake.connection()));

        assertThat(charged).containsExactly(1, 1);
    }

    @Test
    void writesToTwoCombinationsOfOneProductAreRunInTurnNotInParallel() {
        Listing radishLarge = new Listing("000073", Map.of("product", "37208340", "combination", "7084076"));
        ecwid.stubFor(post(urlPathEqualTo(STORE + "/batch")).willReturn(json(outbound("batch-created.json"))));
        ecwid.stubFor(get(urlPathEqualTo(STORE + "/batch")).willReturn(json(outbound("batch-queued.json"))));

        catchThrowableOfType(
                () -> fake.outbound.setStockLevels(
                        List.of(new StockLevel(RADISH_SMALL_WHITE, 9), new StockLevel(radishLarge, 4)),
                        fake.connection()),
                PlatformCallException.class);

        ecwid.verify(postRequestedFor(urlEqualTo(STORE + "/batch?stopOnFirstFailure=false")));
    }

    @Test
    void aBatchEcwidHasNotRunYetIsUnavailableForAShortWhile() {
        ecwid.stubFor(post(urlPathEqualTo(STORE + "/batch")).willReturn(json(outbound("batch-created.json"))));
        ecwid.stubFor(get(urlPathEqualTo(STORE + "/batch")).willReturn(json(outbound("batch-queued.json"))));

        PlatformCallException e = catchThrowableOfType(
                () -> fake.outbound.setStockLevels(
                        List.of(new StockLevel(ORANGE, 3), new StockLevel(RADISH_SMALL_WHITE, 9)), fake.connection()),
                PlatformCallException.class);

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(EcwidBatch.STILL_RUNNING);
        assertThat(e.getMessage()).contains("11kl140a2-966f-1a9f-b4e6-fc451bc78570");
        ecwid.verify(2, getRequestedFor(urlPathEqualTo(STORE + "/batch")));
    }

    @Test
    void aWriteEcwidRefusedInsideABatchIsARefusalNamingItsSkuAndEcwidsMessage() {
        ecwid.stubFor(post(urlPathEqualTo(STORE + "/batch")).willReturn(json(outbound("batch-created.json"))));
        ecwid.stubFor(get(urlPathEqualTo(STORE + "/batch")).willReturn(json(outbound("batch-one-refused.json"))));

        PlatformCallException e = catchThrowableOfType(
                () -> fake.outbound.setPrices(
                        List.of(
                                new PriceChange(ORANGE, Money.of("1.00", "EUR")),
                                new PriceChange(RADISH_SMALL_WHITE, Money.of("2.00", "EUR"))),
                        fake.connection()),
                PlatformCallException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e.status()).isEqualTo(402);
        assertThat(e.getMessage())
                .contains("1 of 2")
                .contains("SKU 000072")
                .contains("Please upgrade your account to access API");
    }

    @Test
    void aRateLimitAnswerIsUnavailableForAsLongAsEcwidSays() {
        ecwid.stubFor(put(urlPathEqualTo(STORE + "/products/37208339"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        PlatformCallException e = catchThrowableOfType(
                () -> fake.outbound.setStockLevels(List.of(new StockLevel(ORANGE, 1)), fake.connection()),
                PlatformCallException.class);

        assertThat(e.retryable()).isTrue();
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        ecwid.verify(1, putRequestedFor(urlPathEqualTo(STORE + "/products/37208339")));
    }

    @Test
    void aRefusalIsFinalAndCarriesEcwidsMessage() {
        ecwid.stubFor(put(urlPathEqualTo(STORE + "/products/37208339"))
                .willReturn(aResponse()
                        .withStatus(402)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessage\":\"Please upgrade your account to access API\"}")));

        PlatformCallException e = catchThrowableOfType(
                () -> fake.outbound.setStockLevels(List.of(new StockLevel(ORANGE, 1)), fake.connection()),
                PlatformCallException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e.status()).isEqualTo(402);
        assertThat(e.getMessage()).contains("Please upgrade your account to access API");
    }

    @Test
    void noAnswerInTimeMayHaveTakenEffect() {
        ecwid.stubFor(put(urlPathEqualTo(STORE + "/products/37208339"))
                .willReturn(json(outbound("update-count.json")).withFixedDelay(2_000)));
        EcwidOutbound impatient = EcwidFake.outbound(Duration.ofMillis(300));

        PlatformCallException e = catchThrowableOfType(
                () -> impatient.setStockLevels(List.of(new StockLevel(ORANGE, 1)), fake.connection()),
                PlatformCallException.class);

        assertThat(e.retryable()).isTrue();
        assertThat(e.outcomeUnknown()).isTrue();
    }

    @Test
    void theConnectorOffersItAndItsBudgetIsEcwidsSixHundredAMinute() {
        EcwidConnector connector = new EcwidConnector(new PlatformHttp(
                HttpClient.newHttpClient(), 1, attempt -> Duration.ZERO, wait -> {}, Duration.ofSeconds(1)));

        assertThat(connector.outbound()).isPresent();
        assertThat(connector.outbound().orElseThrow().budget())
                .isEqualTo(RateBudget.of(new RateBudget.Window(600, Duration.ofMinutes(1))));
        assertThat(fake.outbound.setStockLevels(List.of(), fake.connection())).isEmpty();
        assertThat(ecwid.getAllServeEvents()).isEmpty();
    }
}
