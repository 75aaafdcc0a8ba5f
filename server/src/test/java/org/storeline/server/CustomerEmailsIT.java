package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Internals;
import org.storeline.server.support.MailServer;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * Customer emails (FUL-6) through a real SMTP server on loopback: a delivery shipped (with its tracking) and a pickup
 * ready, in the outlet's language; a mail server that is down, then back; emails off by default; resending. Orders
 * come in by webhook and the outlet's staff pack and ship them through the API, as at the counter; the email job reads
 * the outbox those actions write to.
 */
class CustomerEmailsIT {
    private static final AtomicLong ORDER_IDS =
            new AtomicLong(System.currentTimeMillis() % 1_000_000_000L + 20_000_000);
    private static final String FROM = "orders@example.com";

    private static final ApiClient ADMIN = TestStoreline.admin();
    private static final Wiring WIRING = TestStoreline.instance().wiring();
    private static MailServer mail;
    private static JsonNode defaults;

    private final Shop shop = new Shop(ADMIN);

    /** An imported online order: its sale, its one fulfillment, the address of its customer, its outlet's staff. */
    private record Order(
            String saleId,
            String fulfillmentId,
            String number,
            String customerEmail,
            String outletId,
            String outletName,
            ApiClient staff) {}

    @BeforeAll
    static void aMailServer() {
        // Read before anything here turns emails on: no other test changes these settings.
        defaults = ADMIN.get("/api/v1/settings/email").json();
        mail = MailServer.start();
    }

    @AfterAll
    static void emailsOffAgain() {
        emails(Map.of("enabled", false));
        mail.close();
    }

