package org.storeline.channels.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.Connector;
import org.storeline.channels.api.DeliveryEvent;
import org.storeline.channels.api.OrderPage;
import org.storeline.channels.api.OrderQuery;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;

/**
 * The contract every platform connector passes. A platform's test extends it, feeds it real example
 * payloads from the platform's docs or SDK fixtures (their sources cited beside the files), and plays the
 * platform's API with WireMock at the channel's {@code base_url}.
 */
public abstract class ConnectorContract {
    protected static final String SECRET = "contract-test-webhook-secret";
    /** Before any example order was placed: every example is in a range that starts here. */
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    protected WireMockServer platform;
    protected Connector connector;
    protected ChannelConnection connection;

    /** The connector under test, calling the platform through {@code http}. */
    protected abstract Connector connector(PlatformHttp http);

    /** Credentials that work against the WireMock platform. */
    protected abstract Map<String, String> credentials();

    /** The real example orders, each as a delivery signed the way the platform signs it. */
    protected abstract List<Example> examples();

    /** The API path {@code fetchOrder} reads the example's order from. */
    protected abstract String orderPath(Example example);

    /** The platform's answer on {@link #orderPath}: the order as its API returns it. */
    protected abstract String orderResponse(Example example);

    /** Other endpoints fetching an order needs (BigCommerce's products and addresses); none by default. */
    protected void stubSubresources(Example example) {}

    /** The example delivery with its signed content changed (by default: one byte of the body). */
    protected WebhookDelivery tampered(WebhookDelivery delivery) {
        byte[] body = delivery.body().clone();
        int i = body.length / 2;
        body[i] = (byte) (body[i] == '1' ? '2' : '1');
        return new WebhookDelivery(delivery.headers(), delivery.query(), body);
    }

    /** The header that carries the signature (or, for BigCommerce, the shared secret). */
    protected abstract String signatureHeader();

    /** The example's order as the platform's order list holds it: the bare order object. */
    protected abstract String listedOrder(Example example);

    /**
     * Plays the platform's order list: one page, the last, holding {@code orders} (JSON objects as
     * {@link #listedOrder} gives them), whatever the query.
     */
    protected abstract void stubOrderList(List<String> orders);

    /** The field of a listed order that holds its total, which the mapper cannot do without. */
    protected abstract String totalField();

    /**
     * A real example, its delivery (headers and raw body exactly as the platform sends them) and what it
     * must map to.
     */
    public record Example(String name, WebhookDelivery delivery, Expected expected) {}

    public record Expected(
            String externalId,
            String number,
            OrderDisposition disposition,
            String total,
            String currency,
            int productLines,
            FulfillmentType type,
            Optional<String> email,
            boolean shipping) {}

    /**
     * A real stock webhook of the platform (SOR-3), its delivery as the platform sends it, and what it must read as:
     * the platform's ids of the listing (as its outbound side remembers them) and the level, when the webhook carries
     * one.
     */
    public record StockExample(
            String name, WebhookDelivery delivery, Map<String, String> listingIds, OptionalLong level) {}

    /** The platform's real stock webhooks; a module whose platform sends none it reads has none. */
    protected List<StockExample> stockExamples() {
        return List.of();
    }

    @BeforeEach
    void startPlatform() {
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
        PlatformHttp http = new PlatformHttp(
                HttpClient.newHttpClient(),
                4,
                attempt -> Duration.ofMillis(5),
                duration -> Thread.sleep(Math.min(duration.toMillis(), 50)),
                Duration.ofSeconds(5));
        connector = connector(http);
        connection = new ChannelConnection("channel-under-test", URI.create(platform.baseUrl()), credentials(), SECRET);
    }

    @AfterEach
    void stopPlatform() {
        platform.stop();
    }

