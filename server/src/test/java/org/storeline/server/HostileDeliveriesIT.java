package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Internals;
import org.storeline.server.support.RawHttp;
import org.storeline.server.support.RawHttp.Answer;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * Hostile webhook deliveries never hurt the server either. Garbage with a valid signature is accepted (the platform
 * sent it) and fails in the channel's activity in words for staff, never with SQL, parser or class names; an order
 * with NULs and half surrogates in its text is still imported; a real order of 5,000 lines (1.1 MB) is accepted;
 * a delivery over the 16 MiB limit is refused and logged with what staff need to import the order by hand.
 */
class HostileDeliveriesIT {
    private static final String HUGE = "1e999999999";
    private static final ApiClient ADMIN = TestStoreline.admin();
    /** Order ids of this class's own channel. */
    private static final AtomicLong ORDER_IDS = new AtomicLong(1_000);

    private static String channel;

    @BeforeAll
    static void channel() {
        Shop shop = new Shop(ADMIN);
        String outlet = shop.outlet("Deliveries");
        channel = shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), false, "http://127.0.0.1:9");
    }

    @Test
    void signedWebhookGarbageIsAcceptedAndFailsInTheActivityInWordsForStaff() {
        String hugeOrder = "{\"id\": " + ORDER_IDS.incrementAndGet() + ", \"status\": \"processing\", "
                + "\"currency\": \"EUR\", \"total\": " + HUGE + ", \"line_items\": [{\"id\": 1, "
                + "\"quantity\": " + HUGE + ", \"total\": \"" + HUGE + "\"}]}";
        Map<String, byte[]> garbage = Map.of(
                "bytes", new byte[] {0, (byte) 0xff, '{', '{', 'x'},
                "lists nested 5,000 deep", ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8),
                "a total of 1e999999999", hugeOrder.getBytes(StandardCharsets.UTF_8));
        garbage.forEach((what, body) -> {
            Answer answer = deliver(body);

            assertThat(answer.status()).as(what + ": " + answer.text()).isEqualTo(200);
            String delivery = answer.json().path("delivery_id").asText();
            JsonNode entry =
                    awaitEntry(e -> delivery.equals(e.path("delivery_id").asText()), what);
            assertThat(entry.path("outcome").asText()).as(what).isEqualTo("failed");
            assertThat(entry.path("reason").asText()).as(what).isNotBlank().doesNotContainPattern(Internals.PATTERN);
        });
    }

    @Test
    void aSignedOrderWithNulsAndHalfSurrogatesInItsTextIsImported() {
        long id = ORDER_IDS.incrementAndGet();
        // Written as JSON escapes: a Java string cannot carry half a surrogate pair into UTF-8 bytes.
        String body = WooCommerceOrders.order(id)
                .status("processing")
                .customer("Ann_NUL_e", "Lee_HALF_", "a@b.com")
                .line("NO-SUCH-SKU", 1, "10.00", "10.00", "2.10")
                .totals("12.10", "2.10")
                .json()
                .replace("_NUL_", "\\u0000")
                .replace("_HALF_", "\\ud800");

        Answer answer = deliver(body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode entry = awaitOrder(id);
        assertThat(entry.path("reason").asText()).doesNotContainPattern(Internals.PATTERN);
        assertThat(entry.path("outcome").asText())
                .as(entry.path("reason").asText())
                .isEqualTo("imported");
    }

    @Test
    void aSignedOrderOfFiveThousandLinesIsAcceptedAndImported() {
        long id = ORDER_IDS.incrementAndGet();
        WooCommerceOrders order = WooCommerceOrders.order(id).status("processing");
        for (int line = 0; line < 5_000; line++) {
            // Real lines carry many more fields (taxes, meta data, images): long SKUs make up the size.
            order.line(String.format("HOSTILE-%05d-%s", line, "L".repeat(60)), 1, "1.00", "1.00", "0.00");
        }
        byte[] body = order.totals("5000.00", "0.00").json().getBytes(StandardCharsets.UTF_8);

        Answer answer = deliver(body);

        assertThat(body.length).as("a real order's size").isGreaterThan(1024 * 1024);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode entry = awaitOrder(id);
        assertThat(entry.path("outcome").asText())
                .as(entry.path("reason").asText())
                .isEqualTo("imported");
    }

    @Test
    void aDeliveryOverSixteenMebibytesIsRefusedAndLoggedWithItsOrderIdForAnImportByHand() {
        long id = ORDER_IDS.incrementAndGet();
        String tooLarge = "{\"id\":" + id + ",\"note\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}";
        byte[] body = tooLarge.getBytes(StandardCharsets.UTF_8);

        Answer answer = deliver(body);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.errorCode()).isEqualTo("body_too_large");
        JsonNode entry = awaitOrder(id);
        assertThat(entry.path("kind").asText()).isEqualTo("delivery");
        assertThat(entry.path("outcome").asText()).isEqualTo("failed");
        assertThat(entry.path("retryable").asBoolean()).isTrue();
        assertThat(entry.path("reason").asText())
                .contains(String.valueOf(body.length))
                .contains("order.created")
                .contains("/import")
                .doesNotContainPattern(Internals.PATTERN);
    }

    @Test
    void noActivityEntryOfTheChannelShowsInternals() {
        deliver("not json at all".getBytes(StandardCharsets.UTF_8));
        send(HttpRequest.newBuilder(uri("/webhooks/" + channel))
                .header("X-WC-Webhook-Signature", "forged")
                .POST(BodyPublishers.ofString("{\"id\": 1}")));

        awaitEntry(e -> e.path("outcome").asText().equals("rejected"), "the forged delivery");
        for (JsonNode entry : activity()) {
            assertThat(entry.path("reason").asText()).doesNotContainPattern(Internals.PATTERN);
        }
    }

    /** A delivery signed with the channel's webhook secret, as WooCommerce sends it. */
    private static Answer deliver(byte[] body) {
        return send(HttpRequest.newBuilder(uri("/webhooks/" + channel))
                .header("Content-Type", "application/json")
                .header("X-WC-Webhook-Topic", "order.created")
                .header("X-WC-Webhook-Signature", WooCommerceOrders.sign(body))
                .POST(BodyPublishers.ofByteArray(body)));
    }

    private static JsonNode awaitOrder(long id) {
        return awaitEntry(
                e -> String.valueOf(id).equals(e.path("external_order_id").asText()), "order " + id);
    }

    private static JsonNode awaitEntry(Predicate<JsonNode> wanted, String what) {
        return OrderImportScenarioIT.await(
                () -> {
                    for (JsonNode entry : activity()) {
                        if (wanted.test(entry) && !entry.path("kind").asText().equals("registration")) {
                            return entry;
                        }
                    }
                    return null;
                },
                "the activity entry of " + what);
    }

    private static JsonNode activity() {
        return ADMIN.get("/api/v1/channels/" + channel + "/activity?limit=500")
                .json()
                .path("items");
    }

    private static Answer send(HttpRequest.Builder request) {
        return RawHttp.send(request.timeout(Duration.ofSeconds(60)).build());
    }

    private static URI uri(String path) {
        return URI.create(ADMIN.baseUrl() + path);
    }
}