    @Test
    void emailsAreOffByDefaultSoAShipmentIsListedSkippedAndNothingIsSent() {
        assertThat(defaults.path("enabled").asBoolean()).isFalse();
        assertThat(defaults.path("has_password").asBoolean()).isFalse();
        emails(Map.of("enabled", false));
        Order order = importedOrder("en", false, Shop.unique("off") + "@example.com");

        ship(order, tracking("OFF-1", null, null));
        JsonNode email = awaitEmail(order, e -> e.path("status").asText().equals("skipped"));

        assertThat(email.path("skip_reason").asText()).isEqualTo("Customer emails are off in the store's settings.");
        assertThat(email.path("to").asText()).isEqualTo(order.customerEmail());
        assertThat(mail.messagesTo(order.customerEmail())).isEmpty();
        ApiClient.Response resend = resend(order, email.path("id").asText());
        assertThat(resend.status()).isEqualTo(409);
        assertThat(resend.errorCode()).isEqualTo("emails_off");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Your order %s has been shipped | out for delivery | Tracking number: 1Z999AA1 | Carrier: UPS",
                "fr | Votre commande %s a été expédiée | en cours de livraison | Numéro de suivi : 1Z999AA1"
                        + " | Transporteur : UPS",
                "nl | Je bestelling %s is verzonden | onderweg voor levering | Trackingnummer: 1Z999AA1"
                        + " | Vervoerder: UPS"
            })
    void theShippedEmailGoesOutWithItsTrackingInTheOutletsLanguage(
            String language, String subject, String lead, String number, String carrier) {
        emailsOn();
        Order order = importedOrder(language, false, Shop.unique("ship") + "@example.com");

        ship(order, tracking("1Z999AA1", "UPS", "https://track.example/1Z999AA1"));
        JsonNode email = awaitEmail(order, e -> e.path("status").asText().equals("sent"));

        assertThat(email.path("kind").asText()).isEqualTo("shipped");
        assertThat(email.path("language").asText()).isEqualTo(language);
        assertThat(email.path("attempts").asInt()).isEqualTo(1);
        MimeMessage message = onlyMessageTo(order);
        assertThat(subjectOf(message)).isEqualTo(subject.formatted(order.number()));
        // SMTP carries lines ending in CRLF: the text is the listed body, line for line.
        assertThat(MailServer.text(message).replace("\r\n", "\n").strip())
                .contains(lead, number, carrier, "https://track.example/1Z999AA1", "- 2 × ")
                .isEqualTo(email.path("body").asText().strip());
        assertThat(fromOf(message)).isEqualTo("Storeline Shop <" + FROM + ">");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Your order %s is ready for pickup | ready for pickup at %s.",
                "fr | Votre commande %s est prête pour le ramassage | prête pour le ramassage à l’établissement %s.",
                "nl | Je bestelling %s is klaar voor ophalen | klaar voor ophalen bij vestiging %s."
            })
    void theReadyForPickupEmailGoesOutWhenAPickupIsPackedInTheOutletsLanguage(
            String language, String subject, String where) {
        emailsOn();
        Order order = importedOrder(language, true, Shop.unique("pickup") + "@example.com");

        pack(order);
        // Nobody but the cluster job reads the outbox and sends here: the job is what runs in production.
        JsonNode email = awaitEmail(order, e -> e.path("status").asText().equals("sent"), false);

        assertThat(email.path("kind").asText()).isEqualTo("ready_for_pickup");
        MimeMessage message = onlyMessageTo(order);
        assertThat(subjectOf(message)).isEqualTo(subject.formatted(order.number()));
        assertThat(MailServer.text(message)).contains(where.formatted(order.outletName()));
    }

    @Test
    void aMailServerThatIsDownLeavesTheStatusChangedListsTheFailureAndSendsOnceWhenItIsBack()
            throws MessagingException {
        emailsOn();
        Order order = importedOrder("fr", false, Shop.unique("down") + "@example.com");
        mail.down();
        try {
            ship(order, tracking("DOWN-1", "bpost", null));

            JsonNode failed = awaitEmail(order, e -> e.path("status").asText().equals("failed"));

            assertThat(failed.path("last_error").asText())
                    .contains("Could not connect to the mail server 127.0.0.1:" + mail.port())
                    .contains("Connection refused")
                    .doesNotContainPattern(Internals.PATTERN);
            assertThat(failed.path("next_attempt_at").isNull()).isFalse();
            assertThat(fulfillmentStatus(order)).isEqualTo("shipped");
        } finally {
            mail.up();
        }

        JsonNode sent = awaitEmail(order, e -> e.path("status").asText().equals("sent"));
        assertThat(sent.path("attempts").asInt()).isGreaterThan(1);
        assertThat(sent.path("last_error").asText()).contains("Connection refused");
        WIRING.sendCustomerEmails();
        WIRING.sendCustomerEmails();
        assertThat(onlyMessageTo(order).getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(fulfillmentStatus(order)).isEqualTo("shipped");
    }

    @Test
    void eachFulfillmentIsEmailedOncePerKindHoweverOftenItsEventsSayIt() {
        emailsOn();
        Order order = importedOrder("en", false, Shop.unique("once") + "@example.com");

        pack(order); // a delivery packed: nothing to tell the customer yet
        WIRING.sendCustomerEmails();
        assertThat(emailsOf(order)).isEmpty();
        ship(order, tracking("ONCE-1", null, null));
        awaitEmail(order, e -> e.path("status").asText().equals("sent"));
        // A note on the shipped fulfillment says "shipped" again in its event: the customer heard it already.
        assertThat(act(order, "notes", Map.of("text", "ONCE-2 left on the counter"))
                        .status())
                .isEqualTo(201);
        WIRING.sendCustomerEmails();
        WIRING.sendCustomerEmails();

        assertThat(emailsOf(order)).hasSize(1);
        assertThat(MailServer.text(onlyMessageTo(order))).contains("ONCE-1").doesNotContain("ONCE-2");
    }

    @Test
    void staffCanResendAnEmailAndItIsSentAgain() {
        emailsOn();
        Order order = importedOrder("nl", true, Shop.unique("again") + "@example.com");
        pack(order);
        JsonNode sent = awaitEmail(order, e -> e.path("status").asText().equals("sent"));
        String staff = shop.staffToken(order.outletId());

        ApiClient.Response resent =
                ADMIN.as(staff).post(resendPath(order, sent.path("id").asText()), "");

        assertThat(resent.status()).as(resent.text()).isEqualTo(200);
        assertThat(resent.json().path("status").asText()).isEqualTo("pending");
        assertThat(resent.json().path("attempts").asInt()).isZero();
        awaitEmail(
                order,
                e -> e.path("status").asText().equals("sent")
                        && e.path("attempts").asInt() == 1);
        assertThat(mail.messagesTo(order.customerEmail()))
                .hasSize(2)
                .allSatisfy(m ->
                        assertThat(subjectOf(m)).isEqualTo(sent.path("subject").asText()));
        ApiClient.Response unknown = resend(order, UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("email_not_found");
        ApiClient.Response stranger =
                ADMIN.as(shop.staffToken(shop.outlet("Elsewhere"))).get("/api/v1/sales/" + order.saleId() + "/emails");
        assertThat(stranger.status()).isEqualTo(403);
    }

    @Test
    void aCustomerWithoutAnEmailAddressGetsNoEmailAndTheListSaysWhy() {
        emailsOn();
        Order order = importedOrder("en", false, "");

        ship(order, null);
        JsonNode email = awaitEmail(order, e -> e.path("status").asText().equals("skipped"));

        assertThat(email.path("to").isNull()).isTrue();
        assertThat(email.path("skip_reason").asText())
                .isIn("The customer has no email address.", "The sale has no customer to email.");
        ApiClient.Response resend = resend(order, email.path("id").asText());
        assertThat(resend.status()).isEqualTo(409);
        assertThat(resend.errorCode()).isEqualTo("no_customer_email");
    }

    @Test
    void theSmtpPasswordIsSealedAtRestAndNeverAnswered() throws SQLException {
        JsonNode answer = emailsOn();

        assertThat(answer.path("has_password").asBoolean()).isTrue();
        assertThat(answer.has("password")).isFalse();
        assertThat(ADMIN.get("/api/v1/settings/email").text()).doesNotContain(MailServer.PASSWORD);
        try (Connection db = TestStoreline.instance().dataSource().getConnection();
                ResultSet row = db.createStatement().executeQuery("select password from email_settings")) {
            assertThat(row.next()).isTrue();
            assertThat(new String(row.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("horse");
        }
        ApiClient staff = ADMIN.as(shop.staffToken(shop.outlet("Mail")));
        assertThat(staff.get("/api/v1/settings/email").status()).isEqualTo(403);
        assertThat(staff.put("/api/v1/settings/email", Map.of("enabled", false)).status())
                .isEqualTo(403);
        ApiClient.Response noHost = ADMIN.put("/api/v1/settings/email", Map.of("host", ""));
        assertThat(noHost.status()).isEqualTo(400);
        assertThat(noHost.json().path("error").path("message").asText()).contains("host is required");
    }

    // --- the shop, its orders and the events -----------------------------------------------------------------

    /** Emails on, through the test's mail server, logged in; answers the settings as changed. */
    private static JsonNode emailsOn() {
        return emails(Map.of(
                "enabled",
                true,
                "host",
                "127.0.0.1",
                "port",
                mail.port(),
                "security",
                "none",
                "username",
                MailServer.USER,
                "password",
                MailServer.PASSWORD,
                "from_address",
                FROM,
                "from_name",
                "Storeline Shop"));
    }

    private static JsonNode emails(Map<String, Object> settings) {
        ApiClient.Response response = ADMIN.put("/api/v1/settings/email", settings);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** A paid WooCommerce order of one product, imported at a new outlet speaking {@code language}. */
    private Order importedOrder(String language, boolean pickup, String customerEmail) {
        String outletName = Shop.unique("Winkel");
        String outlet = ADMIN.post(
                        "/api/v1/outlets",
                        Map.of("name", outletName, "time_zone", "Europe/Brussels", "language", language))
                .id();
        String register = shop.openRegister(outlet);
        String channel = shop.wooChannel(register, List.of(outlet), Map.of(), false, "http://127.0.0.1:9");
        String sku = Shop.unique("MUG");
        shop.setStock(shop.productWithSku(sku, "10.00"), outlet, 5);
        WooCommerceOrders order = WooCommerceOrders.order(ORDER_IDS.incrementAndGet())
                .status("processing")
                .customer("Anne", "Dupont", customerEmail)
                .line(sku, 2, "20.00", "20.00", "4.20")
                .totals("24.20", "4.20");
        if (pickup) {
            order.shipping("local_pickup", "Pick up in store", "0.00", "0.00");
        }
        assertThat(order.deliver(ADMIN, channel, "order.created").status()).isEqualTo(200);
        JsonNode sale = ReturnsIT.await(
                () -> {
                    JsonNode items = ADMIN.get("/api/v1/sales?channel_id=" + channel)
                            .json()
                            .path("items");
                    return items.isEmpty() ? null : items.get(0);
                },
                "the order to become a sale");
        return new Order(
                sale.path("id").asText(),
                sale.path("fulfillment_ids").get(0).asText(),
                sale.path("external_order_number").asText(),
                customerEmail,
                outlet,
                outletName,
                ADMIN.as(shop.staffToken(outlet)));
    }

    /** The {@code tracking} of a ship request; any part may be left out. */
    private static Map<String, Object> tracking(String number, String company, String url) {
        Map<String, Object> tracking = new HashMap<>();
        tracking.put("number", number);
        tracking.put("company", company);
        tracking.put("url", url);
        return tracking;
    }

    /** Packs the order's fulfillment as its outlet's staff do: for a pickup, that makes it ready. */
    private void pack(Order order) {
        ApiClient.Response packed = act(order, "pack", Map.of());
        assertThat(packed.status()).as(packed.text()).isEqualTo(200);
    }

    /** Packs (unless it is) and ships the order's delivery as its outlet's staff do, with the tracking if given. */
    private void ship(Order order, Map<String, Object> tracking) {
        if (!fulfillmentStatus(order).equals("packed")) {
            pack(order);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("tracking", tracking);
        ApiClient.Response shipped = act(order, "ship", body);
        assertThat(shipped.status()).as(shipped.text()).isEqualTo(200);
    }

    private ApiClient.Response act(Order order, String action, Map<String, Object> body) {
        return order.staff().post("/api/v1/fulfillments/" + order.fulfillmentId() + "/" + action, body);
    }

    private static List<JsonNode> emailsOf(Order order) {
        ApiClient.Response response = ADMIN.get("/api/v1/sales/" + order.saleId() + "/emails");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<JsonNode> emails = new ArrayList<>();
        response.json().path("items").forEach(emails::add);
        return emails;
    }

    /**
     * Waits (at most 30 s) for the sale's one email to be as asked. The cluster job runs every few seconds; the wait
     * runs the same work every half second to be quick, as a second process would.
     */
    private static JsonNode awaitEmail(Order order, Predicate<JsonNode> condition) {
        return awaitEmail(order, condition, true);
    }

    /** Waits for the sale's one email to be as asked, leaving the work to the cluster job alone when asked to. */
    private static JsonNode awaitEmail(Order order, Predicate<JsonNode> condition, boolean helpTheJob) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            List<JsonNode> emails = emailsOf(order);
            if (emails.size() == 1 && condition.test(emails.getFirst())) {
                return emails.getFirst();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for the email; the sale's emails: " + emails);
            }
            sleep(Duration.ofMillis(500));
            if (helpTheJob) {
                WIRING.sendCustomerEmails();
            }
        }
    }

    private static MimeMessage onlyMessageTo(Order order) {
        List<MimeMessage> messages = mail.messagesTo(order.customerEmail());
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fromOf(MimeMessage message) {
        try {
            return ((InternetAddress) message.getFrom()[0]).toUnicodeString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fulfillmentStatus(Order order) {
        return ADMIN.get("/api/v1/fulfillments/" + order.fulfillmentId())
                .json()
                .path("status")
                .asText();
    }

    private static ApiClient.Response resend(Order order, String emailId) {
        return ADMIN.post(resendPath(order, emailId), "");
    }

    private static String resendPath(Order order, String emailId) {
        return "/api/v1/sales/" + order.saleId() + "/emails/" + emailId + "/resend";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
