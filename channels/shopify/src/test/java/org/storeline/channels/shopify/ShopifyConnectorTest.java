package org.storeline.channels.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.storeline.channels.api.DeliveryEvent;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.Platform;

/** What the connector reads from a delivery without calling Shopify. */
class ShopifyConnectorTest {
    private final ShopifyConnector connector = new ShopifyConnector(PlatformHttp.standard());
    private final byte[] body = ShopifyDeliveries.payload("webhook-orders-create-docs-sample.json");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "orders/create",
                "orders/updated",
                "orders/paid",
                "orders/cancelled",
                "orders/fulfilled",
                "orders/partially_fulfilled"
            })
    void orderTopicsAreOrderEventsWithTheIdAsAStringBeyond2Pow53(String topic) {
        DeliveryEvent event = connector.read(ShopifyDeliveries.signed(topic, body, "secret"));

        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.ORDER);
        assertThat(event.topic()).isEqualTo(topic);
        assertThat(event.orderId()).contains("820982911946154508");
        assertThat(event.eventKey()).contains("545ebdd4-b7be-4d3d-b14e-54aa78e0e0f9");
        assertThat(event.eventTime()).contains(Instant.parse("2025-07-10T16:15:47Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"products/update", "refunds/create", "orders/delete", "orders/edited", "app/uninstalled"})
    void otherTopicsAreKeptButIgnored(String topic) {
        DeliveryEvent event =
                connector.read(ShopifyDeliveries.signed(topic, "{\"id\": 1}".getBytes(StandardCharsets.UTF_8), "s"));

        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.IGNORED);
        assertThat(event.topic()).isEqualTo(topic);
    }

    @Test
    void anInventoryLevelOfAnItemShopifyDoesNotTrackIsIgnored() {
        // A captured delivery of an untracked item: "available" is null, there is no count to compare.
        byte[] untracked = ("{\"inventory_item_id\":271878346596884015,\"location_id\":53716844710,"
                        + "\"available\":null,\"updated_at\":\"2020-09-03T08:44:10-04:00\"}")
                .getBytes(StandardCharsets.UTF_8);

        DeliveryEvent event = connector.read(ShopifyDeliveries.signed("inventory_levels/update", untracked, "s"));

        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.IGNORED);
    }

    @Test
    void aDeliveryWithoutTopicIsIgnoredAndSaysWhy() {
        DeliveryEvent event = connector.read(WebhookDelivery.of(Map.of(), body));

        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.IGNORED);
        assertThat(event.topic()).contains("X-Shopify-Topic");
    }

    @Test
    void anUnreadableTriggeredAtIsLeftOutAndTheDeliveryStillReads() {
        Map<String, String> headers =
                new HashMap<>(ShopifyDeliveries.signed("orders/paid", body, "s").headers());
        headers.put("x-shopify-triggered-at", "yesterday");
        headers.remove("x-shopify-webhook-id");

        DeliveryEvent event = connector.read(WebhookDelivery.of(headers, body));

        assertThat(event.eventTime()).isEmpty();
        assertThat(event.eventKey()).isEmpty();
        assertThat(event.orderId()).contains("820982911946154508");
    }

    @Test
    void resolveRefusesAnEventThatCarriesNoOrder() {
        WebhookDelivery delivery = ShopifyDeliveries.signed("products/update", body, "s");

        assertThatThrownBy(() -> connector.resolve(connector.read(delivery), delivery, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsOnlyTheAccessTokenAndTrimsPastedCredentials() {
        assertThat(connector.platform()).isEqualTo(Platform.SHOPIFY);
        assertThat(connector.requiredCredentials()).containsExactly("access_token");
        assertThat(connector.normalizeCredentials(Map.of("access_token", " shpat_abc\n", "location_id", "655441491 ")))
                .containsEntry("access_token", "shpat_abc")
                .containsEntry("location_id", "655441491");
    }
}