    @Test
    void acceptsEveryRealExampleAndMapsItsOrder() {
        assertThat(examples()).as("at least one real example").isNotEmpty();
        for (Example example : examples()) {
            stub(example);
            assertThat(connector.verify(example.delivery(), connection).outcome())
                    .as(example.name())
                    .isEqualTo(Verification.Outcome.VALID);
            DeliveryEvent event = connector.read(example.delivery());
            assertThat(event.kind()).as(example.name()).isEqualTo(DeliveryEvent.Kind.ORDER);
            assertThat(event.orderId())
                    .as(example.name())
                    .contains(example.expected().externalId());

            ChannelOrder order = connector.resolve(event, example.delivery(), connection);

            Expected expected = example.expected();
            assertThat(order.externalId()).as(example.name()).isEqualTo(expected.externalId());
            assertThat(order.number()).as(example.name()).isEqualTo(expected.number());
            assertThat(order.disposition()).as(example.name()).isEqualTo(expected.disposition());
            assertThat(order.total().toDecimalString()).as(example.name()).isEqualTo(expected.total());
            assertThat(order.currency().getCurrencyCode()).as(example.name()).isEqualTo(expected.currency());
            assertThat(order.lines()).as(example.name()).hasSize(expected.productLines());
            assertThat(order.fulfillmentType()).as(example.name()).isEqualTo(expected.type());
            assertThat(order.customer().flatMap(ChannelOrder.OrderCustomer::email))
                    .as(example.name())
                    .isEqualTo(expected.email());
            assertThat(order.shipping().isEmpty())
                    .as(example.name() + " has shipping")
                    .isEqualTo(!expected.shipping());
            assertThat(order.updatedAt()).as(example.name()).isNotNull();
            assertThat(order.placedAt())
                    .as(example.name() + " carries when it was placed")
                    .isPresent();
            order.lines()
                    .forEach(line ->
                            assertThat(line.quantity()).as(example.name()).isPositive());
        }
    }

    @Test
    void readsEveryRealStockWebhookAsAReportOfItsListingWithoutCallingThePlatform() {
        for (StockExample example : stockExamples()) {
            assertThat(connector.verify(example.delivery(), connection).outcome())
                    .as(example.name())
                    .isEqualTo(Verification.Outcome.VALID);
            DeliveryEvent event = connector.read(example.delivery());
            assertThat(event.kind()).as(example.name()).isEqualTo(DeliveryEvent.Kind.STOCK);
            assertThat(event.orderId()).as(example.name()).isEmpty();
            assertThat(event.stock()).as(example.name()).hasValueSatisfying(report -> {
                assertThat(report.listingIds()).as(example.name()).isEqualTo(example.listingIds());
                assertThat(report.level()).as(example.name()).isEqualTo(example.level());
            });
        }
        assertThat(platform.getAllServeEvents())
                .as("read never calls the platform")
                .isEmpty();
    }

