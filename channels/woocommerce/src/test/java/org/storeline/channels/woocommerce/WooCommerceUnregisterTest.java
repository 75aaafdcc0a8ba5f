package org.storeline.channels.woocommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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

/** Unlinking a WooCommerce channel deletes our webhooks, and only ours; identity of a WooCommerce store. */
class WooCommerceUnregisterTest {
    private static final URI OURS = URI.create("https://storeline.example.com/webhooks/ch-1");

    private WireMockServer store;
    private WooCommerceConnector connector;
    private ChannelConnection connection;

    @BeforeEach
    void startStore() {
        store = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        store.start();
        PlatformHttp http = new PlatformHttp(
                HttpClient.newHttpClient(), 1, attempt -> Duration.ZERO, duration -> {}, Duration.ofSeconds(5));
        connector = new WooCommerceConnector(http);
        connection = new ChannelConnection(
                "ch-1",
                URI.create(store.baseUrl()),
                Map.of("consumer_key", "ck_abc", "consumer_secret", "cs_xyz"),
                "secret");
    }

    @AfterEach
    void stopStore() {
        store.stop();
    }

    @Test
    void theWebhooksThatDeliverToUsAreDeletedForGoodAndOthersAreLeftAlone() {
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/webhooks"))
                .willReturn(okJson("[{\"id\": 11, \"topic\": \"order.created\", \"delivery_url\": \"" + OURS + "\"},"
                        + "{\"id\": 12, \"topic\": \"order.updated\", \"delivery_url\": \"" + OURS + "\"},"
                        + "{\"id\": 13, \"topic\": \"order.created\", \"delivery_url\": \"https://other.example\"}]")));
        store.stubFor(delete(urlPathMatching("/wp-json/wc/v3/webhooks/.*")).willReturn(okJson("{}")));

        Unregistration outcome = connector.unregister(connection, OURS);

        assertThat(outcome.outcome()).isEqualTo(Unregistration.Outcome.REMOVED);
        assertThat(outcome.webhooks()).containsExactly("order.created #11", "order.updated #12");
        for (String id : new String[] {"11", "12"}) {
            store.verify(deleteRequestedFor(urlPathEqualTo("/wp-json/wc/v3/webhooks/" + id))
                    .withQueryParam("force", equalTo("true")));
        }
        store.verify(0, deleteRequestedFor(urlPathEqualTo("/wp-json/wc/v3/webhooks/13")));
    }

    @Test
    void aRefusalIsAFailedUnregistrationThatSaysWhereToRemoveThemNeverAnException() {
        store.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401).withBody("{\"code\": \"no\"}")));

        Unregistration outcome = connector.unregister(connection, OURS);

        assertThat(outcome.outcome()).isEqualTo(Unregistration.Outcome.FAILED);
        assertThat(outcome.detail()).contains(OURS.toString(), "WooCommerce > Settings > Advanced > Webhooks");
    }

    @Test
    void theStoreIsItsSiteWhateverApiPathOrSchemeTheOwnerPasted() {
        Map<String, String> keys = Map.of("consumer_key", "ck", "consumer_secret", "cs");

        String site = connector.storeIdentity(URI.create("https://Shop.Example.com/"), keys);

        assertThat(site).isEqualTo("shop.example.com");
        assertThat(connector.storeIdentity(URI.create("http://shop.example.com/wp-json/wc/v3"), keys))
                .isEqualTo(site);
        assertThat(connector.storeIdentity(URI.create("https://example.com/shop"), keys))
                .isEqualTo("example.com/shop");
        assertThat(connector.storeIdentity(URI.create("http://127.0.0.1:8089"), keys))
                .isEqualTo("127.0.0.1:8089");
    }
}
