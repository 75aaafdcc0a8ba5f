package org.storeline.channels.woocommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.DeliveryEvent;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.OrderDisposition;

/** The new real payloads sent the way WooCommerce sends them: compact, signed, through verify, read and resolve. */
class WooCommerceRealPayloadDeliveryTest {
    private static final String SECRET = "wc-webhook-secret";

    private WireMockServer store;
    private WooCommerceConnector connector;
    private ChannelConnection connection;

    @BeforeEach
    void startStore() {
        store = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        store.start();
        PlatformHttp http = new PlatformHttp(HttpClient.newHttpClient(), 2, attempt -> Duration.ZERO, duration -> { }, Duration.ofSeconds(5));
        connector = new WooCommerceConnector(http);
        connection = new ChannelConnection("channel-1", URI.create(store.baseUrl()), Map.of("consumer_key", "ck_abc", "consumer_secret", "cs_xyz"),
                SECRET);
    }

    @AfterEach
    void stopStore() {
        store.stop();
    }

    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource({
            "order-963-coupon-stripe.json, order.created, 963, 31.20, IMPORT_PAID",
            "order-1274-tax-inclusive-no-shipping.json, order.updated, 1274, 26.09, IMPORT_PAID",
            "order-15-zero-total-no-gateway.json, order.restored, 15, 0.00, IMPORT_FULFILLED"})
    void aSignedRealOrderDeliveryIsVerifiedReadAndMappedFromItsBody(String file, String topic, String id, String total,
                                                                               OrderDisposition disposition) {
        WebhookDelivery delivery = WooCommerceDeliveries.signed(topic, WooCommerceOrderMapperTest.payload(file).toString(), SECRET);

        assertThat(connector.verify(delivery, connection).outcome()).isEqualTo(Verification.Outcome.VALID);
        DeliveryEvent event = connector.read(delivery);
        ChannelOrder order = connector.resolve(event, delivery, connection);

        assertThat(event.orderId()).contains(id);
        assertThat(order.externalId()).isEqualTo(id);
        assertThat(order.total().toDecimalString()).isEqualTo(total);
        assertThat(order.disposition()).isEqualTo(disposition);
        assertThat(store.getAllServeEvents()).as("the body is the whole order").isEmpty();
    }

    @Test
    void aDraftDeliveredWithNullDatesIsReadAgainFromTheStore() {
        ObjectNode draft = WooCommerceOrderMapperTest.payload("order-85-draft-null-dates.json");
        WebhookDelivery delivery = WooCommerceDeliveries.signed("order.updated", draft.toString(), SECRET);
        String stored = draft.put("date_created_gmt", "2019-01-01T10:00:00").put("date_modified_gmt", "2019-01-01T10:00:05").toString();
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders/85"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(stored)));

        DeliveryEvent event = connector.read(delivery);
        ChannelOrder order = connector.resolve(event, delivery, connection);

        assertThat(event.eventTime()).isEmpty();
        assertThat(order.externalId()).isEqualTo("85");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.SKIP_INCOMPLETE);
    }
}
