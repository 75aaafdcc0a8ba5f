package org.storeline.channels.ecwid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.DeliveryEvent;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.Platform;

/** {@code read}: cheap, no network, on the docs' webhook bodies. */
class EcwidConnectorReadTest {
    private final EcwidConnector connector = new EcwidConnector(PlatformHttp.standard());

    @Test
    void anOrderEventNamesTheOrderByDataOrderIdWithTheEventIdAndTime() {
        DeliveryEvent event = connector.read(delivery(EcwidFixtures.payload("k8xtq-paid.webhook.json"), Map.of()));

        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.ORDER);
        assertThat(event.topic()).isEqualTo("order.created");
        assertThat(event.orderId()).contains("K8XTQ");
        assertThat(event.eventKey()).contains("80aece08-40e8-4145-8764-6c2f0d38678");
        assertThat(event.eventTime()).contains(Instant.ofEpochSecond(1725434529L));
    }

    @Test
    void anOlderDeliveryWithoutDataOrderIdFallsBackToEntityIdAsAString() {
        DeliveryEvent event =
                connector.read(delivery(EcwidFixtures.payload("lala1028001-mollie-shipping.webhook.json"), Map.of()));

        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.ORDER);
        assertThat(event.orderId()).contains("1028");
    }

    @Test
    void aProductUpdateIsAStockReportOfTheProductWithoutALevel() {
        DeliveryEvent event = connector.read(delivery(EcwidFixtures.payload("product-updated.webhook.json"), Map.of()));

        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.STOCK);
        assertThat(event.stock())
                .contains(new DeliveryEvent.StockReport(Map.of("product", "66722483"), OptionalLong.empty()));
        assertThat(event.eventKey()).contains("08a78904-0aa0-4c1a-953a-2e33c56236f0");
    }

    @Test
    void unfinishedOrdersAndDeletionsAreIgnored() {
        assertThat(connector.read(delivery(EcwidFixtures.payload("unfinished-order-created.webhook.json"), Map.of())))
                .isEqualTo(DeliveryEvent.ignored("unfinished_order.created"));
        String deleted =
                "{\"eventId\":\"80aece08-40e8-4145-8764-6c2f0d38678\",\"eventCreated\":1234567,\"storeId\":1003,"
                        + "\"entityId\":102,\"eventType\":\"order.deleted\"}";
        assertThat(connector.read(delivery(deleted, Map.of())).kind()).isEqualTo(DeliveryEvent.Kind.IGNORED);
    }

    @Test
    void theBodysEventTypeWinsOverTheUrlsAndTheUrlsIsUsedWhenTheBodyHasNone() {
        String body = EcwidFixtures.payload("k8xtq-paid.webhook.json");
        assertThat(connector
                        .read(delivery(body, Map.of("eventtype", "product.updated")))
                        .topic())
                .isEqualTo("order.created");

        String withoutType = "{\"eventId\":\"e1\",\"eventCreated\":1234567,\"storeId\":1003,\"entityId\":103}";
        assertThat(connector
                        .read(delivery(withoutType, Map.of("eventType", "order.updated")))
                        .orderId())
                .contains("103");
        assertThat(connector.read(delivery(withoutType, Map.of())).kind()).isEqualTo(DeliveryEvent.Kind.IGNORED);
    }

    @Test
    void anOrderEventThatNamesNoOrderFailsVisibly() {
        String body = "{\"eventId\":\"e1\",\"eventCreated\":1234567,\"storeId\":1003,"
                + "\"eventType\":\"order.created\",\"data\":{}}";

        assertThatThrownBy(() -> connector.read(delivery(body, Map.of())))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("names no order");
    }

    @Test
    void theConnectorNeedsAStoreIdAndATokenAndTrimsWhatItIsGiven() {
        assertThat(connector.platform()).isEqualTo(Platform.ECWID);
        assertThat(connector.requiredCredentials()).containsExactly("store_id", "access_token");
        assertThat(connector.normalizeCredentials(
                        Map.of(" store_id ", " 1003 ", "access_token", "secret_x\n", "currency", "usd ")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("store_id", "1003", "access_token", "secret_x", "currency", "usd"));
    }

    @Test
    void anOrderIdSentAsANumberAndAnEntityIdSentAsAStringAreReadAsStrings() {
        String numericOrderId = "{\"eventId\":\"e1\",\"eventCreated\":1591390112,\"storeId\":1003,\"entityId\":270,"
                + "\"eventType\":\"order.created\","
                + "\"data\":{\"orderId\":270,\"newPaymentStatus\":\"AWAITING_PAYMENT\"}}";
        String stringEntityId =
                "{\"eventId\":\"e2\",\"eventCreated\":\"1591390112\",\"storeId\":\"1003\",\"entityId\":\"270\","
                        + "\"eventType\":\"order.updated\",\"data\":null}";

        assertThat(connector.read(delivery(numericOrderId, Map.of())).orderId()).contains("270");
        DeliveryEvent event = connector.read(delivery(stringEntityId, Map.of()));
        assertThat(event.orderId()).contains("270");
        // A string eventCreated is not a time we can trust: the event simply has none.
        assertThat(event.eventTime()).isEmpty();
    }

    @Test
    void aBodyThatIsEmptyOrNotAnObjectIsIgnoredRatherThanCrashing() {
        assertThat(connector.read(delivery("[]", Map.of())).kind()).isEqualTo(DeliveryEvent.Kind.IGNORED);
        assertThat(connector.read(delivery("null", Map.of())).kind()).isEqualTo(DeliveryEvent.Kind.IGNORED);
        assertThat(connector.read(delivery("", Map.of())).kind()).isEqualTo(DeliveryEvent.Kind.IGNORED);
        assertThatThrownBy(() -> connector.read(delivery("{not json", Map.of())))
                .isInstanceOf(PlatformCallException.class);
    }

    @Test
    void theNewRealWebhooksNameTheirOrders() {
        assertThat(connector
                        .read(delivery(EcwidFixtures.payload("order270-pay-by-cash-pickup.webhook.json"), Map.of()))
                        .orderId())
                .contains("270");
        assertThat(connector
                        .read(delivery(EcwidFixtures.payload("lmli4-cancelled-phone-order.webhook.json"), Map.of()))
                        .topic())
                .isEqualTo("order.updated");
    }

    private static WebhookDelivery delivery(String body, Map<String, String> query) {
        return new WebhookDelivery(Map.of(), query, body.getBytes(StandardCharsets.UTF_8));
    }
}
