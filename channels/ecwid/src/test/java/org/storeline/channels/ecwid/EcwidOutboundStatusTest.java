package org.storeline.channels.ecwid;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.storeline.channels.ecwid.EcwidFake.STORE;
import static org.storeline.channels.ecwid.EcwidFake.TOKEN;
import static org.storeline.channels.ecwid.EcwidFake.json;
import static org.storeline.channels.ecwid.EcwidFake.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.Tracking;
import org.storeline.core.money.Money;
import org.storeline.core.sync.PlatformCall;
import org.storeline.core.sync.StatusChange;
import org.storeline.core.sync.StatusChange.Kind;

/**
 * The STS table's Ecwid column against a WireMock Ecwid that answers the documented orders (payloads/SOURCES.md): the
 * order is read first, and only the fields it does not show yet are sent, by {@code PUT /orders/{id}}.
 */
class EcwidOutboundStatusTest {
    private final EcwidFake fake = new EcwidFake();
    private WireMockServer ecwid;

    @BeforeEach
    void start() {
        ecwid = fake.start().server;
        ecwid.stubFor(put(urlMatching(STORE + "/orders/.*")).willReturn(json(outbound("update-count.json"))));
    }

    @AfterEach
    void stop() {
        fake.stop();
    }

    @Test
    void aPackedDeliveryHasNoEcwidWordAndSendsNothing() {
        List<PlatformCall> calls = send(change("35", Kind.PACKED, FulfillmentType.DELIVERY));

        assertThat(calls).isEmpty();
        assertThat(ecwid.getAllServeEvents()).isEmpty();
    }

    @Test
    void aPackedPickupIsReadyForPickup() {
        order("order270-pay-by-cash-pickup", "270");

        List<PlatformCall> calls = send(change("270", Kind.PACKED, FulfillmentType.PICKUP));

        ecwid.verify(getRequestedFor(urlEqualTo(STORE + "/orders/270")).withHeader("Authorization", equalTo(TOKEN)));
        assertUpdated("270", "{\"fulfillmentStatus\":\"READY_FOR_PICKUP\"}");
        assertThat(calls)
                .extracting(PlatformCall::method, PlatformCall::path, PlatformCall::status)
                .containsExactly(tuple("GET", STORE + "/orders/270", 200), tuple("PUT", STORE + "/orders/270", 200));
    }

    @Test
    void aPickupAlreadyReadyForPickupIsOnlyRead() {
        order("k8xtp-pickup", "K8XTP");

        List<PlatformCall> calls = send(change("K8XTP", Kind.PACKED, FulfillmentType.PICKUP));

        assertThat(calls).extracting(PlatformCall::method).containsExactly("GET");
        ecwid.verify(0, putRequestedFor(urlMatching(".*")));
    }

    @Test
    void aShippedDeliveryIsShippedWithItsTrackingNumbers() {
        order("order35-authorize-net", "35");
        StatusChange shipped = new StatusChange(
                "35",
                Kind.FULFILLED,
                FulfillmentType.DELIVERY,
                List.of(tracking("3SABC123"), tracking("3SABC456")),
                Optional.empty(),
                false);

        send(shipped);

        assertUpdated("35", "{\"fulfillmentStatus\":\"SHIPPED\",\"trackingNumber\":\"3SABC123, 3SABC456\"}");
    }

    @Test
    void aDeliveryEcwidAlreadyHasOutForDeliveryIsNotPutBackToShipped() {
        ObjectNode outForDelivery = EcwidFixtures.order("order35-authorize-net");
        outForDelivery.put("fulfillmentStatus", "OUT_FOR_DELIVERY");
        stubOrder("35", outForDelivery.toString());

        List<PlatformCall> calls = send(change("35", Kind.FULFILLED, FulfillmentType.DELIVERY));

        assertThat(calls).extracting(PlatformCall::method).containsExactly("GET");
        ecwid.verify(0, putRequestedFor(urlMatching(".*")));
    }

    @Test
    void aPickedUpOrderIsDelivered() {
        order("k8xtp-pickup", "K8XTP");

        send(change("K8XTP", Kind.FULFILLED, FulfillmentType.PICKUP));

        assertUpdated("K8XTP", "{\"fulfillmentStatus\":\"DELIVERED\"}");
    }

    @Test
    void aSaleCancelledHereIsCancelledAndWillNotBeDelivered() {
        order("k8xtu-unpaid-offline", "K8XTU");

        send(change("K8XTU", Kind.CANCELLED, FulfillmentType.DELIVERY));

        assertUpdated("K8XTU", "{\"paymentStatus\":\"CANCELLED\",\"fulfillmentStatus\":\"WILL_NOT_DELIVER\"}");
    }

    @Test
    void anUnpaidOrderPaidHereIsPaid() {
        order("k8xtu-unpaid-offline", "K8XTU");

        send(new StatusChange(
                "K8XTU", Kind.PAID, FulfillmentType.DELIVERY, List.of(), Optional.of(Money.of("10.00", "EUR")), false));

        assertUpdated("K8XTU", "{\"paymentStatus\":\"PAID\"}");
    }

    @Test
    void aPartRefundIsPartiallyRefundedAndAWholeOneRefunded() {
        order("k8xtq-paid", "K8XTQ");
        order("lala1028001-mollie-shipping", "1028");

        send(refund("K8XTQ", "4.00", false));
        send(refund("1028", "2014.97", true));

        assertUpdated("K8XTQ", "{\"paymentStatus\":\"PARTIALLY_REFUNDED\"}");
        assertUpdated("1028", "{\"paymentStatus\":\"REFUNDED\"}");
    }

    @Test
    void anOrderCancelledOnEcwidIsNotMarkedShippedAndTheRefusalSaysWhy() {
        order("lmli4-cancelled-phone-order", "LMLI4");

        PlatformCallException e = catchThrowableOfType(
                () -> send(change("LMLI4", Kind.FULFILLED, FulfillmentType.DELIVERY)), PlatformCallException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("LMLI4").contains("cancelled on Ecwid");
        ecwid.verify(0, putRequestedFor(urlMatching(".*")));
    }

    private List<PlatformCall> send(StatusChange change) {
        return fake.outbound.sendStatus(change, fake.connection());
    }

    private void order(String fixture, String id) {
        stubOrder(id, EcwidFixtures.payload(fixture + ".order.json"));
    }

    private void stubOrder(String id, String body) {
        ecwid.stubFor(get(urlEqualTo(STORE + "/orders/" + id)).willReturn(json(body)));
    }

    private void assertUpdated(String id, String fields) {
        ecwid.verify(
                1,
                putRequestedFor(urlEqualTo(STORE + "/orders/" + id))
                        .withHeader("Authorization", equalTo(TOKEN))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson(fields, false, false)));
    }

    private static StatusChange change(String id, Kind kind, FulfillmentType type) {
        return new StatusChange(id, kind, type, List.of(), Optional.empty(), false);
    }

    private static StatusChange refund(String id, String amount, boolean whole) {
        return new StatusChange(
                id, Kind.REFUNDED, FulfillmentType.DELIVERY, List.of(), Optional.of(Money.of(amount, "EUR")), whole);
    }

    private static Tracking tracking(String number) {
        return new Tracking(Optional.of(number), Optional.of("PostNL"), Optional.empty());
    }
}
