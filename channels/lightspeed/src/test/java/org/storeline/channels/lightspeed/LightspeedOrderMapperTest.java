package org.storeline.channels.lightspeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.money.Money;

class LightspeedOrderMapperTest {
    private static final Currency USD = Currency.getInstance("USD");
    private final LightspeedOrderMapper mapper = new LightspeedOrderMapper();

    @Test
    void mapsTheLightspeedDocsExampleToTheCent() {
        ChannelOrder order = mapDocsExample(docsOrder());

        assertThat(order.externalId()).isEqualTo("1623550");
        assertThat(order.number()).isEqualTo("ORD00018");
        assertThat(order.platformStatus()).isEqualTo("processing_awaiting_shipment/paid/not_shipped");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_PAID);
        assertThat(order.currency()).isEqualTo(USD);
        // priceIncl 50.35 is the order total; priceExcl 47.95, so the tax is 50.35 - 47.95 = 2.40.
        assertThat(order.total()).isEqualTo(Money.of("50.35", "USD"));
        assertThat(order.totalTax()).isEqualTo(Money.of("2.40", "USD"));
        // One product: 6 x basePriceIncl 7.35 = priceIncl 44.10 (line), priceExcl 42.00, so tax 2.10.
        OrderLine line = order.lines().get(0);
        assertThat(order.lines()).hasSize(1);
        assertThat(line.platformLineId()).isEqualTo("3515302");
        assertThat(line.sku()).isEmpty();
        assertThat(line.platformProductId()).contains("20967262");
        assertThat(line.platformVariantId()).contains("34771159");
        assertThat(line.name()).isEqualTo("anacampseros");
        assertThat(line.quantity()).isEqualTo(6);
        assertThat(line.unitPrice()).isEqualTo(Money.of("7.35", "USD"));
        assertThat(line.discount()).isEqualTo(Money.of("0.00", "USD"));
        assertThat(line.tax()).isEqualTo(Money.of("2.10", "USD"));
        assertThat(line.total()).isEqualTo(Money.of("44.10", "USD"));
        // Shipping: shipmentPriceIncl 6.25, shipmentPriceExcl 5.95, so 0.30 tax. 44.10 + 6.25 = 50.35 = the total.
        assertThat(order.shipping())
                .containsExactly(new ChannelOrder.ShippingCharge(
                        "Default Shipping", Money.of("6.25", "USD"), Money.of("0.30", "USD")));
        assertThat(line.total().plus(order.shipping().get(0).total())).isEqualTo(order.total());
    }

    @Test
    void mapsTheDocsExamplesPeopleTimesAndPayment() {
        ChannelOrder order = mapDocsExample(docsOrder());

        assertThat(order.placedAt()).contains(Instant.parse("2019-08-21T17:15:00Z"));
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2019-09-16T19:46:01Z"));
        assertThat(order.customer())
                .contains(new ChannelOrder.OrderCustomer(
                        Optional.of("info@lightspeedhq.com"), Optional.of("Lightspeed Test")));
        assertThat(order.payment()).isEqualTo(new ChannelOrder.OrderPayment("Pay by invoice", false, Optional.empty()));
        assertThat(order.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(order.shippingMethod()).contains("Default Shipping");
        assertThat(order.deliveryAddress()).contains("Lightspeed Test\n123 viger\nh4a4r4 montreal\nQuebec\nCanada");
        assertThat(order.phone()).contains("+1 5555555555");
        // comment is "" in the example: no note.
        assertThat(order.customerNote()).isEmpty();
    }

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource({
        "cancelled,                    paid,           not_shipped,       SKIP_CANCELLED",
        "processing_awaiting_payment,  cancelled,      not_shipped,       SKIP_CANCELLED",
        "completed,                    paid,           not_shipped,       IMPORT_FULFILLED",
        "completed_shipped,            paid,           shipped,           IMPORT_FULFILLED",
        "completed_picked_up,          paid,           not_shipped,       IMPORT_FULFILLED",
        "processing_awaiting_shipment, paid,           shipped,           IMPORT_FULFILLED",
        "processing_awaiting_shipment, paid,           not_shipped,       IMPORT_PAID",
        "processing_ready_for_pickup,  paid,           partially_shipped, IMPORT_PAID",
        "processing_awaiting_payment,  not_paid,       not_shipped,       IMPORT_UNPAID",
        "completed_shipped,            not_paid,       shipped,           IMPORT_UNPAID",
        "on_hold,                      partially_paid, not_shipped,       IMPORT_PARTIALLY_PAID",
        "processing_partially_paid,    partially_paid, not_shipped,       IMPORT_PARTIALLY_PAID",
        "completed_shipped,            partially_paid, shipped,           IMPORT_PARTIALLY_PAID",
        "processing,                   some_new_word,  not_shipped,       IMPORT_UNPAID"
    })
    void everyRowOfTheStateTable(
            String status, String paymentStatus, String shipmentStatus, OrderDisposition expected) {
        ObjectNode order = docsOrder();
        order.put("status", status).put("paymentStatus", paymentStatus).put("shipmentStatus", shipmentStatus);

        ChannelOrder mapped = mapDocsExample(order);

        assertThat(mapped.disposition()).isEqualTo(expected);
        assertThat(mapped.platformStatus()).isEqualTo(status + "/" + paymentStatus + "/" + shipmentStatus);
    }

    @Test
    void aDiscountedLineKeepsItsUnitPriceDiscountTaxAndTotalFromTheDocsOrderProductExample() {
        JsonNode product = resource("payloads/order-product-sdk-3661590.json").path("orderProduct");

        OrderLine line = mapper.map(docsOrder(), List.of(product), USD).lines().get(0);

        // basePriceIncl 42.00 - discountIncl 22.05 = priceIncl 19.95; priceExcl 19.00, so the tax is 0.95.
        assertThat(line.unitPrice()).isEqualTo(Money.of("42.00", "USD"));
        assertThat(line.discount()).isEqualTo(Money.of("22.05", "USD"));
        assertThat(line.tax()).isEqualTo(Money.of("0.95", "USD"));
        assertThat(line.total()).isEqualTo(Money.of("19.95", "USD"));
        assertThat(line.name()).isEqualTo("Butterprint Bowl");
        assertThat(line.platformVariantId()).contains("34771155");
    }

    @Test
    void amountsWithFourPlacesAreRoundedHalfUpToTheCurrency() {
        ObjectNode product = (ObjectNode) products().get(0);
        product.put("basePriceIncl", new BigDecimal("9.198")).put("quantityOrdered", 1);

        assertThat(mapper.map(docsOrder(), List.of(product), USD).lines().get(0).unitPrice())
                .isEqualTo(Money.of("9.20", "USD"));
    }

    @Test
    void aPickupOrderIsPickedUpAndADeliveryIsDelivered() {
        ObjectNode pickup = docsOrder().put("shipmentIsPickup", true).put("shipmentTitle", "Pickup at Downtown");

        assertThat(mapDocsExample(pickup).fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
        assertThat(mapDocsExample(pickup).shippingMethod()).contains("Pickup at Downtown");
        assertThat(mapDocsExample(docsOrder()).fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
    }

    @Test
    void aMissingNameIsEmptyAndTheBillingNameStandsInForAMissingPersonalName() {
        ObjectNode noName = docsOrder()
                .put("firstname", "")
                .put("middlename", "")
                .put("lastname", "")
                .put("addressBillingName", "");
        ObjectNode billingOnly =
                docsOrder().put("firstname", "").put("lastname", "").put("addressBillingName", "Jan Janssen");
        ObjectNode nobody = noName.deepCopy().put("email", "");

        assertThat(mapDocsExample(noName).customer())
                .contains(new ChannelOrder.OrderCustomer(Optional.of("info@lightspeedhq.com"), Optional.empty()));
        assertThat(mapDocsExample(billingOnly).customer().flatMap(ChannelOrder.OrderCustomer::name))
                .contains("Jan Janssen");
        assertThat(mapDocsExample(nobody).customer()).isEmpty();
    }

    @Test
    void idsStayStringsEvenAbove2To53() {
        ObjectNode order = docsOrder();
        order.put("id", new BigInteger("9007199254740993"));
        ObjectNode product = (ObjectNode) products().get(0);
        product.put("id", "9007199254740995");

        ChannelOrder mapped = mapper.map(order, List.of(product), USD);

        assertThat(mapped.externalId()).isEqualTo("9007199254740993");
        assertThat(mapped.lines().get(0).platformLineId()).isEqualTo("9007199254740995");
    }

    @Test
    void lightspeedTimesWithAnOffsetAreReadAsUtc() {
        ObjectNode order =
                docsOrder().put("createdAt", "2013-09-24T21:48:17+02:00").put("updatedAt", "2013-09-24T22:02:24+0200");

        ChannelOrder mapped = mapDocsExample(order);

        assertThat(mapped.placedAt()).contains(Instant.parse("2013-09-24T19:48:17Z"));
        assertThat(mapped.updatedAt()).isEqualTo(Instant.parse("2013-09-24T20:02:24Z"));
    }

    @Test
    void anOrderNeverUpdatedUsesItsCreationTimeAndAnUnreadableTimeIsRefused() {
        ObjectNode neverUpdated = docsOrder();
        neverUpdated.remove("updatedAt");
        ObjectNode garbled = docsOrder().put("updatedAt", "16/09/2019 19:46");

        assertThat(mapDocsExample(neverUpdated).updatedAt()).isEqualTo(Instant.parse("2019-08-21T17:15:00Z"));
        assertThatThrownBy(() -> mapDocsExample(garbled))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("updatedAt");
    }

    @Test
    void aPartlyPaidOrderSaysNoAmountBecauseLightspeedGivesNone() {
        ObjectNode order = (ObjectNode)
                resource("payloads/order-partially-paid-1623554.json").path("order");

        ChannelOrder mapped = mapDocsExample(order);

        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.IMPORT_PARTIALLY_PAID);
        assertThat(mapped.platformStatus()).isEqualTo("processing_partially_paid/partially_paid/not_shipped");
        // The order resource has paymentStatus but no paid amount (SOURCES.md): nothing is guessed.
        assertThat(mapped.amountPaid()).isEmpty();
        assertThat(mapped.total()).isEqualTo(Money.of("50.35", "USD"));
        assertThat(mapped.placedAt()).contains(Instant.parse("2019-08-21T17:15:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "21/08/2019 17:15"})
    void anOrderWithoutAReadableCreationTimeIsStillImportedUndated(String createdAt) {
        ObjectNode order = docsOrder();
        if (createdAt.equals("missing")) {
            order.remove("createdAt");
        } else {
            order.put("createdAt", createdAt);
        }

        ChannelOrder mapped = mapDocsExample(order);

        assertThat(mapped.placedAt()).isEmpty();
        assertThat(mapped.updatedAt()).isEqualTo(Instant.parse("2019-09-16T19:46:01Z"));
    }

    @Test
    void anOrderWithNeitherTimeIsRefused() {
        ObjectNode order = docsOrder();
        order.remove("createdAt");
        order.remove("updatedAt");

        assertThatThrownBy(() -> mapDocsExample(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("updatedAt")
                .hasMessageContaining("createdAt");
    }

    @Test
    void theOrdersOwnCurrencyWinsOverTheChannelsWhenLightspeedSendsOne() {
        ObjectNode withCurrency = docsOrder();
        withCurrency.putObject("currency").put("shortcode", "CAD");

        assertThat(mapDocsExample(withCurrency).currency().getCurrencyCode()).isEqualTo("CAD");
        assertThat(mapDocsExample(docsOrder()).currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void paymentsAProcessorConfirmsAreIntegratedAndOfflineOnesAreNot() {
        ChannelOrder ideal = mapDocsExample(
                docsOrder().put("paymentId", "seoshoppayments").put("paymentTitle", "SEOshop Payments - iDeal"));
        ChannelOrder cod = mapDocsExample(docsOrder()
                .put("paymentId", "mollie")
                .put("paymentTitle", "Mollie - Creditcard")
                .put("shipmentIsCashOnDelivery", true));
        ChannelOrder pickupCash =
                mapDocsExample(docsOrder().put("paymentId", "cash").put("paymentTitle", "Pay at pickup"));
        ChannelOrder unknown =
                mapDocsExample(docsOrder().put("paymentId", "custom7").put("paymentTitle", "House account"));

        assertThat(ideal.payment())
                .isEqualTo(new ChannelOrder.OrderPayment(
                        "SEOshop Payments - iDeal", true, Optional.of("SEOshop Payments - iDeal")));
        assertThat(cod.payment().integrated()).isFalse();
        assertThat(pickupCash.payment().integrated()).isFalse();
        assertThat(unknown.payment().integrated()).isFalse();
    }

    @Test
    void theShippingAddressReadsLikeAnAddressWithoutLightspeedsFalsePlaceholders() {
        ObjectNode order = docsOrder()
                .put("addressShippingName", "Ruud Stelder")
                .put("addressShippingCompany", false)
                .put("addressShippingStreet", "Keizersgracht")
                .put("addressShippingNumber", "313")
                .put("addressShippingExtension", "A")
                .put("addressShippingZipcode", "1016 EE")
                .put("addressShippingCity", "Amsterdam")
                .put("addressShippingRegion", "");
        ((ObjectNode) order.path("addressShippingCountry")).put("title", "Netherlands, The");

        assertThat(mapDocsExample(order).deliveryAddress())
                .contains("Ruud Stelder\nKeizersgracht 313 A\n1016 EE Amsterdam\nNetherlands, The");
    }

    @Test
    void productsAreFoundAsAListOrEmbeddedInTheirLinkAndAMereLinkMeansFetchThem() {
        ObjectNode asList = docsOrder();
        asList.set("products", PlatformJson.MAPPER.valueToTree(products()));
        ObjectNode linkOnly = docsOrder();
        ((ObjectNode) linkOnly.path("products").path("resource")).remove("embedded");

        assertThat(LightspeedOrderMapper.embeddedProducts(docsOrder()))
                .hasValueSatisfying(p -> assertThat(p).hasSize(1));
        assertThat(LightspeedOrderMapper.embeddedProducts(asList))
                .hasValueSatisfying(p -> assertThat(p).hasSize(1));
        assertThat(LightspeedOrderMapper.embeddedProducts(linkOnly)).isEmpty();
    }

    @Test
    void aLineWithNothingOrderedIsLeftOut() {
        ObjectNode product = (ObjectNode) products().get(0);
        product.put("quantityOrdered", 0);

        assertThat(mapper.map(docsOrder(), List.of(product), USD).lines()).isEmpty();
    }

    private ChannelOrder mapDocsExample(ObjectNode order) {
        return mapper.map(order, LightspeedOrderMapper.embeddedProducts(order).orElseThrow(), USD);
    }

    /** The order of Lightspeed's docs example (jessegall/php-lightspeed-sdk generator/resources/order.json). */
    private static ObjectNode docsOrder() {
        return (ObjectNode) resource("payloads/order-sdk-1623550.json").path("order");
    }

    private static List<JsonNode> products() {
        return LightspeedOrderMapper.embeddedProducts(docsOrder()).orElseThrow();
    }

    private static JsonNode resource(String path) {
        try (InputStream in = LightspeedOrderMapperTest.class.getClassLoader().getResourceAsStream(path)) {
            return PlatformJson.parse(in.readAllBytes(), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
