package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.storeline.core.event.DomainEvents;
import org.storeline.core.event.LiveEvents;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.EventStreamClient;
import org.storeline.server.support.EventStreamClient.Event;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * The live event stream (GET /api/v1/events) and the notifications (NTF-1..3), through real HTTP: orders come in by
 * webhook, and a client reads the stream line by line as a browser's EventSource does.
 */
class LiveEventsIT {
    private static final AtomicLong ORDER_IDS =
            new AtomicLong(700_000_000L + System.currentTimeMillis() % 100_000_000L);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Long enough for the stream to have sent anything there was (it polls every second, and is woken sooner). */
    private static final Duration QUIET = Duration.ofMillis(2_500);

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);

    /** An outlet with its online register, a WooCommerce channel on it, and a product the orders buy. */
    private record Store(String outlet, String register, String channel, String sku) {}

    private Store store(String name, boolean notifications) {
        String outlet = shop.outlet(name);
        String register = shop.register(outlet);
        String channel = shop.wooChannel(register, List.of(outlet), Map.of(), notifications, "http://127.0.0.1:9");
        String sku = Shop.unique("LIVE");
        shop.productWithSku(sku, "3.00");
        return new Store(outlet, register, channel, sku);
    }

    /** Delivers a new order by webhook; answers its platform id. */
    private String order(Store store) {
        long id = ORDER_IDS.incrementAndGet();
        ApiClient.Response ack = WooCommerceOrders.order(id)
                .status("processing")
                .line(store.sku(), 1, "3.00", "3.00", "0.00")
                .totals("3.00", "0.00")
                .deliver(admin, store.channel(), "order.created");
        assertThat(ack.status()).isEqualTo(200);
        return Long.toString(id);
    }

    private JsonNode awaitSale(Store store, String orderId) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode items = admin.get("/api/v1/sales?channel_id=" + store.channel() + "&external_order_id=" + orderId)
                    .json()
                    .path("items");
            if (items.size() == 1) {
                return items.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("order " + orderId + " was not imported within " + WAIT);
    }

    private static List<String> types(List<Event> events) {
        return events.stream().map(Event::type).toList();
    }

    private static String saleOf(Event fulfillment) {
        return fulfillment.data().path("sale_id").asText();
    }

    @Test
    void aClientReconnectingWithItsLastEventIdGetsExactlyWhatItMissed() throws Exception {
        Store store = store("Resume", true);
        ApiClient staff = admin.as(shop.staffToken(store.outlet()));
        long resumeAfter;
        try (EventStreamClient stream = EventStreamClient.open(staff, Optional.empty())) {
            stream.awaitOpened(WAIT);
            JsonNode first = awaitSale(store, order(store));
            List<Event> live = stream.take(2, WAIT);
            assertThat(types(live)).containsExactly("fulfillment", "notification");
            assertThat(saleOf(live.get(0))).isEqualTo(first.path("id").asText());
            resumeAfter = stream.lastEventId();
            assertThat(resumeAfter).isEqualTo(live.get(1).id());
        }
        // Missed while disconnected: two orders.
        JsonNode second = awaitSale(store, order(store));
        JsonNode third = awaitSale(store, order(store));

        try (EventStreamClient again = EventStreamClient.open(staff, Optional.of(resumeAfter))) {
            List<Event> missed = again.take(4, WAIT);
            assertThat(types(missed)).containsExactly("fulfillment", "notification", "fulfillment", "notification");
            assertThat(List.of(saleOf(missed.get(0)), saleOf(missed.get(2))))
                    .containsExactly(
                            second.path("id").asText(), third.path("id").asText());
            for (int i = 0; i < 4; i += 2) {
                String fulfillment = missed.get(i).data().path("id").asText();
                assertThat(missed.get(i + 1).data().path("fulfillment_id").asText())
                        .isEqualTo(fulfillment);
                assertThat(missed.get(i + 1).data().path("read").asBoolean()).isFalse();
                // The fulfillment as its endpoint answers it, for the same user.
                assertThat(missed.get(i).data())
                        .isEqualTo(
                                staff.get("/api/v1/fulfillments/" + fulfillment).json());
            }
            // Exactly the outbox's events of the outlet after the id sent back, in its order: none twice, none left
            // out.
            assertThat(missed.stream().map(Event::id).toList()).isEqualTo(outboxPositions(store.outlet(), resumeAfter));
            assertThat(again.next(QUIET)).isEmpty();

            // And then the stream goes on live.
            JsonNode fourth = awaitSale(store, order(store));
            List<Event> next = again.take(2, WAIT);
            assertThat(types(next)).containsExactly("fulfillment", "notification");
            assertThat(saleOf(next.get(0))).isEqualTo(fourth.path("id").asText());
        }
    }

    private static List<Long> outboxPositions(String outlet, long after) {
        return TestStoreline.instance()
                .wiring()
                .domainEvents()
                .after(after, LiveEvents.TYPES, Optional.of(List.of(UUID.fromString(outlet))), 100)
                .stream()
                .map(DomainEvents.Stored::position)
                .toList();
    }

    @Test
    void whatStaffDoToAFulfillmentReachesTheStreamsOfItsOutletAsItHappens() throws Exception {
        Store store = store("Actions", true);
        Store elsewhere = store("Elsewhere", true);
        ApiClient picker = admin.as(shop.staffToken(store.outlet()));
        ApiClient colleague = admin.as(shop.staffToken(store.outlet()));
        ApiClient stranger = admin.as(shop.staffToken(elsewhere.outlet()));
        JsonNode sale = awaitSale(store, order(store));
        String fulfillment = sale.path("fulfillment_ids").get(0).asText();
        String path = "/api/v1/fulfillments/" + fulfillment;
        try (EventStreamClient watching = EventStreamClient.open(colleague, Optional.empty());
                EventStreamClient other = EventStreamClient.open(stranger, Optional.empty())) {
            watching.awaitOpened(WAIT);
            other.awaitOpened(WAIT);
            // Each change is awaited before the next: the stream sends a fulfillment as it is when the event is read.
            assertThat(picker.post(path + "/scans", Map.of("barcode", store.sku()))
                            .status())
                    .isEqualTo(200);
            Event picked = watching.take(1, WAIT).get(0);
            assertThat(picked.type()).isEqualTo("fulfillment");
            assertThat(picked.data().path("id").asText()).isEqualTo(fulfillment);
            assertThat(picked.data().path("status").asText()).isEqualTo("in_progress");
            assertThat(picked.data().path("items").get(0).path("picked").asLong())
                    .isEqualTo(1);

            assertThat(picker.post(path + "/notes", Map.of("text", "Box dented"))
                            .status())
                    .isEqualTo(201);
            Event noted = watching.take(1, WAIT).get(0);
            assertThat(noted.data().path("notes").get(0).asText()).isEqualTo("Box dented");

            assertThat(picker.post(path + "/pack", Map.of()).status()).isEqualTo(200);
            Event packed = watching.take(1, WAIT).get(0);
            assertThat(packed.data().path("status").asText()).isEqualTo("packed");
            assertThat(packed.data()).isEqualTo(colleague.get(path).json());
            assertThat(other.next(QUIET)).isEmpty();
        }
    }

    @Test
    void aLastEventIdThisServerNeverGaveIsAResetAndOneThatIsNoNumberIsRefused() throws Exception {
        try (EventStreamClient stream = EventStreamClient.open(admin, Optional.of(999_999_999_999L))) {
            Event reset = stream.take(1, WAIT).get(0);
            assertThat(reset.type()).isEqualTo("reset");
            assertThat(reset.data().path("reason").asText()).contains("999999999999");
            assertThat(reset.id()).isLessThan(999_999_999_999L);
        }
        ApiClient.Response refused = EventStreamClient.refused(admin, Optional.of("yesterday"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("invalid_request");
        assertThat(EventStreamClient.refused(admin.as("stl_not_a_token"), Optional.empty())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aUserOfOneOutletNeverGetsAnotherOutletsEventsOrNotifications() throws Exception {
        Store a = store("Seen", true);
        Store b = store("Unseen", true);
        ApiClient userA = admin.as(shop.staffToken(a.outlet()));
        long before;
        List<Event> toAdmin = new ArrayList<>();
        try (EventStreamClient streamA = EventStreamClient.open(userA, Optional.empty());
                EventStreamClient streamAdmin = EventStreamClient.open(admin, Optional.empty())) {
            before = streamA.awaitOpened(WAIT);
            streamAdmin.awaitOpened(WAIT);
            awaitSale(b, order(b));
            JsonNode saleA = awaitSale(a, order(a));

            List<Event> gotA = streamA.take(2, WAIT);
            assertThat(gotA)
                    .allSatisfy(
                            e -> assertThat(e.data().path("outlet_id").asText()).isEqualTo(a.outlet()));
            assertThat(saleOf(gotA.get(0))).isEqualTo(saleA.path("id").asText());
            assertThat(streamA.next(QUIET)).isEmpty();
            // The admin sees both outlets' (and maybe other tests') events.
            while (toAdmin.stream()
                            .filter(e -> Set.of(a.outlet(), b.outlet())
                                    .contains(e.data().path("outlet_id").asText()))
                            .count()
                    < 4) {
                toAdmin.add(streamAdmin.take(1, WAIT).get(0));
            }
        }
        // Catching up reads the outbox for the user's outlets only.
        try (EventStreamClient again = EventStreamClient.open(userA, Optional.of(before))) {
            List<Event> caughtUp = again.take(2, WAIT);
            assertThat(caughtUp)
                    .allSatisfy(
                            e -> assertThat(e.data().path("outlet_id").asText()).isEqualTo(a.outlet()));
            assertThat(again.next(QUIET)).isEmpty();
        }
        // The list too.
        JsonNode listA = userA.get("/api/v1/notifications?limit=500").json().path("items");
        assertThat(listA)
                .isNotEmpty()
                .allSatisfy(n -> assertThat(n.path("outlet_id").asText()).isEqualTo(a.outlet()));
        String notificationOfB = toAdmin.stream()
                .filter(e -> e.type().equals("notification")
                        && e.data().path("outlet_id").asText().equals(b.outlet()))
                .findFirst()
                .orElseThrow()
                .data()
                .path("id")
                .asText();
        ApiClient.Response forbidden = userA.post("/api/v1/notifications/" + notificationOfB + "/read", Map.of());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("outlet_forbidden");
    }

    @Test
    void notificationsAreReadOrUnreadForEachUserOnTheirOwn() throws Exception {
        Store store = store("Bell", true);
        ApiClient one = admin.as(shop.staffToken(store.outlet()));
        ApiClient two = admin.as(shop.staffToken(store.outlet()));
        awaitSale(store, order(store));
        awaitSale(store, order(store));

        JsonNode ofOne = one.get("/api/v1/notifications").json().path("items");
        assertThat(ofOne).hasSize(2).allSatisfy(n -> {
            assertThat(n.path("read").asBoolean()).isFalse();
            assertThat(n.path("read_at").isNull()).isTrue();
            assertThat(n.path("fulfillment_id").asText()).isNotEmpty();
        });
        // Newest first.
        assertThat(ofOne.get(0).path("id").asText())
                .isGreaterThan(ofOne.get(1).path("id").asText());
        String newest = ofOne.get(0).path("id").asText();
        String older = ofOne.get(1).path("id").asText();

        JsonNode read =
                one.post("/api/v1/notifications/" + newest + "/read", Map.of()).json();
        assertThat(read.path("read").asBoolean()).isTrue();
        String readAt = read.path("read_at").asText();
        assertThat(one.post("/api/v1/notifications/" + newest + "/read", Map.of())
                        .json()
                        .path("read_at")
                        .asText())
                .as("read again: the first time stays")
                .isEqualTo(readAt);

        assertThat(ids(one.get("/api/v1/notifications?unread=true"))).containsExactly(older);
        assertThat(ids(two.get("/api/v1/notifications?unread=true"))).containsExactly(newest, older);
        assertThat(one.get("/api/v1/notifications")
                        .json()
                        .path("items")
                        .get(0)
                        .path("read")
                        .asBoolean())
                .isTrue();

        JsonNode marked = two.post("/api/v1/notifications/read", Map.of()).json();
        assertThat(marked.path("marked_read").asInt()).isEqualTo(2);
        assertThat(ids(two.get("/api/v1/notifications?unread=true"))).isEmpty();
        assertThat(ids(one.get("/api/v1/notifications?unread=true"))).containsExactly(older);
        assertThat(one.get("/api/v1/notifications?unread=maybe").errorCode()).isEqualTo("invalid_request");
        assertThat(one.post("/api/v1/notifications/" + UUID.randomUUID() + "/read", Map.of())
                        .errorCode())
                .isEqualTo("notification_not_found");
    }

    private static List<String> ids(ApiClient.Response list) {
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().path("items").forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    @Test
    void switchingAChannelsNotificationsOffMeansTheNextOrderRaisesNone() throws Exception {
        Store store = store("Quiet", true);
        ApiClient staff = admin.as(shop.staffToken(store.outlet()));
        String name = Shop.unique("Renamed");

        JsonNode changed = admin.patch(
                        "/api/v1/channels/" + store.channel(), Map.of("notifications", false, "name", name))
                .json();
        assertThat(changed.path("notifications").asBoolean()).isFalse();
        assertThat(changed.path("name").asText()).isEqualTo(name);
        assertThat(admin.get("/api/v1/channels/" + store.channel())
                        .json()
                        .path("notifications")
                        .asBoolean())
                .isFalse();

        try (EventStreamClient stream = EventStreamClient.open(staff, Optional.empty())) {
            stream.awaitOpened(WAIT);
            JsonNode quiet = awaitSale(store, order(store));
            Event fulfillment = stream.take(1, WAIT).get(0);
            assertThat(fulfillment.type()).isEqualTo("fulfillment");
            assertThat(saleOf(fulfillment)).isEqualTo(quiet.path("id").asText());
            assertThat(stream.next(QUIET)).as("no notification").isEmpty();
            assertThat(ids(staff.get("/api/v1/notifications"))).isEmpty();

            assertThat(admin.patch("/api/v1/channels/" + store.channel(), Map.of("notifications", true))
                            .json()
                            .path("name")
                            .asText())
                    .as("a field left out stays")
                    .isEqualTo(name);
            awaitSale(store, order(store));
            assertThat(types(stream.take(2, WAIT))).containsExactly("fulfillment", "notification");
        }
        assertThat(ids(staff.get("/api/v1/notifications"))).hasSize(1);
    }

    @Test
    void aChannelPatchRefusesWhatItCannotChangeAndNonAdmins() {
        Store store = store("Patch", true);
        ApiClient.Response elsewhere =
                admin.patch("/api/v1/channels/" + store.channel(), Map.of("base_url", "https://elsewhere.example"));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().path("error").path("message").asText()).contains("base_url", "names the store");
        assertThat(admin.patch("/api/v1/channels/" + store.channel(), Map.of("notifications", "no"))
                        .errorCode())
                .isEqualTo("invalid_request");
        assertThat(admin.patch("/api/v1/channels/" + store.channel(), Map.of("name", " "))
                        .errorCode())
                .isEqualTo("invalid_request");
        ApiClient staff = admin.as(shop.staffToken(store.outlet()));
        assertThat(staff.patch("/api/v1/channels/" + store.channel(), Map.of("notifications", false))
                        .errorCode())
                .isEqualTo("forbidden");
        assertThat(admin.patch("/api/v1/channels/" + UUID.randomUUID(), Map.of("notifications", false))
                        .errorCode())
                .isEqualTo("channel_not_found");
    }
}
