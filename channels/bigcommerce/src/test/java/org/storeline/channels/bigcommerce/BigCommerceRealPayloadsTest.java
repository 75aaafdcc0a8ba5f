package org.storeline.channels.bigcommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.DeliveryEvent;
import org.storeline.channels.api.OrderPage;
import org.storeline.channels.api.OrderQuery;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.money.Money;

/**
 * Real BigCommerce answers that differ from the module's first fixtures (sources in payloads/SOURCES.md), and
 * the variants real stores, proxies and the fake API produce, derived from them by editing the JSON tree.
 * Every variant must either map correctly or fail with a non-retryable {@link PlatformCallException}.
 */
class BigCommerceRealPayloadsTest {
    private static final String V2 = "/stores/abc123/v2";

    private final BigCommerceOrderMapper mapper = new BigCommerceOrderMapper();
    private WireMockServer platform;
    private BigCommerceConnector connector;
    private ChannelConnection connection;

    @BeforeEach
    void start() {
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
        PlatformHttp http = new PlatformHttp(
                HttpClient.newHttpClient(), 3, attempt -> Duration.ofMillis(1), duration -> {}, Duration.ofSeconds(5));
        connector = new BigCommerceConnector(http);
        connection = new ChannelConnection(
                "ch_1",
                URI.create(platform.baseUrl()),
                Map.of("store_hash", "abc123", "access_token", "token-1"),
                "hook-secret");
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    // ---- the new real payloads -------------------------------------------------------------------------------

    @Test
    void aDigitalOrderPaidInStoreWithoutShippingAddressIsAPaidDeliveryWithItsTotalToTheCent() {
        platform.stubFor(get(urlPathEqualTo(V2 + "/orders"))
                .willReturn(json(payload("orders-list-100-digital-pay-in-store.json"))));
        platform.stubFor(get(urlPathMatching(V2 + "/orders/100/(products|shipping_addresses)"))
                .willReturn(aResponse().withStatus(204)));

        OrderPage page = connector.listOrders(
                new OrderQuery(Instant.parse("2012-03-01T00:00:00Z"), Optional.empty(), Optional.empty()), connection);

        assertThat(page.orders()).singleElement().satisfies(order -> {
            assertThat(order.externalId()).isEqualTo("100");
            assertThat(order.number()).isEqualTo("100");
            assertThat(order.disposition()).as("Awaiting Fulfillment (11)").isEqualTo(OrderDisposition.IMPORT_PAID);
            assertThat(order.platformStatus()).isEqualTo("Awaiting Fulfillment (11)");
            assertThat(order.payment().method()).isEqualTo("Pay in Store");
            assertThat(order.payment().integrated()).isFalse();
            assertThat(order.payment().processor()).isEmpty();
            assertThat(order.fulfillmentType())
                    .as("digital: nothing to pick up")
                    .isEqualTo(FulfillmentType.DELIVERY);
            assertThat(order.deliveryAddress()).isEmpty();
            assertThat(order.shipping()).isEmpty();
            assertThat(order.lines()).isEmpty();
            assertThat(order.phone()).as("billing phone").contains("5555556789");
            assertThat(order.customer()).hasValueSatisfying(customer -> {
                assertThat(customer.email()).contains("bug@bunny.com");
                assertThat(customer.name()).contains("Bugs Bunny");
            });
            assertThat(order.customerNote()).isEmpty();
            assertThat(order.placedAt()).contains(Instant.parse("2012-03-02T21:36:24Z"));
            assertThat(order.updatedAt()).isEqualTo(Instant.parse("2012-03-12T21:40:16Z"));
            assertThat(order.total().toDecimalString()).isEqualTo("0.01");
            assertThat(order.totalTax().toDecimalString()).isEqualTo("0.00");
        });
    }

    @Test
    void aGuestOrderPaidManuallyIsAnUnpaidSaleWithTheBillingEmailAsCustomer() {
        ObjectNode poster = (ObjectNode) array("order-products-115-coupon.json").get(0);
        poster.put("id", 194)
                .put("order_id", 193)
                .put("name", "BigCommerce Poster")
                .put("price_ex_tax", "10.0000")
                .put("price_inc_tax", "10.9800")
                .put("price_tax", "0.9800")
                .put("total_ex_tax", "10.0000")
                .put("total_inc_tax", "10.9800")
                .put("total_tax", "0.9800")
                .putArray("applied_discounts");
        ArrayNode addresses = array("order-218-shipping-addresses.json");

        ChannelOrder order = mapper.map(data(order("order-193-guest-manual.json"), List.of(poster), list(addresses)));

        assertThat(order.externalId()).isEqualTo("193");
        assertThat(order.number()).isEqualTo("193");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_UNPAID);
        assertThat(order.platformStatus()).isEqualTo("Pending (1)");
        assertThat(order.payment().method()).isEqualTo("Manual");
        assertThat(order.payment().integrated()).isFalse();
        assertThat(order.customer())
                .as("customer_id 0 is a guest, the billing address still names the buyer")
                .hasValueSatisfying(customer -> {
                    assertThat(customer.email()).contains("janedoe@email.com");
                    assertThat(customer.name()).contains("Jane Doe");
                });
        assertThat(order.customerNote()).as("customer_message null").isEmpty();
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.platformLineId()).isEqualTo("194");
            assertThat(line.sku()).isEmpty();
            assertThat(line.platformProductId()).isEmpty();
            assertThat(line.name()).isEqualTo("BigCommerce Poster");
            assertThat(line.quantity()).isEqualTo(1);
            assertThat(line.unitPrice().toDecimalString()).isEqualTo("10.98");
            assertThat(line.discount().toDecimalString()).isEqualTo("0.00");
            assertThat(line.tax().toDecimalString()).isEqualTo("0.98");
            assertThat(line.total().toDecimalString()).isEqualTo("10.98");
        });
        assertThat(order.shipping())
                .as("no cost and v2's literal None: no shipping line")
                .isEmpty();
        assertThat(order.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(order.total().toDecimalString()).isEqualTo("10.98");
        assertThat(order.totalTax().toDecimalString()).isEqualTo("0.98");
        assertThat(order.itemizedTotal()).isEqualTo(order.total());
    }

    @Test
    void aCouponSentAsAJsonNumberIsTakenOffTheLine() {
        ChannelOrder order = mapper.map(
                data(order("order-193-guest-manual.json"), list(array("order-products-115-coupon.json")), List.of()));

        OrderLine line = order.lines().get(0);
        assertThat(line.platformLineId()).isEqualTo("16");
        assertThat(line.sku()).as("sku \"\"").isEmpty();
        assertThat(line.platformProductId()).as("custom product").isEmpty();
        assertThat(line.name()).isEqualTo("Cynthia Gilbert Signature Collection");
        assertThat(line.unitPrice().toDecimalString()).isEqualTo("93.18");
        assertThat(line.discount().toDecimalString()).isEqualTo("4.66");
        assertThat(line.total().toDecimalString()).isEqualTo("88.52");
        assertThat(line.tax().toDecimalString()).isEqualTo("0.00");
    }

    @Test
    void anApiCreatedOrderWithoutCurrencyCodeTakesTheStoreCurrency() {
        platform.stubFor(get(urlPathEqualTo(V2 + "/orders/100"))
                .willReturn(json(payload("order-100-api-created-no-currency.json"))));
        platform.stubFor(get(urlPathMatching(V2 + "/orders/100/(products|shipping_addresses)"))
                .willReturn(aResponse().withStatus(204)));
        platform.stubFor(get(urlPathEqualTo(V2 + "/store"))
                .willReturn(json("{\"id\":\"abc123\",\"name\":\"Demo Store\",\"currency\":\"USD\"}")));

        ChannelOrder order = connector.fetchOrder("100", connection);

        assertThat(order.currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(order.externalId()).isEqualTo("100");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_UNPAID);
        assertThat(order.payment().integrated()).isFalse();
        assertThat(order.customer())
                .hasValueSatisfying(customer -> assertThat(customer.email()).contains("buyer@example.com"));
        assertThat(order.total().toDecimalString()).isEqualTo("1915.00");
        assertThat(order.totalTax().toDecimalString()).isEqualTo("210.00");
        platform.verify(1, getRequestedFor(urlPathEqualTo(V2 + "/store")));
    }

    @Test
    void anOrderWithItsCurrencyCodeNeverCostsACallForTheStoreCurrency() {
        platform.stubFor(get(urlPathEqualTo(V2 + "/orders/247")).willReturn(json(payload("order-247.json"))));
        platform.stubFor(get(urlPathMatching(V2 + "/orders/247/(products|shipping_addresses)"))
                .willReturn(aResponse().withStatus(204)));

        connector.fetchOrder("247", connection);

        platform.verify(0, getRequestedFor(urlPathEqualTo(V2 + "/store")));
    }

    @Test
    void anOrderWithoutAnyCurrencyIsAClearFinalError() {
        assertThatThrownBy(
                        () -> mapper.map(data(order("order-100-api-created-no-currency.json"), List.of(), List.of())))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("100", "currency_code");
                });
    }

    // ---- robustness: variants derived from real payloads ---------------------------------------------------

    @Test
    void aNullBillingAddressIsNoCustomerAndThePhoneComesFromTheShippingAddress() {
        ObjectNode order = order("order-247.json");
        order.putNull("billing_address");

        ChannelOrder mapped = map247(order);

        assertThat(mapped.customer()).isEmpty();
        assertThat(mapped.phone()).contains("1234567890");
        assertThat(mapped.total().toDecimalString()).isEqualTo("1008.74");
    }

    @Test
    void aMissingBillingAddressIsNoCustomer() {
        ObjectNode order = order("order-247.json");
        order.remove("billing_address");

        assertThat(map247(order).customer()).isEmpty();
    }

    @Test
    void aPhysicalOrderWhoseAddressesCannotBeReadStaysADeliveryWithoutAddress() {
        ChannelOrder mapped =
                mapper.map(data(order("order-247.json"), list(array("order-247-products.json")), List.of()));

        assertThat(mapped.fulfillmentType()).as("shipping_address_count is 1").isEqualTo(FulfillmentType.DELIVERY);
        assertThat(mapped.deliveryAddress()).isEmpty();
        assertThat(mapped.shipping())
                .singleElement()
                .satisfies(charge -> assertThat(charge.method()).isEqualTo("Shipping"));
        assertThat(mapped.total().toDecimalString()).isEqualTo("1008.74");
    }

    @Test
    void aShippingAddressCountSentAsAStringZeroIsStillAPickup() {
        ObjectNode order = order("order-247.json");
        order.put("shipping_address_count", "0");

        ChannelOrder mapped = mapper.map(data(order, list(array("order-247-products.json")), List.of()));

        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
    }

    @Test
    void aDigitalFlagSentAsAStringKeepsAnOrderWithoutAddressADelivery() {
        ObjectNode order = order("order-247.json");
        order.put("shipping_address_count", 0).put("order_is_digital", "true");

        ChannelOrder mapped = mapper.map(data(order, list(array("order-247-products.json")), List.of()));

        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
    }

    @Test
    void aShippingAddressWithoutMethodNamesTheChargeShipping() {
        ArrayNode addresses = array("order-247-shipping-addresses.json");
        ((ObjectNode) addresses.get(0)).putNull("shipping_method");

        ChannelOrder mapped =
                mapper.map(data(order("order-247.json"), list(array("order-247-products.json")), list(addresses)));

        assertThat(mapped.shippingMethod()).isEmpty();
        assertThat(mapped.shipping()).singleElement().satisfies(charge -> {
            assertThat(charge.method()).isEqualTo("Shipping");
            assertThat(charge.total().toDecimalString()).isEqualTo("8.00");
        });
    }

    @Test
    void amountsSentAsJsonNumbersMapToTheSameCents() {
        ObjectNode order = order("order-247.json");
        order.put("total_inc_tax", new BigDecimal("1008.74"))
                .put("total_tax", 76.88)
                .put("shipping_cost_inc_tax", 8)
                .put("shipping_cost_tax", new BigDecimal("0.61"));
        ArrayNode products = array("order-247-products.json");
        for (JsonNode product : products) {
            ObjectNode line = (ObjectNode) product;
            line.put("price_inc_tax", new BigDecimal(line.get("price_inc_tax").asText()))
                    .put(
                            "total_inc_tax",
                            new BigDecimal(line.get("total_inc_tax").asText()))
                    .put("total_tax", new BigDecimal(line.get("total_tax").asText()));
        }

        ChannelOrder mapped = mapper.map(data(order, list(products), list(array("order-247-shipping-addresses.json"))));

        assertThat(mapped.total().toDecimalString()).isEqualTo("1008.74");
        assertThat(mapped.totalTax().toDecimalString()).isEqualTo("76.88");
        assertThat(mapped.shipping().get(0).total().toDecimalString()).isEqualTo("8.00");
        assertThat(mapped.itemizedTotal()).isEqualTo(mapped.total());
    }

    @Test
    void idsStatusAndQuantitiesSentAsStringsReadLikeNumbers() {
        ObjectNode order = order("order-247.json");
        order.put("id", "247").put("status_id", "11").put("shipping_address_count", "1");
        ArrayNode products = array("order-247-products.json");
        ObjectNode jar = (ObjectNode) products.get(1);
        jar.put("id", "239").put("product_id", "174").put("variant_id", "345").put("quantity", "2");

        ChannelOrder mapped = mapper.map(data(order, list(products), list(array("order-247-shipping-addresses.json"))));

        assertThat(mapped.externalId()).isEqualTo("247");
        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.IMPORT_PAID);
        assertThat(mapped.lines().get(1).platformLineId()).isEqualTo("239");
        assertThat(mapped.lines().get(1).platformProductId()).contains("174");
        assertThat(mapped.lines().get(1).quantity()).isEqualTo(2);
        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
    }

    @Test
    void aQuantityWithFourDecimalsReadsAsWholeUnits() {
        ArrayNode products = array("order-247-products.json");
        ((ObjectNode) products.get(1)).put("quantity", "2.0000");

        assertThat(mapper.map(data(order("order-247.json"), list(products), List.of()))
                        .lines()
                        .get(1)
                        .quantity())
                .isEqualTo(2);
    }

    @Test
    void aFractionalQuantityIsAClearFinalError() {
        ArrayNode products = array("order-247-products.json");
        ((ObjectNode) products.get(1)).put("quantity", "1.5");

        assertClearError(
                () -> mapper.map(data(order("order-247.json"), list(products), List.of())), "247", "quantity", "1.5");
    }

    @Test
    void anAmountThatIsNotANumberIsAClearFinalError() {
        ObjectNode order = order("order-247.json");
        order.put("total_inc_tax", "N/A");

        assertClearError(() -> map247(order), "247", "total_inc_tax", "N/A");
    }

    @Test
    void aLineAmountThatIsNotANumberIsAClearFinalError() {
        ArrayNode products = array("order-247-products.json");
        ((ObjectNode) products.get(0)).put("price_inc_tax", "45,00");

        assertClearError(
                () -> mapper.map(data(order("order-247.json"), list(products), List.of())),
                "247",
                "price_inc_tax",
                "45,00");
    }

    @Test
    void aDiscountAmountThatIsNotANumberIsAClearFinalError() {
        ArrayNode products = array("order-products-115-coupon.json");
        ((ObjectNode) products.get(0).get("applied_discounts").get(0)).put("amount", "free");

        assertClearError(
                () -> mapper.map(data(order("order-193-guest-manual.json"), list(products), List.of())),
                "193",
                "applied_discounts",
                "free");
    }

    @Test
    void anUnknownCurrencyCodeIsAClearFinalError() {
        ObjectNode order = order("order-247.json");
        order.put("currency_code", "XYZ1");

        assertClearError(() -> map247(order), "247", "currency_code", "XYZ1");
    }

    @Test
    void aNullCurrencyCodeFallsBackToTheDefaultCurrencyCodeAndKeepsZeroDecimalCurrenciesExact() {
        ObjectNode order = order("order-193-guest-manual.json");
        order.putNull("currency_code")
                .put("default_currency_code", "JPY")
                .put("total_inc_tax", "1098.0000")
                .put("total_tax", "98.0000");

        ChannelOrder mapped = mapper.map(data(order, List.of(), List.of()));

        assertThat(mapped.currency().getCurrencyCode()).isEqualTo("JPY");
        assertThat(mapped.total()).isEqualTo(Money.of("1098", "JPY"));
    }

    @Test
    void aEuroOrderKeepsItsCurrencyAndTotal() {
        ObjectNode order = order("order-247.json");
        order.put("currency_code", "eur").put("default_currency_code", "USD");

        ChannelOrder mapped = map247(order);

        assertThat(mapped.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(mapped.total()).isEqualTo(Money.of("1008.74", "EUR"));
    }

    @Test
    void aMissingOrNullSkuIsEmpty() {
        ArrayNode products = array("order-247-products.json");
        ((ObjectNode) products.get(0)).remove("sku");
        ((ObjectNode) products.get(2)).putNull("sku");

        ChannelOrder mapped = mapper.map(data(order("order-247.json"), list(products), List.of()));

        assertThat(mapped.lines().get(0).sku()).isEmpty();
        assertThat(mapped.lines().get(2).sku()).isEmpty();
    }

    @Test
    void unknownExtraFieldsAndSubResourceLinksAreIgnored() {
        ObjectNode order = order("order-247.json");
        order.putObject("fees")
                .put("url", "https://api.bigcommerce.com/stores/x/v2/orders/247/fees")
                .put("resource", "/orders/247/fees");
        order.putObject("consignments").put("url", "https://api.bigcommerce.com/stores/x/v2/orders/247/consignments");
        order.put("is_tax_inclusive_pricing", true)
                .put("tax_provider_id", "BasicTaxProvider")
                .put("a_field_from_2030", "x");
        ArrayNode products = array("order-247-products.json");
        ((ObjectNode) products.get(0)).put("is_bundled_product ", false).putArray("gift_certificate_ids");

        ChannelOrder mapped = mapper.map(data(order, list(products), list(array("order-247-shipping-addresses.json"))));

        assertThat(mapped.total().toDecimalString()).isEqualTo("1008.74");
        assertThat(mapped.lines()).hasSize(4);
    }

    @Test
    void unicodeNamesSurviveUntouched() {
        ObjectNode order = order("order-247.json");
        ((ObjectNode) order.get("billing_address")).put("first_name", "Zoë").put("last_name", "Ångström-李");
        ArrayNode products = array("order-247-products.json");
        ((ObjectNode) products.get(0)).put("name", "Café crème ☕ (größe L)");

        ChannelOrder mapped = mapper.map(data(order, list(products), list(array("order-247-shipping-addresses.json"))));

        assertThat(mapped.customer())
                .hasValueSatisfying(customer -> assertThat(customer.name()).contains("Zoë Ångström-李"));
        assertThat(mapped.lines().get(0).name()).isEqualTo("Café crème ☕ (größe L)");
    }

    @Test
    void aLineOfThreeWithACouponKeepsTheUnitPriceAndTakesTheWholeDiscountOffTheLine() {
        ArrayNode products = array("order-products-115-coupon.json");
        ((ObjectNode) products.get(0))
                .put("quantity", 3)
                .put("base_total", "279.5400")
                .put("total_ex_tax", "279.5400")
                .put("total_inc_tax", "279.5400");

        OrderLine line = mapper.map(data(order("order-193-guest-manual.json"), list(products), List.of()))
                .lines()
                .get(0);

        assertThat(line.quantity()).isEqualTo(3);
        assertThat(line.unitPrice().toDecimalString()).isEqualTo("93.18");
        assertThat(line.discount().toDecimalString()).isEqualTo("4.66");
        assertThat(line.total().toDecimalString()).isEqualTo("274.88");
    }

    @Test
    void nullProductsNullDiscountsAndANullPaymentMethodDoNotBreakTheOrder() {
        ObjectNode order = order("order-247.json");
        order.putNull("payment_method")
                .putNull("customer_message")
                .putNull("date_modified")
                .putNull("status")
                .putNull("custom_status");
        ArrayNode products = array("order-247-products.json");
        ((ObjectNode) products.get(0)).putNull("applied_discounts");
        List<JsonNode> lines = list(products);
        lines.add(PlatformJson.MAPPER.nullNode());

        ChannelOrder mapped = mapper.map(data(order, lines, list(array("order-247-shipping-addresses.json"))));

        assertThat(mapped.lines()).hasSize(4);
        assertThat(mapped.payment().method()).isEqualTo("none");
        assertThat(mapped.payment().integrated()).isFalse();
        assertThat(mapped.customerNote()).isEmpty();
        assertThat(mapped.updatedAt()).isEqualTo(mapped.placedAt().orElseThrow());
        assertThat(mapped.platformStatus()).isEqualTo("status (11) / captured");
        assertThat(mapped.total().toDecimalString()).isEqualTo("1008.74");
    }

    @Test
    void aBraintreePaymentIsIntegratedWithBraintreeAsProcessor() {
        ObjectNode order = order("order-247.json");
        order.put("payment_method", "braintree");

        ChannelOrder.OrderPayment payment = map247(order).payment();

        assertThat(payment.integrated()).isTrue();
        assertThat(payment.processor()).contains("braintree");
    }

    @Test
    void anOrderIdMissingIsAClearFinalError() {
        ObjectNode order = order("order-247.json");
        order.remove("id");

        assertThatThrownBy(() -> map247(order))
                .isInstanceOfSatisfying(
                        PlatformCallException.class,
                        e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void aWebhookWithAStringOrderIdAndAnAbsurdCreatedAtStillReadsWithoutATime() {
        String body = "{\"scope\":\"store/order/statusUpdated\",\"store_id\":1025646,"
                + "\"data\":{\"type\":\"order\",\"id\":\"250\","
                + "\"status\":{\"previous_status_id\":0,\"new_status_id\":11}},"
                + "\"hash\":\"h\",\"created_at\":9223372036854775807}";
        WebhookDelivery delivery =
                WebhookDelivery.of(Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));

        DeliveryEvent event = connector.read(delivery);

        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.ORDER);
        assertThat(event.orderId()).contains("250");
        assertThat(event.eventTime()).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static void assertClearError(ThrowableAssert.ThrowingCallable call, String... words) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PlatformCallException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains(words);
        });
    }

    private ChannelOrder map247(ObjectNode order) {
        return mapper.map(
                data(order, list(array("order-247-products.json")), list(array("order-247-shipping-addresses.json"))));
    }

    private static BigCommerceOrderData data(JsonNode order, List<JsonNode> products, List<JsonNode> addresses) {
        return new BigCommerceOrderData(order, products, addresses);
    }

    private static List<JsonNode> list(ArrayNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static ObjectNode order(String file) {
        return (ObjectNode) PlatformJson.parse(payload(file), file);
    }

    private static ArrayNode array(String file) {
        return (ArrayNode) PlatformJson.parse(payload(file), file);
    }

    private static String payload(String file) {
        return BigCommerceConnectorContractTest.payload(file);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