    @Test
    void rejectsADeliveryWhoseSignedContentWasChanged() {
        Example example = examples().get(0);

        Verification verdict = connector.verify(tampered(example.delivery()), connection);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).isNotBlank();
    }

    @Test
    void rejectsADeliverySignedWithAnotherSecret() {
        Example example = examples().get(0);
        ChannelConnection otherSecret =
                new ChannelConnection(connection.channelId(), connection.baseUrl(), credentials(), "another-secret");

        assertThat(connector.verify(example.delivery(), otherSecret).outcome()).isEqualTo(Verification.Outcome.INVALID);
    }

    @Test
    void rejectsADeliveryWithoutItsSignature() {
        Example example = examples().get(0);
        Map<String, String> headers = new HashMap<>(example.delivery().headers());
        headers.remove(signatureHeader().toLowerCase(Locale.ROOT));

        Verification verdict = connector.verify(
                new WebhookDelivery(
                        headers, example.delivery().query(), example.delivery().body()),
                connection);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
    }

    @Test
    void theSameDeliveryTwiceIsTheSameOrderVersionSoItIsNotAppliedTwice() {
        Example example = examples().get(0);
        stub(example);

        ChannelOrder first = connector.resolve(connector.read(example.delivery()), example.delivery(), connection);
        ChannelOrder second = connector.resolve(connector.read(example.delivery()), example.delivery(), connection);

        assertThat(second.externalId()).isEqualTo(first.externalId());
        assertThat(second.updatedAt()).isEqualTo(first.updatedAt());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void fetchRetriesOn429And5xxThenSucceeds() {
        Example example = examples().get(0);
        stubSubresources(example);
        String path = orderPath(example);
        platform.stubFor(get(urlPathEqualTo(path))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
                .willSetStateTo("throttled"));
        platform.stubFor(get(urlPathEqualTo(path))
                .inScenario("flaky")
                .whenScenarioStateIs("throttled")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        platform.stubFor(get(urlPathEqualTo(path))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(json(orderResponse(example))));

        ChannelOrder order = connector.fetchOrder(example.expected().externalId(), connection);

        assertThat(order.externalId()).isEqualTo(example.expected().externalId());
        platform.verify(3, getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void fetchGivesUpAtOnceWhenThePlatformSaysNo() {
        Example example = examples().get(0);
        platform.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404).withBody("{\"error\":\"Not Found\"}")));

        assertThatThrownBy(() -> connector.fetchOrder(example.expected().externalId(), connection))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.status()).isEqualTo(404);
                });
        platform.verify(1, getRequestedFor(urlPathEqualTo(orderPath(example))));
    }

    @Test
    void fetchReportsARetryableFailureWhenThePlatformKeepsFailing() {
        Example example = examples().get(0);
        platform.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> connector.fetchOrder(example.expected().externalId(), connection))
                .isInstanceOfSatisfying(
                        PlatformCallException.class,
                        e -> assertThat(e.retryable()).isTrue());
        platform.verify(4, getRequestedFor(urlPathEqualTo(orderPath(example))));
    }

    @Test
    void aListedOrderThatCannotBeReadIsReportedWithItsIdAndReasonAndTheOthersAreStillListed() {
        Map<String, Example> byOrder = new LinkedHashMap<>();
        examples().forEach(example -> byOrder.putIfAbsent(example.expected().externalId(), example));
        List<Example> listed = byOrder.values().stream().limit(3).toList();
        assertThat(listed).as("examples of at least two different orders").hasSizeGreaterThanOrEqualTo(2);
        Example broken = listed.get(1);
        List<String> page = new ArrayList<>();
        for (Example example : listed) {
            stubSubresources(example);
            page.add(example == broken ? withUnreadableTotal(listedOrder(example)) : listedOrder(example));
        }
        stubOrderList(page);

        OrderQuery everything = new OrderQuery(LONG_AGO, Optional.empty(), Optional.empty());

        OrderPage result = connector.listOrders(everything, connection);

        List<String> readable = listed.stream()
                .filter(example -> example != broken)
                .map(example -> example.expected().externalId())
                .toList();
        assertThat(result.orders()).extracting(ChannelOrder::externalId).containsExactlyElementsOf(readable);
        String id = broken.expected().externalId();
        assertThat(result.unreadable()).singleElement().satisfies(unreadable -> {
            assertThat(unreadable.externalId()).contains(id);
            assertThat(unreadable.reason()).contains(id, totalField() + " '12,50' is not a number");
        });
        assertThat(result.nextPage()).isEmpty();
    }

    /** The order with its total written the way no platform writes a number: a decimal comma. */
    private String withUnreadableTotal(String order) {
        return ((ObjectNode) PlatformJson.parse(order, "the example order"))
                .put(totalField(), "12,50")
                .toString();
    }

    private void stub(Example example) {
        stubSubresources(example);
        platform.stubFor(get(urlPathEqualTo(orderPath(example))).willReturn(json(orderResponse(example))));
    }

    protected static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** Reads a fixture from the test's resources. */
    protected static String resource(String path) {
        try (InputStream in = ConnectorContract.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
