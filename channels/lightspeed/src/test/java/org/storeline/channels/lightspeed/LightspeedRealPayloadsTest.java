package org.storeline.channels.lightspeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.storeline.channels.api.DeliveryEvent;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderCustomer;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.money.Money;

/**
 * The payloads found in the wild (see payloads/SOURCES.md), and every realistic variant of a real payload we
 * could think of, made by editing the JSON tree of Lightspeed's docs example. Each variant must either map
 * correctly or be refused with the module's {@link PlatformCallException}; nothing else may escape.
 */
class LightspeedRealPayloadsTest {
    private static final Currency USD = Currency.getInstance("USD");
    private final LightspeedOrderMapper mapper = new LightspeedOrderMapper();

    // ---- the new real payloads -------------------------------------------------------------------------------

    @Test
    void anIntegratorsMinimalWebhookBecomesAPaidEuroSaleWhoseTotalIsItsPriceInclToTheCent() {
        ObjectNode order = order("order-integrator-webhook-304989105.json");

        ChannelOrder mapped = mapper.map(order, docsProducts(), USD);

        assertThat(mapped.externalId()).isEqualTo("304989105");
        assertThat(mapped.number()).isEqualTo("VKNG186515");
        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.IMPORT_PAID);
        assertThat(mapped.platformStatus()).isEqualTo("processing_awaiting_shipment/paid");
        // The order says "currency": "EUR"; it wins over the channel's USD.
        assertThat(mapped.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(mapped.total()).isEqualTo(Money.of("54.51", "EUR"));
        // No priceExcl: the tax is unknown, so 0, never the whole total.
        assertThat(mapped.totalTax()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(mapped.placedAt()).contains(Instant.parse("2025-10-15T16:05:07Z"));
        assertThat(mapped.updatedAt()).isEqualTo(Instant.parse("2025-10-15T16:05:07Z"));
        assertThat(mapped.customer())
                .contains(new OrderCustomer(Optional.of("test@example.com"), Optional.of("Test User")));
        assertThat(mapped.payment()).isEqualTo(new ChannelOrder.OrderPayment("unknown", false, Optional.empty()));
        assertThat(mapped.shipping()).isEmpty();
        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(mapped.deliveryAddress()).isEmpty();
        assertThat(mapped.phone()).contains("+31612345678");
        OrderLine line = mapped.lines().get(0);
        assertThat(line.name()).isEqualTo("anacampseros");
        assertThat(line.quantity()).isEqualTo(6);
        assertThat(line.unitPrice()).isEqualTo(Money.of("7.35", "EUR"));
        assertThat(line.total()).isEqualTo(Money.of("44.10", "EUR"));
    }

    @Test
    void aSecondShopsMinimalWebhookKeepsItsOwnNumberAndTotal() {
        ChannelOrder mapped = mapper.map(order("order-integrator-webhook-304989106.json"), List.of(), USD);

        assertThat(mapped.externalId()).isEqualTo("304989106");
        assertThat(mapped.number()).isEqualTo("RET789123");
        assertThat(mapped.total()).isEqualTo(Money.of("89.99", "EUR"));
        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.IMPORT_PAID);
        assertThat(mapped.customer().flatMap(OrderCustomer::email)).contains("test@example.org");
        assertThat(mapped.lines()).isEmpty();
    }

