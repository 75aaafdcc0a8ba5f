package org.storeline.channels.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.Unregistration;

/** Unlinking a Shopify channel deletes the webhooks that deliver to us; identity of a Shopify shop. */
class ShopifyUnregisterTest {
    private static final URI OURS = URI.create("https://storeline.example.com/webhooks/ch-1");
    private static final String API = "/admin/api/" + ShopifyClient.API_VERSION;

    private WireMockServer shop;
    private ShopifyConnector connector;
    private ChannelConnection connection;

    @BeforeEach
    void startShop() {
        shop = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        shop.start();
        PlatformHttp http = new PlatformHttp(
                HttpClient.newHttpClient(), 1, attempt -> Duration.ZERO, duration -> {}, Duration.ofSeconds(5));
        connector = new ShopifyConnector(http);
        connection = new ChannelConnection(
                "ch-1", URI.create(shop.baseUrl()), Map.of("access_token", "shpat_test"), "secret");
    }

    @AfterEach
    void stopShop() {
        shop.stop();
    }

    @Test
    void theWebhooksListedForOurAddressAreDeletedOneByOne() {
        shop.stubFor(get(urlPathEqualTo(API + "/webhooks.json"))
                .willReturn(okJson("{\"webhooks\": ["
                        + "{\"id\": 901, \"topic\": \"orders/create\", \"address\": \"" + OURS + "\"},"
                        + "{\"id\": 902, \"topic\": \"orders/updated\", \"address\": \"" + OURS + "\"},"
                        + "{\"id\": 903, \"topic\": \"orders/create\", \"address\": \"https://other.example\"}]}")));
        shop.stubFor(delete(urlPathMatching(API + "/webhooks/.*")).willReturn(okJson("{}")));

        Unregistration outcome = connector.unregister(connection, OURS);

        assertThat(outcome.outcome()).isEqualTo(Unregistration.Outcome.REMOVED);
        assertThat(outcome.webhooks()).containsExactly("orders/create #901", "orders/updated #902");
        shop.verify(getRequestedFor(urlPathEqualTo(API + "/webhooks.json"))
                .withQueryParam("address", equalTo(OURS.toString()))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_test")));
        shop.verify(deleteRequestedFor(urlPathEqualTo(API + "/webhooks/901.json")));
        shop.verify(deleteRequestedFor(urlPathEqualTo(API + "/webhooks/902.json")));
        shop.verify(0, deleteRequestedFor(urlPathEqualTo(API + "/webhooks/903.json")));
    }

    @Test
    void anOutageIsAFailedUnregistrationNeverAnException() {
        shop.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));

        Unregistration outcome = connector.unregister(connection, OURS);

        assertThat(outcome.outcome()).isEqualTo(Unregistration.Outcome.FAILED);
        assertThat(outcome.detail()).contains(OURS.toString());
    }

    @Test
    void theShopIsItsDomainWhateverPathTheOwnerPasted() {
        Map<String, String> token = Map.of("access_token", "shpat");

        assertThat(connector.storeIdentity(URI.create("https://Example.myshopify.com"), token))
                .isEqualTo("example.myshopify.com");
        assertThat(connector.storeIdentity(URI.create("https://example.myshopify.com/admin/api/2025-01/"), token))
                .isEqualTo("example.myshopify.com");
    }
}
