package org.storeline.server;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.OrderImportScenarioIT.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.channels.ecwid.EcwidOrderMapper;
import org.storeline.core.channel.Channel;
import org.storeline.core.event.DomainEvent;
import org.storeline.core.orderimport.ImportOutcome;
import org.storeline.core.orderimport.IncomingOrder;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Outbox;
import org.storeline.server.support.Payloads;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * Ecwid's status changes taken in (STS-1..6), end to end: Ecwid, played by WireMock, answers the order; a signed
 * {@code order.updated} delivery announces each change, as Ecwid sends it (the body's statuses are never trusted: the
 * order is fetched again); the sale, its fulfillments, its payments, the stock, the outbox's events and the channel's
 * activity log show what was applied. Orders are Ecwid's documented examples (K8XTU, unpaid, delivered; K8XTP, a
 * pickup), with their id, SKU, statuses and update time set per step.
 */
class EcwidStatusSyncIT {
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORE = "1003";
    private static final String TOKEN = "secret_storeline-it-token";
    private static final DateTimeFormatter ECWID_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss Z").withZone(ZoneOffset.UTC);

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private WireMockServer ecwid;
    private String outlet;
    private String register;
    private String product;
    private String sku;
    private String channel;

    @BeforeEach
    void anEcwidStoreLinkedToAnOutletWithStock() {
        ecwid = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        ecwid.start();
        outlet = shop.outlet("Web");
        register = shop.openRegister(outlet);
        sku = Shop.unique("TOYS");
        product = shop.productWithSku(sku, "10.00");
        shop.setStock(product, outlet, 5);
        channel = ecwidChannel();
    }

    @AfterEach
    void stopEcwid() {
        ecwid.stop();
    }

    @Test
    void outForDeliveryOnEcwidShipsAPaidDeliveryAndCompletesTheSale() {
        EcwidOrder order = placed("k8xtu-unpaid-offline", "PAID", "AWAITING_PROCESSING");

        List<JsonNode> entries = order.changesTo("PAID", "OUT_FOR_DELIVERY");

        assertThat(outcomes(entries)).containsExactly("succeeded");
        assertThat(entries.get(0).path("reason").asText())
                .contains("marked shipped")
                .contains("STS-1");
        assertThat(fulfillment(order.sale()).path("status").asText()).isEqualTo("shipped");
        assertThat(sale(order.sale()).path("status").asText()).isEqualTo("completed");
        // The events staff's pack and ship publish: packed, shipped, then the order fulfilled (FUL-7).
        assertThat(statusEvents(order.sale()))
                .containsExactly(
                        "fulfillment.changed new→packed", "fulfillment.changed packed→shipped", "order.fulfilled");
    }

    @Test
    void anUnpaidOrderOutForDeliveryIsNotShippedUntilEcwidSaysItIsPaid() {
        EcwidOrder order = placed("k8xtu-unpaid-offline", "AWAITING_PAYMENT", "AWAITING_PROCESSING");

        List<JsonNode> refused = order.changesTo("AWAITING_PAYMENT", "OUT_FOR_DELIVERY");

        assertThat(outcomes(refused)).containsExactly("not_applied");
        assertThat(refused.get(0).path("reason").asText())
                .contains("10.00 EUR is still owed")
                .contains("FUL-4");
        assertThat(fulfillment(order.sale()).path("status").asText()).isEqualTo("new");
        assertThat(statusEvents(order.sale())).isEmpty();

        List<JsonNode> paidAndShipped = order.changesTo("PAID", "OUT_FOR_DELIVERY");

        // STS-3 then STS-1, in one version: the payment it records lets the fulfillment complete.
        assertThat(outcomes(paidAndShipped)).containsExactly("succeeded", "succeeded");
        JsonNode sale = sale(order.sale());
        assertThat(sale.path("payment_status").asText()).isEqualTo("paid");
        assertThat(sale.path("status").asText()).isEqualTo("completed");
        assertThat(fulfillment(order.sale()).path("status").asText()).isEqualTo("shipped");
    }

    @Test
    void aPickupFirstSeenReadyForPickupIsPackedAndDeliveredOnEcwidHandsItOver() {
        EcwidOrder order = placed("k8xtp-pickup", "PAID", "READY_FOR_PICKUP");
        assertThat(fulfillment(order.sale()).path("status").asText()).isEqualTo("packed");
        assertThat(fulfillment(order.sale()).path("type").asText()).isEqualTo("pickup");

        List<JsonNode> entries = order.changesTo("PAID", "DELIVERED");

        assertThat(outcomes(entries)).containsExactly("succeeded");
        assertThat(fulfillment(order.sale()).path("status").asText()).isEqualTo("picked_up");
        assertThat(sale(order.sale()).path("status").asText()).isEqualTo("completed");
        assertThat(statusEvents(order.sale()))
                .containsExactly("fulfillment.changed packed→picked_up", "order.fulfilled");
    }