    @Test
    void theClientLibrarysSampleWithANumericNumberAndCustomerFalseBecomesAPaidSale() {
        ChannelOrder mapped = mapper.map(order("order-client-sample-1001.json"), docsProducts(), USD);

        assertThat(mapped.externalId()).isEqualTo("1001");
        assertThat(mapped.number()).isEqualTo("1001");
        assertThat(mapped.platformStatus()).isEqualTo("processing_awaiting_shipment/paid/not_shipped");
        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.IMPORT_PAID);
        assertThat(mapped.currency()).isEqualTo(USD);
        assertThat(mapped.total()).isEqualTo(Money.of("49.99", "USD"));
        assertThat(mapped.totalTax()).isEqualTo(Money.of("0.00", "USD"));
        assertThat(mapped.customer())
                .contains(new OrderCustomer(Optional.of("john@example.com"), Optional.of("John Doe")));
        assertThat(mapped.lines()).hasSize(1);
    }

    @Test
    void theNewPayloadsArriveThroughTheWebhookAsOrderEventsWithStringIds() {
        LightspeedConnector connector = new LightspeedConnector(null);
        for (String file : List.of(
                "order-integrator-webhook-304989105.json",
                "order-integrator-webhook-304989106.json",
                "order-client-sample-1001.json")) {
            DeliveryEvent event = connector.read(WebhookDelivery.of(Map.of(), bytes(file)));

            assertThat(event.kind()).as(file).isEqualTo(DeliveryEvent.Kind.ORDER);
            assertThat(event.orderId()).as(file).isPresent();
            assertThat(LightspeedOrderMapper.embeddedProducts(order(file)))
                    .as(file + ": products must be fetched")
                    .isEmpty();
        }
    }

    // ---- optional objects null, false or missing -------------------------------------------------------------

    @ParameterizedTest(name = "customer {0}")
    @ValueSource(strings = {"null", "false", "missing", "{}", "{\"resource\":false}"})
    void aCustomerLinkThatIsNullFalseMissingOrEmptyStillMapsTheOrderAndItsBuyer(String customer) {
        ObjectNode order = docsOrder();
        set(order, "customer", customer);

        ChannelOrder mapped = mapDocs(order);

        assertThat(mapped.customer().flatMap(OrderCustomer::email)).contains("info@lightspeedhq.com");
        assertThat(mapped.total()).isEqualTo(Money.of("50.35", "USD"));
    }

    @ParameterizedTest(name = "shipping address fields {0}")
    @ValueSource(strings = {"null", "false", "missing"})
    void aGuestOrderWithoutShippingAddressBecomesASaleWithoutDeliveryAddress(String value) {
        ObjectNode order = docsOrder();
        for (String field : List.of(
                "addressShippingName",
                "addressShippingCompany",
                "addressShippingStreet",
                "addressShippingStreet2",
                "addressShippingNumber",
                "addressShippingExtension",
                "addressShippingZipcode",
                "addressShippingCity",
                "addressShippingRegion",
                "addressShippingCountry",
                "addressShippingRegionData")) {
            set(order, field, value);
        }

        ChannelOrder mapped = mapDocs(order);

        assertThat(mapped.deliveryAddress()).isEmpty();
        assertThat(mapped.total()).isEqualTo(Money.of("50.35", "USD"));
    }

    @Test
    void aCountryWrittenAsAPlainCodeStillEndsTheAddress() {
        ObjectNode order = docsOrder().put("addressShippingCountry", "NL");

        assertThat(mapDocs(order).deliveryAddress())
                .hasValueSatisfying(a -> assertThat(a).endsWith("\nNL"));
    }

    @ParameterizedTest(name = "shipment fields {0}")
    @ValueSource(strings = {"null", "false", "missing"})
    void anOrderWithoutShipmentFieldsHasNoShippingCharge(String value) {
        ObjectNode order = docsOrder();
        for (String field : List.of(
                "shipmentId",
                "shipmentTitle",
                "shipmentPriceIncl",
                "shipmentPriceExcl",
                "shipmentBasePriceIncl",
                "shipmentBasePriceExcl",
                "shipmentIsPickup",
                "shipmentIsCashOnDelivery",
                "shipmentStatus",
                "shipmentData")) {
            set(order, field, value);
        }

        ChannelOrder mapped = mapDocs(order);

        assertThat(mapped.shipping()).isEmpty();
        assertThat(mapped.shippingMethod()).isEmpty();
        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(mapped.total()).isEqualTo(Money.of("50.35", "USD"));
    }

    @Test
    void aShippingPriceWithoutItsTaxExcludedTwinHasNoTaxRatherThanAllTax() {
        ObjectNode order = docsOrder();
        order.remove("shipmentPriceExcl");

        assertThat(mapDocs(order).shipping())
                .containsExactly(new ChannelOrder.ShippingCharge(
                        "Default Shipping", Money.of("6.25", "USD"), Money.of("0.00", "USD")));
    }

    @ParameterizedTest(name = "discount fields {0}")
    @ValueSource(strings = {"null", "false", "missing", "[]"})
    void discountFieldsThatAreNullFalseMissingOrAnEmptyArrayMeanNoDiscount(String value) {
        ObjectNode order = docsOrder();
        for (String field :
                List.of("isDiscounted", "discountType", "discountAmount", "discountPercentage", "discountCouponCode")) {
            set(order, field, value);
        }
        ObjectNode product = docsProduct();
        set(product, "discountIncl", value);
        set(product, "discountExcl", value);

        ChannelOrder mapped = mapper.map(order, List.of(product), USD);

        assertThat(mapped.lines().get(0).discount()).isEqualTo(Money.of("0.00", "USD"));
        assertThat(mapped.lines().get(0).total()).isEqualTo(Money.of("44.10", "USD"));
        assertThat(mapped.total()).isEqualTo(Money.of("50.35", "USD"));
    }

    @Test
    void aVariantLinkThatIsFalseLeavesTheVariantIdEmpty() {
        ObjectNode product = docsProduct().put("variant", false);

        OrderLine line = mapper.map(docsOrder(), List.of(product), USD).lines().get(0);

        assertThat(line.platformVariantId()).isEmpty();
        assertThat(line.platformProductId()).contains("20967262");
    }

    @Test
    void productsFalseMeansTheyMustBeFetchedAndNullsInsideTheListAreSkipped() {
        ObjectNode noProducts = docsOrder().put("products", false);
        List<JsonNode> withNull = new ArrayList<>(docsProducts());
        withNull.add(PlatformJson.MAPPER.nullNode());

        assertThat(LightspeedOrderMapper.embeddedProducts(noProducts)).isEmpty();
        assertThat(mapper.map(docsOrder(), withNull, USD).lines()).hasSize(1);
    }

    @Test
    void productsEmbeddedAsAnObjectKeyedByIdAreReadAsTheListPhpMeant() {
        ObjectNode order = docsOrder();
        ObjectNode keyed = PlatformJson.MAPPER.createObjectNode();
        keyed.set("3515302", docsProduct());
        ((ObjectNode) order.path("products").path("resource")).set("embedded", keyed);

        assertThat(LightspeedOrderMapper.embeddedProducts(order))
                .hasValueSatisfying(p -> assertThat(p).hasSize(1));
        assertThat(mapDocs(order).lines()).extracting(OrderLine::name).containsExactly("anacampseros");
    }

    // ---- numbers as strings, strings as numbers, ids -----------------------------------------------------------

    @Test
    void moneyAndQuantitiesSentAsStringsMapToTheSameCents() {
        ObjectNode order = docsOrder()
                .put("priceIncl", "50.35")
                .put("priceExcl", "47.95")
                .put("shipmentPriceIncl", "6.25")
                .put("shipmentPriceExcl", "5.95");
        ObjectNode product = docsProduct()
                .put("quantityOrdered", "6")
                .put("basePriceIncl", "7.35")
                .put("priceIncl", "44.10")
                .put("priceExcl", "42")
                .put("discountIncl", "0");

        ChannelOrder mapped = mapper.map(order, List.of(product), USD);

        assertThat(mapped).isEqualTo(mapDocs(docsOrder()));
    }

    @Test
    void wholeQuantitiesWrittenAsFloatsAreWholeQuantities() {
        ObjectNode product = docsProduct().put("quantityOrdered", new BigDecimal("6.0"));

        assertThat(mapper.map(docsOrder(), List.of(product), USD).lines().get(0).quantity())
                .isEqualTo(6);
    }

    @Test
    void idsAsStringsOrAsWholeFloatsReadAsTheSameStringAndNumbersBecomeStrings() {
        ObjectNode asString = docsOrder().put("id", "1623550");
        ObjectNode asFloat = docsOrder().put("id", new BigDecimal("1623550.0"));
        ObjectNode numericNumber = docsOrder().put("number", 18);
        ObjectNode product = docsProduct().put("id", "3515302");

        assertThat(mapDocs(asString).externalId()).isEqualTo("1623550");
        assertThat(mapDocs(asFloat).externalId()).isEqualTo("1623550");
        assertThat(mapDocs(numericNumber).number()).isEqualTo("18");
        assertThat(mapper.map(docsOrder(), List.of(product), USD).lines().get(0).platformLineId())
                .isEqualTo("3515302");
    }

    @Test
    void stringsSentAsNumbersReadAsText() {
        ObjectNode order = docsOrder()
                .put("addressShippingZipcode", 1016)
                .put("addressShippingNumber", 313)
                .put("phone", 31201234567L)
                .put("paymentId", 7);

        ChannelOrder mapped = mapDocs(order);

        assertThat(mapped.deliveryAddress())
                .hasValueSatisfying(a -> assertThat(a).contains("123 viger 313").contains("1016 montreal"));
        assertThat(mapped.phone()).contains("31201234567");
        assertThat(mapped.payment().method()).isEqualTo("Pay by invoice");
    }

    @Test
    void anOrderWithoutAnIdOrWithAFalseIdIsRefusedWithTheModulesError() {
        ObjectNode missing = docsOrder();
        missing.remove("id");
        ObjectNode falseId = docsOrder().put("id", false);

        assertThatThrownBy(() -> mapDocs(missing))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("no id");
        assertThatThrownBy(() -> mapDocs(falseId))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("no id");
    }

    // ---- amounts and quantities that cannot be read --------------------------------------------------------------

    @ParameterizedTest(name = "priceIncl {0}")
    @ValueSource(strings = {"\"50,35\"", "\"fifty\"", "{\"amount\":50.35}"})
    void anUnreadableTotalIsRefusedWithTheModulesErrorNamingTheField(String value) {
        ObjectNode order = docsOrder();
        set(order, "priceIncl", value);

        assertThatThrownBy(() -> mapDocs(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("1623550")
                .hasMessageContaining("priceIncl");
    }

    @ParameterizedTest(name = "priceIncl {0}")
    @ValueSource(strings = {"null", "false", "missing"})
    void anOrderWithoutItsTotalIsRefusedRatherThanImportedForNothing(String value) {
        ObjectNode order = docsOrder();
        set(order, "priceIncl", value);

        assertThatThrownBy(() -> mapDocs(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("priceIncl");
    }

    @Test
    void anUnreadableLineAmountIsRefusedWithTheModulesError() {
        ObjectNode product = docsProduct().put("basePriceIncl", "7,35");

        assertThatThrownBy(() -> mapper.map(docsOrder(), List.of(product), USD))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("basePriceIncl");
    }

    @ParameterizedTest(name = "quantityOrdered {0}")
    @ValueSource(strings = {"1.5", "\"two\"", "false", "null", "missing"})
    void aQuantityThatIsNotAWholeNumberIsRefusedWithTheModulesError(String value) {
        ObjectNode product = docsProduct();
        set(product, "quantityOrdered", value);

        assertThatThrownBy(() -> mapper.map(docsOrder(), List.of(product), USD))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("quantityOrdered");
    }

    @Test
    void aLineWithoutItsTotalGetsTheDocsArithmeticUnitPriceTimesQuantityMinusDiscount() {
        ObjectNode product = docsProduct();
        product.remove("priceIncl");
        product.remove("priceExcl");

        OrderLine line = mapper.map(docsOrder(), List.of(product), USD).lines().get(0);

        assertThat(line.total()).isEqualTo(Money.of("44.10", "USD"));
        assertThat(line.tax()).isEqualTo(Money.of("0.00", "USD"));
    }

    @Test
    void aCurrencyThatIsNotIsoIsRefusedAndALowerCaseOneIsRead() {
        ObjectNode bad = docsOrder().put("currency", "EURO");
        ObjectNode lower = docsOrder().put("currency", "eur");

        assertThatThrownBy(() -> mapDocs(bad))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("EURO");
        assertThat(mapDocs(lower).currency().getCurrencyCode()).isEqualTo("EUR");
    }

    @Test
    void aCreationTimeSentAsAUnixNumberIsNoReadableDateButTheOrderIsKept() {
        ObjectNode order = docsOrder().put("createdAt", 1566407700);

        ChannelOrder mapped = mapDocs(order);

        assertThat(mapped.placedAt()).isEmpty();
        assertThat(mapped.updatedAt()).isEqualTo(Instant.parse("2019-09-16T19:46:01Z"));
    }

    // ---- SKU, names, extra fields
    // ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "sku and articleCode {0}")
    @ValueSource(strings = {"\"\"", "null", "false", "missing"})
    void anEmptyOrMissingSkuLeavesTheSkuEmptyAndKeepsTheLine(String value) {
        ObjectNode product = docsProduct();
        set(product, "sku", value);
        set(product, "articleCode", value);

        OrderLine line = mapper.map(docsOrder(), List.of(product), USD).lines().get(0);

        assertThat(line.sku()).isEmpty();
        assertThat(line.name()).isEqualTo("anacampseros");
        assertThat(line.total()).isEqualTo(Money.of("44.10", "USD"));
    }

    @Test
    void aLineWithNoTitleAtAllIsNamedAfterItsArticleCodeOrItsId() {
        ObjectNode withCode = docsProduct().put("productTitle", false).put("variantTitle", "");
        ObjectNode bare = withCode.deepCopy().put("articleCode", "");

        assertThat(mapper.map(docsOrder(), List.of(withCode), USD)
                        .lines()
                        .get(0)
                        .name())
                .isEqualTo("anacampseros");
        assertThat(mapper.map(docsOrder(), List.of(bare), USD).lines().get(0).name())
                .isEqualTo("Product 3515302");
    }

    @Test
    void aRealSkuIsKept() {
        ObjectNode product = docsProduct().put("sku", " ANA-06 ");

        assertThat(mapper.map(docsOrder(), List.of(product), USD).lines().get(0).sku())
                .contains("ANA-06");
    }

    @Test
    void unknownExtraFieldsOfAnyShapeChangeNothing() {
        ObjectNode order = docsOrder();
        order.put("someNewFlag", true)
                .putNull("someNewNull")
                .putArray("giftCardsPayment")
                .addObject()
                .put("amount", 5);
        order.putObject("someNewObject").putObject("nested").put("x", 1);
        ObjectNode product = docsProduct();
        product.putArray("taxRates").addObject().put("rate", 0.05);
        product.put("customFields", false);

        assertThat(mapper.map(order, List.of(product), USD)).isEqualTo(mapDocs(docsOrder()));
    }

    @Test
    void unicodeNamesAndTitlesSurviveAsTheyAre() {
        ObjectNode order = docsOrder()
                .put("firstname", "Zoë")
                .put("middlename", "")
                .put("lastname", "Ångström-Øyvind 山田")
                .put("addressShippingName", "Zoë Ångström")
                .put("addressShippingCity", "Zürich");
        ObjectNode product =
                docsProduct().put("productTitle", "Crème brûlée – 東京").put("variantTitle", "Größe L 🍮");

        ChannelOrder mapped = mapper.map(order, List.of(product), USD);

        assertThat(mapped.customer().flatMap(OrderCustomer::name)).contains("Zoë Ångström-Øyvind 山田");
        assertThat(mapped.lines().get(0).name()).isEqualTo("Crème brûlée – 東京 - Größe L 🍮");
        assertThat(mapped.deliveryAddress())
                .hasValueSatisfying(
                        a -> assertThat(a).startsWith("Zoë Ångström").contains("Zürich"));
    }

    @Test
    void aLineOfThreeWithADiscountKeepsUnitPriceDiscountTaxAndTotalAndTheOrderAddsUpToTheCent() {
        // The docs' discounted orderProduct (42.00 each, 22.05 off for one) bought three times: 3 x 42.00 - 66.15 =
        // 59.85.
        ObjectNode product =
                (ObjectNode) resource("payloads/order-product-sdk-3661590.json").path("orderProduct");
        product.put("quantityOrdered", 3)
                .put("discountIncl", new BigDecimal("66.15"))
                .put("discountExcl", 63)
                .put("priceIncl", new BigDecimal("59.85"))
                .put("priceExcl", 57);
        ObjectNode order =
                docsOrder().put("priceIncl", new BigDecimal("66.10")).put("priceExcl", new BigDecimal("62.95"));

        ChannelOrder mapped = mapper.map(order, List.of(product), USD);

        OrderLine line = mapped.lines().get(0);
        assertThat(line.quantity()).isEqualTo(3);
        assertThat(line.unitPrice()).isEqualTo(Money.of("42.00", "USD"));
        assertThat(line.discount()).isEqualTo(Money.of("66.15", "USD"));
        assertThat(line.tax()).isEqualTo(Money.of("2.85", "USD"));
        assertThat(line.total()).isEqualTo(Money.of("59.85", "USD"));
        assertThat(line.total().plus(mapped.shipping().get(0).total())).isEqualTo(mapped.total());
        assertThat(mapped.totalTax()).isEqualTo(Money.of("3.15", "USD"));
    }

    // ---- statuses, flags, payments
    // -------------------------------------------------------------------------------------

    @Test
    void statusWordsInCapitalsOrWithSpacesFollowTheSameRowsOfTheStateTable() {
        ObjectNode shouting = docsOrder()
                .put("status", " COMPLETED_SHIPPED ")
                .put("paymentStatus", "Paid")
                .put("shipmentStatus", "SHIPPED");
        ObjectNode cancelled = docsOrder().put("status", "Cancelled");

        assertThat(mapDocs(shouting).disposition()).isEqualTo(OrderDisposition.IMPORT_FULFILLED);
        assertThat(mapDocs(cancelled).disposition()).isEqualTo(OrderDisposition.SKIP_CANCELLED);
    }

    @ParameterizedTest(name = "paymentStatus {0}")
    @ValueSource(strings = {"null", "false", "missing", "\"refunded\"", "\"partially_refunded\"", "\"expired\""})
    void anUnknownOrAbsentPaymentStatusImportsTheOrderUnpaid(String value) {
        ObjectNode order = docsOrder();
        set(order, "paymentStatus", value);

        assertThat(mapDocs(order).disposition()).isEqualTo(OrderDisposition.IMPORT_UNPAID);
    }

    @Test
    void aPaidPickupThatWasPickedUpIsFulfilled() {
        ObjectNode order = docsOrder()
                .put("status", "completed_picked_up")
                .put("shipmentIsPickup", true)
                .put("shipmentTitle", "Pickup at Downtown");

        ChannelOrder mapped = mapDocs(order);

        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.IMPORT_FULFILLED);
        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
    }

    @ParameterizedTest(name = "shipmentIsPickup {0}")
    @ValueSource(strings = {"true", "\"true\"", "1", "\"1\""})
    void aPickupFlagWrittenAsTextOrNumberIsStillAPickup(String value) {
        ObjectNode order = docsOrder();
        set(order, "shipmentIsPickup", value);

        assertThat(mapDocs(order).fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
    }

    @ParameterizedTest(name = "shipmentIsPickup {0}")
    @ValueSource(strings = {"false", "\"false\"", "0", "\"0\"", "null", "\"\""})
    void aPickupFlagThatSaysNoInAnyWayIsADelivery(String value) {
        ObjectNode order = docsOrder();
        set(order, "shipmentIsPickup", value);

        assertThat(mapDocs(order).fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
    }

    @Test
    void paymentIdsNameTheProcessorWhenTheTitleIsMissingOrFalse() {
        ChannelOrder mollie = mapDocs(docsOrder().put("paymentId", "mollie").put("paymentTitle", false));
        ChannelOrder paypal = mapDocs(docsOrder().put("paymentId", "paypal").putNull("paymentTitle"));
        ChannelOrder bank = mapDocs(docsOrder().put("paymentId", "banktransfer").put("paymentTitle", ""));
        ChannelOrder codAsText = mapDocs(docsOrder()
                .put("paymentId", "mollie")
                .put("paymentTitle", "Mollie - iDEAL")
                .put("shipmentIsCashOnDelivery", "true"));

        assertThat(mollie.payment()).isEqualTo(new ChannelOrder.OrderPayment("mollie", true, Optional.of("mollie")));
        assertThat(paypal.payment()).isEqualTo(new ChannelOrder.OrderPayment("paypal", true, Optional.of("paypal")));
        assertThat(bank.payment()).isEqualTo(new ChannelOrder.OrderPayment("banktransfer", false, Optional.empty()));
        assertThat(codAsText.payment().integrated()).isFalse();
    }

    @Test
    void paymentDataAsAListAnObjectOrFalseChangesNothing() {
        ObjectNode asList = docsOrder();
        asList.putArray("paymentData");
        ObjectNode asFalse = docsOrder().put("paymentData", false);

        assertThat(mapDocs(asList)).isEqualTo(mapDocs(docsOrder()));
        assertThat(mapDocs(asFalse)).isEqualTo(mapDocs(docsOrder()));
    }

    // ---- the delivery itself
    // -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "body {0}")
    @ValueSource(
            strings = {"{\"order\":false}", "{\"order\":null}", "{\"order\":{\"id\":false}}", "[]", "\"order\"", "{}"})
    void aDeliveryWithoutAUsableOrderIsIgnoredNotThrown(String body) {
        DeliveryEvent event =
                new LightspeedConnector(null).read(WebhookDelivery.of(Map.of(), body.getBytes(StandardCharsets.UTF_8)));

        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.IGNORED);
    }

    @Test
    void aDeliveryWhoseOrderIdIsAStringOrAWholeFloatNamesTheSameOrder() {
        LightspeedConnector connector = new LightspeedConnector(null);

        assertThat(connector
                        .read(WebhookDelivery.of(Map.of(), "{\"order\":{\"id\":\"1623550\"}}".getBytes()))
                        .orderId())
                .contains("1623550");
        assertThat(connector
                        .read(WebhookDelivery.of(Map.of(), "{\"order\":{\"id\":1623550.0}}".getBytes()))
                        .orderId())
                .contains("1623550");
    }

    // ---- helpers
    // -------------------------------------------------------------------------------------------------------

    /** Sets {@code field} to the JSON {@code value}, or removes it when the value is "missing". */
    private static void set(ObjectNode node, String field, String value) {
        if (value.equals("missing")) {
            node.remove(field);
        } else {
            node.set(field, PlatformJson.parse(value, "test value"));
        }
    }

    private ChannelOrder mapDocs(ObjectNode order) {
        return mapper.map(
                order,
                LightspeedOrderMapper.embeddedProducts(order).orElseGet(LightspeedRealPayloadsTest::docsProducts),
                USD);
    }

    private static ObjectNode order(String file) {
        return (ObjectNode) resource("payloads/" + file).path("order");
    }

    private static ObjectNode docsOrder() {
        return order("order-sdk-1623550.json");
    }

    private static List<JsonNode> docsProducts() {
        List<JsonNode> products = new ArrayList<>();
        ((ArrayNode) resource("payloads/order-products-1623550.json").path("orderProducts")).forEach(products::add);
        return products;
    }

    private static ObjectNode docsProduct() {
        return (ObjectNode) docsProducts().get(0);
    }

    private static byte[] bytes(String file) {
        try (InputStream in =
                LightspeedRealPayloadsTest.class.getClassLoader().getResourceAsStream("payloads/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resource(String path) {
        try (InputStream in = LightspeedRealPayloadsTest.class.getClassLoader().getResourceAsStream(path)) {
            return PlatformJson.parse(in.readAllBytes(), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
