package org.storeline.channels.ecwid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.OrderPage;
import org.storeline.channels.api.OrderQuery;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.Registration;

/** Backfill pagination and registration against a WireMock Ecwid. */
class EcwidClientTest {
    private static final String ORDERS = "/api/v3/1003/orders";
    private static final URI WEBHOOK_URL = URI.create("https://storeline.example/webhooks/ch_1");

    private WireMockServer ecwid;
    private EcwidConnector connector;

    @BeforeEach
    void start() {
        ecwid = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        ecwid.start();
        connector = new EcwidConnector(new PlatformHttp(
                HttpClient.newHttpClient(), 2, attempt -> Duration.ZERO, duration -> {}, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        ecwid.stop();
    }

    @Test
    void backfillFiltersOnUpdatedSecondsAndWalksOffsetsUntilTheTotal() {
        String first = page(0, 2, 3, "k8xtq-paid", "order35-authorize-net");
        String last = page(2, 1, 3, "lala1028001-mollie-shipping");
        ecwid.stubFor(get(urlPathEqualTo(ORDERS))
                .withQueryParam("offset", equalTo("0"))
                .willReturn(json(first)));
        ecwid.stubFor(get(urlPathEqualTo(ORDERS))
                .withQueryParam("offset", equalTo("2"))
                .willReturn(json(last)));
        OrderQuery query = new OrderQuery(
                Instant.parse("2024-09-01T00:00:00Z"),
                Optional.of(Instant.parse("2024-09-05T00:00:00Z")),
                Optional.empty());

        OrderPage page1 = connector.listOrders(query, connection(Map.of()));
        OrderPage page2 = connector.listOrders(
                new OrderQuery(query.modifiedSince(), query.modifiedUntil(), page1.nextPage()), connection(Map.of()));

        assertThat(page1.orders()).extracting(o -> o.externalId()).containsExactly("K8XTQ", "35");
        assertThat(page1.nextPage()).contains("2");
        assertThat(page2.orders()).extracting(o -> o.externalId()).containsExactly("1028");
        assertThat(page2.nextPage()).isEmpty();
        ecwid.verify(getRequestedFor(urlPathEqualTo(ORDERS))
                .withQueryParam("updatedFrom", equalTo("1725148800"))
                .withQueryParam("updatedTo", equalTo("1725494399"))
                .withQueryParam("offset", equalTo("0"))
                .withQueryParam("limit", equalTo("100"))
                .withHeader("Authorization", equalTo("Bearer secret_token")));
    }

    @Test
    void anEmptyPageEndsTheWalkWhateverTheTotalSays() {
        ecwid.stubFor(get(urlPathEqualTo(ORDERS))
                .willReturn(json("{\"total\":5,\"count\":0,\"offset\":0,\"limit\":100,\"items\":[]}")));

        OrderPage page = connector.listOrders(
                new OrderQuery(Instant.EPOCH, Optional.empty(), Optional.empty()), connection(Map.of()));

        assertThat(page.orders()).isEmpty();
        assertThat(page.nextPage()).isEmpty();
    }

    @Test
    void ordersAreReadInTheChannelsCurrency() {
        ecwid.stubFor(get(urlPathEqualTo(ORDERS + "/35"))
                .willReturn(json(EcwidFixtures.payload("order35-authorize-net.order.json"))));

        assertThat(connector
                        .fetchOrder("35", connection(Map.of("currency", "USD")))
                        .total()
                        .toString())
                .isEqualTo("181.35 USD");
        assertThat(connector.fetchOrder("35", connection(Map.of())).currency().getCurrencyCode())
                .isEqualTo("EUR");
    }

    @Test
    void registeringChecksTheCredentialsAndSaysWhereTheAppsWebhooksMustPoint() {
        ecwid.stubFor(
                get(urlPathEqualTo("/api/v3/1003/profile")).willReturn(json(EcwidFixtures.payload("profile.json"))));

        Registration usd = connector.register(connection(Map.of("currency", "USD")), WEBHOOK_URL);
        Registration eur = connector.register(connection(Map.of()), WEBHOOK_URL);

        assertThat(usd)
                .isEqualTo(Registration.connected(
                        "webhooks are set in the Ecwid app settings: "
                                + "point them at https://storeline.example/webhooks/ch_1",
                        List.of()));
        assertThat(eur.connected()).isTrue();
        assertThat(eur.detail()).contains("The store's currency is USD").contains("set credentials.currency to USD");
        ecwid.verify(getRequestedFor(urlPathEqualTo("/api/v3/1003/profile"))
                .withHeader("Authorization", equalTo("Bearer secret_token")));
    }

    @Test
    void registeringReportsARefusalOrAnUnreachableStoreInsteadOfThrowing() {
        ecwid.stubFor(get(urlPathEqualTo("/api/v3/1003/profile"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withBody("{\"errorMessage\":\"Token doesn't have the required scope\"}")));

        ChannelConnection connection = connection(Map.of());

        Registration refused = connector.register(connection, WEBHOOK_URL);
        ecwid.stop();
        Registration unreachable = connector.register(connection, WEBHOOK_URL);

        assertThat(refused.connected()).isFalse();
        assertThat(refused.detail()).contains("403").contains("access_token");
        assertThat(unreachable.connected()).isFalse();
        assertThat(unreachable.detail()).contains("could not be reached");
    }

    @Test
    void registeringWithoutAStoreIdFailsWithTheMissingCredential() {
        ChannelConnection noStore =
                new ChannelConnection("ch_1", URI.create(ecwid.baseUrl()), Map.of("access_token", "secret_token"), "s");

        assertThat(connector.register(noStore, WEBHOOK_URL).detail()).contains("credentials.store_id");
    }

    private ChannelConnection connection(Map<String, String> extra) {
        Map<String, String> credentials = new HashMap<>(Map.of("store_id", "1003", "access_token", "secret_token"));
        credentials.putAll(extra);
        return new ChannelConnection("ch_1", URI.create(ecwid.baseUrl()), credentials, "client-secret");
    }

    private static String page(int offset, int count, int total, String... orders) {
        StringBuilder items = new StringBuilder();
        for (String order : orders) {
            items.append(items.isEmpty() ? "" : ",").append(EcwidFixtures.payload(order + ".order.json"));
        }
        return "{\"total\":" + total + ",\"count\":" + count + ",\"offset\":" + offset + ",\"limit\":100,\"items\":["
                + items + "]}";
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