    @Test
    void readyForPickupOnEcwidPacksAPickupButNotADelivery() {
        EcwidOrder pickup = placed("k8xtp-pickup", "PAID", "AWAITING_PROCESSING");
        EcwidOrder delivery = placed("k8xtu-unpaid-offline", "PAID", "AWAITING_PROCESSING");

        List<JsonNode> packed = pickup.changesTo("PAID", "READY_FOR_PICKUP");
        List<JsonNode> refused = delivery.changesTo("PAID", "READY_FOR_PICKUP");

        assertThat(outcomes(packed)).containsExactly("succeeded");
        assertThat(packed.get(0).path("reason").asText())
                .contains("marked packed")
                .contains("STS-2");
        assertThat(fulfillment(pickup.sale()).path("status").asText()).isEqualTo("packed");
        assertThat(statusEvents(pickup.sale())).containsExactly("fulfillment.changed new→packed");
        assertThat(outcomes(refused)).containsExactly("not_applied");
        assertThat(refused.get(0).path("reason").asText()).contains("is a delivery");
        assertThat(fulfillment(delivery.sale()).path("status").asText()).isEqualTo("new");
    }

    @Test
    void paidOnEcwidRecordsTheBalanceOnceOnTheOnlineRegister() {
        EcwidOrder order = placed("k8xtu-unpaid-offline", "AWAITING_PAYMENT", "AWAITING_PROCESSING");

        List<JsonNode> paid = order.changesTo("PAID", "AWAITING_PROCESSING");
        List<JsonNode> again = order.changesTo("PAID", "AWAITING_PROCESSING");

        assertThat(outcomes(paid)).containsExactly("succeeded");
        assertThat(paid.get(0).path("reason").asText()).contains("10.00 EUR").contains("STS-3");
        JsonNode sale = sale(order.sale());
        assertThat(sale.path("payment_status").asText()).isEqualTo("paid");
        assertThat(sale.path("status").asText()).isEqualTo("open");
        assertThat(sale.path("payments")).singleElement().satisfies(payment -> {
            assertThat(payment.path("amount").asText()).isEqualTo("10.00");
            assertThat(payment.path("register_id").asText()).isEqualTo(register);
        });
        assertThat(outcomes(again)).containsExactly("ignored");
        assertThat(again.get(0).path("reason").asText()).startsWith("already so here");
        assertThat(sale(order.sale()).path("payments")).hasSize(1);
    }

