package org.storeline.channels.ecwid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.ChannelOrder.ShippingCharge;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.channel.OrderProgress;
import org.storeline.core.money.Money;

class EcwidOrderMapperTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    private final EcwidOrderMapper mapper = new EcwidOrderMapper();

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
        // Row 1: unfinished orders are never sales, whatever else they say.
        "INCOMPLETE, AWAITING_PROCESSING, SKIP_INCOMPLETE",
        "INCOMPLETE, WILL_NOT_DELIVER, SKIP_INCOMPLETE",
        // Row 2: will not be delivered, or payment cancelled.
        "PAID, WILL_NOT_DELIVER, SKIP_CANCELLED",
        "AWAITING_PAYMENT, WILL_NOT_DELIVER, SKIP_CANCELLED",
        "CANCELLED, AWAITING_PROCESSING, SKIP_CANCELLED",
        "CANCELLED, DELIVERED, SKIP_CANCELLED",
        // Row 3: refunded in full.
        "REFUNDED, DELIVERED, SKIP_REFUNDED",
        "REFUNDED, AWAITING_PROCESSING, SKIP_REFUNDED",
        // Row 4: paid, or paid and partly refunded.
        "PAID, AWAITING_PROCESSING, IMPORT_PAID",
        "PAID, PROCESSING, IMPORT_PAID",
        "PAID, READY_FOR_PICKUP, IMPORT_PAID",
        "PAID, OUT_FOR_DELIVERY, IMPORT_FULFILLED",
        "PAID, RETURNED, IMPORT_PAID",
        "PAID, SHIPPED, IMPORT_FULFILLED",
        "PAID, DELIVERED, IMPORT_FULFILLED",
        "PARTIALLY_REFUNDED, AWAITING_PROCESSING, IMPORT_PAID",
        "PARTIALLY_REFUNDED, SHIPPED, IMPORT_FULFILLED",
        // Row 5: placed, not paid (custom statuses are the store's own words for that).
        "AWAITING_PAYMENT, AWAITING_PROCESSING, IMPORT_UNPAID",
        "AWAITING_PAYMENT, SHIPPED, IMPORT_UNPAID",
        "CUSTOM_PAYMENT_STATUS_1, AWAITING_PROCESSING, IMPORT_UNPAID",
        "CUSTOM_PAYMENT_STATUS_2, PROCESSING, IMPORT_UNPAID",
        "CUSTOM_PAYMENT_STATUS_3, DELIVERED, IMPORT_UNPAID",
        // Row 6: a status we do not know yet.
        "SOMETHING_NEW, AWAITING_PROCESSING, IMPORT_UNPAID"
    })
    void everyRowOfTheStateTableMapsARealOrderToItsDisposition(
            String payment, String fulfillment, OrderDisposition expected) {
        ObjectNode order = order("k8xtq-paid");
        order.put("paymentStatus", payment);
        order.put("fulfillmentStatus", fulfillment);

        ChannelOrder mapped = mapper.map(order, EUR);

        assertThat(mapped.disposition()).isEqualTo(expected);
        assertThat(mapped.platformStatus()).isEqualTo(payment + "/" + fulfillment);
    }

    @ParameterizedTest(name = "{0} / {1} -> {2} / {3}")
    @CsvSource({
        "AWAITING_PAYMENT, AWAITING_PROCESSING, AWAITING, AWAITING",
        "PAID, PROCESSING, PAID, PROCESSING",
        "PAID, READY_FOR_PICKUP, PAID, READY_FOR_PICKUP",
        "PAID, OUT_FOR_DELIVERY, PAID, OUT_FOR_DELIVERY",
        "PAID, SHIPPED, PAID, SHIPPED",
        "PARTIALLY_REFUNDED, DELIVERED, PARTIALLY_REFUNDED, DELIVERED",
        "REFUNDED, RETURNED, REFUNDED, RETURNED",
        "CANCELLED, WILL_NOT_DELIVER, CANCELLED, WILL_NOT_DELIVER",
        "paid, ready_for_pickup, PAID, READY_FOR_PICKUP",
        "CUSTOM_PAYMENT_STATUS_1, CUSTOM_FULFILLMENT_STATUS_2, OTHER, OTHER",
        "INCOMPLETE, SOMETHING_NEW, OTHER, OTHER"
    })
    void everyOrderCarriesItsStatusesInThisSystemsWordsForTheStatusSync(
            String payment,
            String fulfillment,
            OrderProgress.Payment paymentProgress,
            OrderProgress.Fulfillment fulfillmentProgress) {
        ObjectNode order = order("k8xtq-paid");
        order.put("paymentStatus", payment);
        order.put("fulfillmentStatus", fulfillment);

        assertThat(mapper.map(order, EUR).progress()).contains(new OrderProgress(paymentProgress, fulfillmentProgress));
    }

    @Test
    void aDocumentedOrderWithDiscountsTaxesShippingAndHandlingIsReadToTheCent() {
        ChannelOrder order = mapper.map(order("lala1028001-mollie-shipping"), USD);

        // iMac: 1060 x 1 - (coupon 21.66 + discount 3.94) + net taxes 124.13 + 206.88 = 1365.41
        assertThat(order.lines().get(0)).satisfies(line -> assertLine(line, "1060.00", "25.60", "331.01", "1365.41"));
        // Mug: 16.64 - (0.34 + 0.06) + 1.95 + 3.25 (its taxes on shipping belong to the shipping) = 21.44
        assertThat(order.lines().get(1)).satisfies(line -> assertLine(line, "16.64", "0.40", "5.20", "21.44"));
        // Shipping 471.85 + taxesOnShipping 57.10 + 95.17 = 624.12; the handling fee 4.00 (its tax is in
        // taxesOnShipping).
        assertThat(order.shipping())
                .extracting(
                        ShippingCharge::method,
                        c -> c.total().toDecimalString(),
                        c -> c.tax().toDecimalString())
                .containsExactly(
                        tuple("USPS Priority Mail", "624.12", "152.27"), tuple("Handling Fee", "4.00", "0.00"));
        assertThat(order.totalTax().toDecimalString()).isEqualTo("488.48");
        assertThat(order.total().toDecimalString()).isEqualTo("2014.97");
        // 1365.41 + 21.44 + 624.12 + 4.00 = 2014.97: nothing left for the importer to adjust.
        assertThat(order.itemizedTotal().toDecimalString()).isEqualTo("2014.97");
        assertThat(order.currency()).isEqualTo(USD);
    }

    @Test
    void aRealOrderFromAnSdkFixtureAddsUpToItsTotal() {
        ChannelOrder order = mapper.map(order("order35-authorize-net"), USD);

        assertThat(order.lines())
                .extracting(l -> l.total().toDecimalString())
                .containsExactly("49.34", "35.31", "96.70");
        assertThat(order.lines()).extracting(OrderLine::quantity).containsExactly(2L, 3L, 1L);
        assertThat(order.shipping())
                .extracting(ShippingCharge::method, c -> c.total().toDecimalString())
                .containsExactly(tuple("UPS Ground", "0.00"));
        assertThat(order.total().toDecimalString()).isEqualTo("181.35");
        assertThat(order.itemizedTotal().toDecimalString()).isEqualTo("181.35");
        assertThat(order.payment())
                .isEqualTo(new ChannelOrder.OrderPayment("Credit card", true, Optional.of("Authorize.Net")));
    }

    @Test
    void pricesThatIncludeTaxAreNotTaxedAgain() {
        ChannelOrder order = mapper.map(order("k8xtq-paid"), EUR);

        assertThat(order.lines()).singleElement().satisfies(line -> assertLine(line, "10.00", "0.00", "0.91", "10.00"));
        assertThat(order.total().toDecimalString()).isEqualTo("10.00");
        assertThat(order.totalTax().toDecimalString()).isEqualTo("0.91");
    }

    @Test
    void theShippingTaxOfAnOrderWithoutTaxesOnShippingComesFromItsItems() {
        JsonNode template = order("stripe-subscription-template");
        Currency currency = EUR;

        List<OrderLine> lines = EcwidOrderAmounts.lines(template, currency);
        List<ShippingCharge> shipping = EcwidOrderAmounts.shipping(template, currency);

        // Mug 12 + VAT on it 2.64 = 14.64; shipping 10 + VAT on shipping 2.20 = 12.20; 14.64 + 12.20 = 26.84, the
        // total.
        assertThat(lines).singleElement().satisfies(line -> assertLine(line, "12.00", "0.00", "2.64", "14.64"));
        assertThat(shipping)
                .containsExactly(
                        new ShippingCharge("Local delivery – City", Money.of("12.20", "EUR"), Money.of("2.20", "EUR")));
        assertThat(EcwidOrderMapper.payment(template))
                .isEqualTo(new ChannelOrder.OrderPayment("Credit or debit card", true, Optional.of("Stripe")));
    }

    @Test
    void shippingInAGrossPricedStoreIsNotTaxedAgain() {
        ObjectNode order = order("lala1028001-mollie-shipping");
        order.put("pricesIncludeTax", true);

        List<ShippingCharge> shipping = EcwidOrderAmounts.shipping(order, USD);

        assertThat(shipping.get(0).total().toDecimalString()).isEqualTo("471.85");
        assertThat(shipping.get(0).tax().toDecimalString()).isEqualTo("152.27");
    }

    @Test
    void aPickupIsRecognisedByItsFlagOrByItsFulfillmentType() {
        ChannelOrder pickup = mapper.map(order("k8xtp-pickup"), EUR);
        ObjectNode byTypeOnly = order("k8xtp-pickup");
        ((ObjectNode) byTypeOnly.get("shippingOption")).remove("isPickup");
        ObjectNode shipped = order("k8xtp-pickup");
        ((ObjectNode) shipped.get("shippingOption")).put("isPickup", false).put("fulfillmentType", "SHIPPING");

        assertThat(pickup.fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
        assertThat(pickup.shippingMethod()).contains("Pickup at Downtown store");
        assertThat(pickup.deliveryAddress()).isEmpty();
        assertThat(mapper.map(byTypeOnly, EUR).fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
        assertThat(mapper.map(shipped, EUR).fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
    }

    @Test
    void aDeliveryCarriesItsAddressPhoneAndNote() {
        ChannelOrder order = mapper.map(order("order35-authorize-net"), USD);

        assertThat(order.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(order.deliveryAddress())
                .contains("Mark Consumer\n15305 Sycamore Drive\n95037 Gilroy\nCalifornia\nUnited States");
        assertThat(order.phone()).contains("831-555-0100");
        assertThat(mapper.map(order("lala1028001-mollie-shipping"), USD).customerNote())
                .contains("Test order comments");
    }

    @Test
    void aMissingNameIsEmptyAndAnOrderWithoutEmailOrNameHasNoCustomer() {
        ObjectNode nameless = order("k8xtq-paid");
        ((ObjectNode) nameless.get("billingPerson")).remove(List.of("name", "firstName", "lastName"));
        ObjectNode anonymous = nameless.deepCopy();
        anonymous.remove("email");

        assertThat(mapper.map(nameless, EUR).customer())
                .contains(new ChannelOrder.OrderCustomer(Optional.of("ec.apps@lightspeedhq.com"), Optional.empty()));
        assertThat(mapper.map(anonymous, EUR).customer()).isEmpty();
    }

    @Test
    void theBillingNameComesFirstThenFirstAndLastNameThenTheShippingName() {
        ObjectNode order = order("k8xtq-paid");
        assertThat(mapper.map(order, EUR).customer().flatMap(ChannelOrder.OrderCustomer::name))
                .contains("API Team");

        ((ObjectNode) order.get("billingPerson")).remove("name");
        assertThat(mapper.map(order, EUR).customer().flatMap(ChannelOrder.OrderCustomer::name))
                .contains("Support Team");

        order.remove("billingPerson");
        order.putObject("shippingPerson").put("name", "Shipping Name");
        assertThat(mapper.map(order, EUR).customer().flatMap(ChannelOrder.OrderCustomer::name))
                .contains("Shipping Name");
    }

    @Test
    void idsAreStringsEvenWhenTheyDoNotFitADouble() {
        ObjectNode order = order("lala1028001-mollie-shipping");
        ObjectNode item = (ObjectNode) order.get("items").get(0);
        item.put("productId", new BigInteger("9007199254740993"));
        item.put("combinationId", 123456789);

        ChannelOrder mapped = mapper.map(order, USD);

        assertThat(mapped.externalId()).isEqualTo("1028");
        assertThat(mapped.number()).isEqualTo("lala1028001");
        assertThat(mapped.lines().get(0).platformProductId()).contains("9007199254740993");
        assertThat(mapped.lines().get(0).platformVariantId()).contains("123456789");
        assertThat(mapped.lines().get(0).platformLineId()).isEqualTo("140273658");
        assertThat(mapper.map(order("k8xtq-paid"), EUR).externalId()).isEqualTo("K8XTQ");
    }

    @Test
    void anEmptySkuIsAbsent() {
        ObjectNode order = order("k8xtq-paid");
        ((ObjectNode) order.get("items").get(0)).put("sku", "");

        assertThat(mapper.map(order, EUR).lines().get(0).sku()).isEmpty();
    }

    @Test
    void ecwidDatesAreReadInTheirOwnOffsetAndKeptInUtc() {
        // order35 has no unix timestamps, only "2014-11-05 12:55:41 -0800".
        ChannelOrder order = mapper.map(order("order35-authorize-net"), USD);

        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2014-11-05T20:55:41Z"));
        assertThat(order.placedAt()).contains(Instant.parse("2014-11-05T20:53:30Z"));
        assertThat(EcwidOrderMapper.parseDate("2020-06-05 20:48:32 +0000"))
                .isEqualTo(Instant.parse("2020-06-05T20:48:32Z"));
        assertThatThrownBy(() -> EcwidOrderMapper.parseDate("2020-06-05T20:48:32Z"))
                .isInstanceOf(PlatformCallException.class);
    }

    @Test
    void theUnixTimestampIsPreferredToTheFormattedDate() {
        ObjectNode order = order("k8xtq-paid");
        order.put("updateDate", "2000-01-01 00:00:00 +0000");

        assertThat(mapper.map(order, EUR).updatedAt()).isEqualTo(Instant.ofEpochSecond(1725434784L));
    }

    @Test
    void anOfflineMethodIsNotIntegratedAndAnOnlineModuleNamesTheProcessor() {
        ObjectNode offline = order("k8xtq-paid");
        ObjectNode bankTransfer =
                order("k8xtq-paid").put("paymentMethod", "Bank transfer").put("paymentModule", "CUSTOM_PAYMENT_MODULE");
        ObjectNode app = order("lala1028001-mollie-shipping");

        assertThat(EcwidOrderMapper.payment(offline))
                .isEqualTo(new ChannelOrder.OrderPayment("Offline", false, Optional.empty()));
        assertThat(EcwidOrderMapper.payment(bankTransfer).integrated()).isFalse();
        assertThat(EcwidOrderMapper.payment(app))
                .isEqualTo(new ChannelOrder.OrderPayment(
                        "Credit or debit card (Mollie)", true, Optional.of("CUSTOM_PAYMENT_APP-mollie-pg")));
    }

    private static void assertLine(OrderLine line, String unitPrice, String discount, String tax, String total) {
        assertThat(line.unitPrice().toDecimalString()).as("unit price").isEqualTo(unitPrice);
        assertThat(line.discount().toDecimalString()).as("discount").isEqualTo(discount);
        assertThat(line.tax().toDecimalString()).as("tax").isEqualTo(tax);
        assertThat(line.total().toDecimalString()).as("total").isEqualTo(total);
    }

    private static ObjectNode order(String name) {
        return EcwidFixtures.order(name);
    }
}