    @Test
    void cancelledOnEcwidCancelsTheSalePutsTheStockBackAndLocksIt() {
        EcwidOrder order = placed("k8xtu-unpaid-offline", "PAID", "AWAITING_PROCESSING");
        assertThat(shop.stockLevel(product, outlet)).isEqualTo(4);

        List<JsonNode> cancelled = order.changesTo("CANCELLED", "AWAITING_PROCESSING");

        assertThat(outcomes(cancelled)).containsExactly("succeeded");
        assertThat(cancelled.get(0).path("reason").asText()).contains("STS-4");
        JsonNode sale = sale(order.sale());
        assertThat(sale.path("status").asText()).isEqualTo("cancelled");
        assertThat(sale.path("returns")).hasSize(1);
        assertThat(fulfillment(order.sale()).path("status").asText()).isEqualTo("cancelled");
        assertThat(shop.stockLevel(product, outlet)).isEqualTo(5);
        assertThat(statusEvents(order.sale()))
                .contains("sale.cancelled", "fulfillment.changed new→cancelled")
                .doesNotContain("order.fulfilled");

        List<JsonNode> later = order.changesTo("PAID", "SHIPPED");

        assertThat(outcomes(later)).containsExactly("not_applied");
        assertThat(later.get(0).path("reason").asText()).contains("takes no more updates");
        assertThat(sale(order.sale()).path("status").asText()).isEqualTo("cancelled");
        assertThat(fulfillment(order.sale()).path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void processingOnEcwidChangesNothing() {
        EcwidOrder order = placed("k8xtu-unpaid-offline", "PAID", "AWAITING_PROCESSING");

        List<JsonNode> entries = order.changesTo("PAID", "PROCESSING");

        assertThat(outcomes(entries)).containsExactly("ignored");
        assertThat(entries.get(0).path("reason").asText()).contains("STS-5");
        assertThat(fulfillment(order.sale()).path("status").asText()).isEqualTo("new");
        assertThat(statusEvents(order.sale())).isEmpty();
    }

    @Test
    void aChangeOnEcwidAfterTheSaleIsCompletedHereIsLoggedAndNotApplied() {
        EcwidOrder order = placed("k8xtu-unpaid-offline", "PAID", "AWAITING_PROCESSING");
        String fulfillment = fulfillment(order.sale()).path("id").asText();
        assertThat(admin.post("/api/v1/fulfillments/" + fulfillment + "/pack", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(admin.post("/api/v1/fulfillments/" + fulfillment + "/ship", Map.of())
                        .status())
                .isEqualTo(200);
        int events = statusEvents(order.sale()).size();

        List<JsonNode> entries = order.changesTo("PAID", "RETURNED");

        assertThat(outcomes(entries)).containsExactly("not_applied");
        assertThat(entries.get(0).path("reason").asText())
                .contains("is completed here")
                .contains("STS-6");
        assertThat(sale(order.sale()).path("status").asText()).isEqualTo("completed");
        assertThat(statusEvents(order.sale())).hasSize(events);
    }

    @Test
    void ourOwnChangesComingBackFromEcwidChangeNothingASecondTime() {
        // Packed here: the sync out sends READY_FOR_PICKUP, which comes back as an order.updated.
        EcwidOrder pickup = placed("k8xtp-pickup", "AWAITING_PAYMENT", "AWAITING_PROCESSING");
        String pickupFulfillment = fulfillment(pickup.sale()).path("id").asText();
        assertThat(admin.post("/api/v1/fulfillments/" + pickupFulfillment + "/pack", Map.of())
                        .status())
                .isEqualTo(200);
        // Paid here: PAID goes out and comes back.
        String cash = shop.paymentType("cash");
        ApiClient.Response payment = admin.post(
                "/api/v1/sales/" + pickup.sale() + "/payments",
                Map.of("payment_type_id", cash, "amount", "10.00", "register_id", register));
        assertThat(payment.status()).as(payment.text()).isEqualTo(201);
        List<String> pickupEvents = statusEvents(pickup.sale());

        List<JsonNode> packedEcho = pickup.changesTo("AWAITING_PAYMENT", "READY_FOR_PICKUP");
        List<JsonNode> paidEcho = pickup.changesTo("PAID", "READY_FOR_PICKUP");

        assertThat(outcomes(packedEcho)).containsExactly("ignored");
        assertThat(packedEcho.get(0).path("reason").asText())
                .contains("already so here")
                .contains("packed");
        assertThat(outcomes(paidEcho)).containsExactly("ignored");
        assertThat(sale(pickup.sale()).path("payments")).hasSize(1);
        assertThat(statusEvents(pickup.sale())).isEqualTo(pickupEvents);

        // Cancelled here: CANCELLED with WILL_NOT_DELIVER goes out and comes back.
        EcwidOrder delivery = placed("k8xtu-unpaid-offline", "PAID", "AWAITING_PROCESSING");
        ApiClient.Response cancel = admin.post("/api/v1/sales/" + delivery.sale() + "/cancel", Map.of());
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);
        long stock = shop.stockLevel(product, outlet);
        List<String> deliveryEvents = statusEvents(delivery.sale());

        List<JsonNode> cancelledEcho = delivery.changesTo("CANCELLED", "WILL_NOT_DELIVER");

        assertThat(outcomes(cancelledEcho)).containsExactly("ignored");
        assertThat(cancelledEcho.get(0).path("reason").asText())
                .contains("already so here")
                .contains("cancelled");
        assertThat(statusEvents(delivery.sale())).isEqualTo(deliveryEvents);
        assertThat(sale(delivery.sale()).path("returns")).hasSize(1);
        assertThat(shop.stockLevel(product, outlet)).isEqualTo(stock);
    }

    @Test
    void aManualImportOfAChangedOrderAppliesItsStatusAndSaysSo() {
        EcwidOrder order = placed("k8xtu-unpaid-offline", "PAID", "AWAITING_PROCESSING");
        order.stub("PAID", "OUT_FOR_DELIVERY", order.updated + 60);

        ApiClient.Response summary =
                admin.post("/api/v1/channels/" + channel + "/import", Map.of("order_ids", List.of(order.id)));

        assertThat(summary.status()).as(summary.text()).isEqualTo(200);
        assertThat(summary.json().path("status_synced").asInt()).isEqualTo(1);
        assertThat(summary.json().path("not_applied").asInt()).isZero();
        assertThat(fulfillment(order.sale()).path("status").asText()).isEqualTo("shipped");
    }

    @Test
    void aStatusRecordedButNotAppliedBeforeAStopIsAppliedByTheNextReconciliation() {
        EcwidOrder order = placed("k8xtu-unpaid-offline", "PAID", "AWAITING_PROCESSING");
        Channel loaded = TestStoreline.instance().wiring().channels().require(UUID.fromString(channel));
        // The import alone, as a process that stopped right after its commit leaves it: recorded, due, not applied.
        ObjectNode changed = order.json("PAID", "OUT_FOR_DELIVERY", order.updated + 60);
        List<ImportOutcome> outcomes = TestStoreline.instance()
                .wiring()
                .orderImport()
                .importOrders(
                        loaded,
                        List.of(new IncomingOrder(
                                new EcwidOrderMapper().map(changed, Currency.getInstance("EUR")), Optional.empty())));
        assertThat(outcomes).extracting(ImportOutcome::kind).containsExactly(ImportOutcome.Kind.STATUS_DUE);
        assertThat(fulfillment(order.sale()).path("status").asText()).isEqualTo("new");
        ecwid.stubFor(get(urlPathEqualTo("/api/v3/" + STORE + "/orders"))
                .willReturn(okJson("{\"total\":0,\"count\":0,\"offset\":0,\"limit\":100,\"items\":[]}")));

        TestStoreline.instance().reconciler().reconcile(loaded);

        assertThat(fulfillment(order.sale()).path("status").asText()).isEqualTo("shipped");
        assertThat(newEntries(order.id, Set.of()))
                .extracting(e -> e.path("outcome").asText())
                .contains("succeeded");
    }

    // --- Ecwid, played by WireMock ---

    /** One Ecwid order through its versions: each is answered by the API and announced by a signed webhook. */
    private final class EcwidOrder {
        final String base;
        final String id;
        String payment;
        String fulfillment;
        long updated = 1725434784;
        String saleId;
        final Set<String> seen = new HashSet<>();

        EcwidOrder(String base, String payment, String fulfillment) {
            this.base = base;
            this.id = "K" + IDS.incrementAndGet();
            this.payment = payment;
            this.fulfillment = fulfillment;
        }

        String sale() {
            return saleId;
        }

        ObjectNode json(String paymentStatus, String fulfillmentStatus, long updateTimestamp) {
            ObjectNode order = (ObjectNode) read(payload("ecwid-" + base + ".order.json"));
            order.put("id", id)
                    .put("vendorOrderNumber", id)
                    .put("paymentStatus", paymentStatus)
                    .put("fulfillmentStatus", fulfillmentStatus)
                    .put("updateTimestamp", updateTimestamp)
                    .put("updateDate", ECWID_DATE.format(Instant.ofEpochSecond(updateTimestamp)));
            ((ObjectNode) order.path("items").get(0)).put("sku", sku);
            return order;
        }

        void stub(String paymentStatus, String fulfillmentStatus, long updateTimestamp) {
            ecwid.stubFor(get(urlPathEqualTo("/api/v3/" + STORE + "/orders/" + id))
                    .willReturn(okJson(json(paymentStatus, fulfillmentStatus, updateTimestamp)
                            .toString())));
        }

        /** The next version, with these statuses; answers the activity entries its delivery left. */
        List<JsonNode> changesTo(String paymentStatus, String fulfillmentStatus) {
            updated += 60;
            stub(paymentStatus, fulfillmentStatus, updated);
            ApiClient.Response answer = deliver("order.updated", paymentStatus, fulfillmentStatus);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            payment = paymentStatus;
            fulfillment = fulfillmentStatus;
            await(() -> newEntries(id, seen).isEmpty() ? null : JSON.createObjectNode(), "the status sync of " + id);
            List<JsonNode> entries = newEntries(id, seen);
            entries.forEach(e -> seen.add(e.path("id").asText()));
            return entries;
        }

        /**
         * Ecwid's webhook body for this order, signed as Ecwid signs: base64 HMAC-SHA256 of "eventCreated.eventId"
         * with the app's client secret (the channel's webhook secret).
         */
        ApiClient.Response deliver(String type, String paymentStatus, String fulfillmentStatus) {
            ObjectNode event = (ObjectNode) read(payload("ecwid-order-updated.webhook.json"));
            event.put("eventId", UUID.randomUUID().toString())
                    .put("eventCreated", Instant.now().getEpochSecond())
                    .put("eventType", type);
            ObjectNode data = (ObjectNode) event.path("data");
            data.put("orderId", id)
                    .put("oldPaymentStatus", payment)
                    .put("newPaymentStatus", paymentStatus)
                    .put("oldFulfillmentStatus", fulfillment)
                    .put("newFulfillmentStatus", fulfillmentStatus);
            String signed = event.path("eventCreated").asText() + "."
                    + event.path("eventId").asText();
            return admin.as(null)
                    .send(HttpRequest.newBuilder(
                                    URI.create(admin.baseUrl() + "/webhooks/" + channel + "?eventtype=" + type))
                            .header("Content-Type", "application/json")
                            .header(
                                    "X-Ecwid-Webhook-Signature",
                                    WooCommerceOrders.sign(signed.getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(event.toString())));
        }
    }

    /** An order placed on Ecwid in this state, delivered as order.created and imported. */
    private EcwidOrder placed(String base, String payment, String fulfillment) {
        EcwidOrder order = new EcwidOrder(base, payment, fulfillment);
        order.stub(payment, fulfillment, order.updated);
        ApiClient.Response answer = order.deliver("order.created", payment, fulfillment);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode sale = await(
                () -> {
                    JsonNode items = admin.get("/api/v1/sales?channel_id=" + channel + "&external_order_id=" + order.id)
                            .json()
                            .path("items");
                    return items.isEmpty() ? null : items.get(0);
                },
                "the sale of " + order.id);
        order.saleId = sale.path("id").asText();
        newEntries(order.id, Set.of()).forEach(e -> order.seen.add(e.path("id").asText()));
        return order;
    }

    private String ecwidChannel() {
        ecwid.stubFor(
                get(urlPathEqualTo("/api/v3/" + STORE + "/profile")).willReturn(okJson(payload("ecwid-profile.json"))));
        ApiClient.Response created = admin.post(
                "/api/v1/channels",
                Map.of(
                        "platform",
                        "ecwid",
                        "name",
                        Shop.unique("Ecwid shop"),
                        "base_url",
                        ecwid.baseUrl(),
                        "credentials",
                        Map.of("store_id", STORE, "access_token", TOKEN, "currency", "EUR"),
                        "webhook_secret",
                        WooCommerceOrders.SECRET,
                        "outlet_ids",
                        List.of(outlet),
                        "register_id",
                        register,
                        "notifications",
                        false));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.id();
    }

    // --- Storeline's side ---

    /** The channel's import entries about this order that are not in {@code seen}, oldest first. */
    private List<JsonNode> newEntries(String orderId, Set<String> seen) {
        List<JsonNode> found = new ArrayList<>();
        JsonNode items = admin.get("/api/v1/channels/" + channel + "/activity?limit=500")
                .json()
                .path("items");
        for (JsonNode entry : items) {
            if (entry.path("kind").asText().equals("import")
                    && entry.path("external_order_id").asText().equals(orderId)
                    && !seen.contains(entry.path("id").asText())) {
                found.add(entry);
            }
        }
        // The log lists newest first.
        return found.reversed();
    }

    private static List<String> outcomes(List<JsonNode> entries) {
        return entries.stream().map(e -> e.path("outcome").asText()).toList();
    }

    private JsonNode sale(String saleId) {
        ApiClient.Response response = admin.get("/api/v1/sales/" + saleId);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** The sale's only fulfillment. */
    private JsonNode fulfillment(String saleId) {
        JsonNode ids = sale(saleId).path("fulfillment_ids");
        assertThat(ids).hasSize(1);
        return admin.get("/api/v1/fulfillments/" + ids.get(0).asText()).json();
    }

    /** The sale's events since its import, as "type" or "fulfillment.changed before→after". */
    private static List<String> statusEvents(String saleId) {
        return Outbox.eventsSinceImportOf(saleId).stream()
                .map(EcwidStatusSyncIT::describe)
                .toList();
    }

    private static String describe(DomainEvent event) {
        if (event.type().equals(DomainEvent.FULFILLMENT_CHANGED)) {
            return event.type() + " " + event.payload().get("previous_status") + "→"
                    + event.payload().get("status");
        }
        return event.type();
    }

    private static String payload(String name) {
        return Payloads.text(name);
    }

    private static JsonNode read(String json) {
        return Payloads.json(json);
    }
}
