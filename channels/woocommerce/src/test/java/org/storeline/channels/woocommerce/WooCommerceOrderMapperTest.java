package org.storeline.channels.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.ChannelOrder.ShippingCharge;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.money.Money;

class WooCommerceOrderMapperTest {
    private final WooCommerceOrderMapper mapper = new WooCommerceOrderMapper();

    @ParameterizedTest(name = "{0} paid by ''{1}'' (date_paid {2}) is {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            pending        | stripe | null                | SKIP_INCOMPLETE
            failed         | stripe | null                | SKIP_INCOMPLETE
            checkout-draft | ''     | null                | SKIP_INCOMPLETE
            draft          | ''     | null                | SKIP_INCOMPLETE
            auto-draft     | ''     | null                | SKIP_INCOMPLETE
            on-hold        | bacs   | null                | IMPORT_UNPAID
            on-hold        | cheque | null                | IMPORT_UNPAID
            processing     | stripe | 2017-03-22T19:28:08 | IMPORT_PAID
            processing     | paypal | null                | IMPORT_PAID
            processing     | cod    | null                | IMPORT_UNPAID
            processing     | bacs   | null                | IMPORT_UNPAID
            processing     | cheque | null                | IMPORT_UNPAID
            processing     | ''     | null                | IMPORT_UNPAID
            processing     | cod    | 2017-03-22T19:28:08 | IMPORT_PAID
            processing     | bacs   | 2017-03-22T19:28:08 | IMPORT_PAID
            ready-for-pickup | stripe | 2017-03-22T19:28:08 | IMPORT_PAID
            ready-for-pickup | cod  | null                | IMPORT_UNPAID
            completed      | bacs   | null                | IMPORT_FULFILLED
            completed      | stripe | 2017-03-22T19:28:08 | IMPORT_FULFILLED
            cancelled      | bacs   | null                | SKIP_CANCELLED
            trash          | stripe | 2017-03-22T19:28:08 | SKIP_CANCELLED
            refunded       | stripe | 2017-03-22T19:28:08 | SKIP_REFUNDED
            wc-processing  | stripe | 2017-03-22T19:28:08 | IMPORT_PAID
            """)
    void everyRowOfTheStateTableDecidesTheDisposition(
            String status, String gateway, String datePaidGmt, OrderDisposition expected) {
        ObjectNode order =
                payload("order-727-processing.json").put("status", status).put("payment_method", gateway);
        order.put("date_paid_gmt", datePaidGmt).put("date_paid", datePaidGmt);

        assertThat(mapper.map(order).disposition()).isEqualTo(expected);
    }

    @Test
    void aPluginsOwnStatusIsImportedUnpaidWithItsRawWordKept() {
        ObjectNode order = payload("order-727-processing.json").put("status", "awaiting-shipment");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.IMPORT_UNPAID);
        assertThat(mapped.platformStatus()).isEqualTo("awaiting-shipment/bacs/paid");
    }

    @Test
    void theDocumentedOrder727MapsToTheCent() {
        ChannelOrder order = mapper.map(payload("order-727-processing.json"));

        // By hand from the payload: line 315 = 6.00 + 0.45 tax, line 316 = 12.00 + 0.90 tax, flat rate 10.00.
        OrderLine single = order.lines().get(0);
        assertThat(single.quantity()).isEqualTo(2);
        assertThat(single.unitPrice().toDecimalString()).isEqualTo("3.00");
        assertThat(single.discount().toDecimalString()).isEqualTo("0.00");
        assertThat(single.tax().toDecimalString()).isEqualTo("0.45");
        assertThat(single.total().toDecimalString()).isEqualTo("6.45");
        OrderLine variation = order.lines().get(1);
        assertThat(variation.total().toDecimalString()).isEqualTo("12.90");
        assertThat(order.shipping()).containsExactly(new ShippingCharge("Flat Rate", money("10.00"), money("0.00")));
        assertThat(order.totalTax().toDecimalString()).isEqualTo("1.35");
        assertThat(order.total().toDecimalString()).isEqualTo("29.35");
        // 6.45 + 12.90 + 10.00 = 29.35: the lines and shipping add up to WooCommerce's total.
        assertThat(single.total()
                        .plus(variation.total())
                        .plus(order.shipping().get(0).total()))
                .isEqualTo(order.total());
    }

    @Test
    void aCouponShowsAsTheLinesDiscountAndAnUnevenUnitPriceIsRoundedWhileTheLineTotalStaysExact() {
        ObjectNode order = payload("order-727-processing.json");
        ObjectNode line = (ObjectNode) order.path("line_items").get(0);
        line.put("quantity", 3).put("subtotal", "10.00").put("total", "8.00").put("total_tax", "0.60");

        OrderLine mapped = mapper.map(order).lines().get(0);

        assertThat(mapped.unitPrice().toDecimalString()).isEqualTo("3.33");
        assertThat(mapped.discount().toDecimalString()).isEqualTo("2.00");
        assertThat(mapped.tax().toDecimalString()).isEqualTo("0.60");
        assertThat(mapped.total().toDecimalString()).isEqualTo("8.60");
    }

    @Test
    void aFeeLineIsSoldAsAProductLineNamedAfterTheFeeWithoutSku() {
        ChannelOrder order = mapper.map(payload("order-723-cod-fee.json"));

        OrderLine fee = order.lines().get(2);
        assertThat(fee.name()).isEqualTo("Cash on delivery fee");
        assertThat(fee.sku()).isEmpty();
        assertThat(fee.platformProductId()).isEmpty();
        assertThat(fee.quantity()).isEqualTo(1);
        assertThat(fee.total().toDecimalString()).isEqualTo("2.00");
        // 9.00 + 20.00 + 2.00 fee + 10.00 shipping = 41.00
        assertThat(order.total().toDecimalString()).isEqualTo("41.00");
    }

    @ParameterizedTest(name = "method_id {0} is {1}")
    @CsvSource({
        "local_pickup, PICKUP",
        "local_pickup:3, PICKUP",
        "pickup_location, PICKUP",
        "pickup_location:0, PICKUP",
        "flat_rate, DELIVERY",
        "flat_rate:25, DELIVERY",
        "free_shipping, DELIVERY"
    })
    void aPickupShippingMethodMakesAPickupOrder(String methodId, FulfillmentType expected) {
        ObjectNode order = payload("order-727-processing.json");
        ((ObjectNode) order.path("shipping_lines").get(0)).put("method_id", methodId);

        assertThat(mapper.map(order).fulfillmentType()).isEqualTo(expected);
    }

    @Test
    void theBlockCheckoutsPickupLocationTitleIsTheShippingMethodAndItsZeroChargeIsKept() {
        ObjectNode order = payload("order-727-processing.json");
        ((ObjectNode) order.path("shipping_lines").get(0))
                .put("method_id", "pickup_location")
                .put("method_title", "Pickup (Downtown)")
                .put("total", "0.00");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
        assertThat(mapped.shippingMethod()).contains("Pickup (Downtown)");
        assertThat(mapped.shipping())
                .containsExactly(new ShippingCharge("Pickup (Downtown)", money("0.00"), money("0.00")));
    }

    @Test
    void anOrderWithoutShippingLinesIsADeliveryWithoutShippingCharges() {
        ObjectNode order = payload("order-727-processing.json");
        order.set("shipping_lines", PlatformJson.MAPPER.createArrayNode());

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(mapped.shipping()).isEmpty();
        assertThat(mapped.shippingMethod()).isEmpty();
    }

    @Test
    void aGuestWithoutANameKeepsTheirEmailAndNoName() {
        ObjectNode order = payload("order-727-processing.json");
        ((ObjectNode) order.path("billing")).put("first_name", "").put("last_name", "");

        assertThat(mapper.map(order).customer()).hasValueSatisfying(customer -> {
            assertThat(customer.email()).contains("john.doe@example.com");
            assertThat(customer.name()).isEmpty();
        });
    }

    @Test
    void anOrderWithNeitherEmailNorNameHasNoCustomer() {
        ObjectNode order = payload("order-727-processing.json");
        ((ObjectNode) order.path("billing"))
                .put("first_name", "")
                .put("last_name", "")
                .put("email", "");

        assertThat(mapper.map(order).customer()).isEmpty();
    }

    @Test
    void theCustomerIsTheBillingEmailAndFirstAndLastName() {
        assertThat(mapper.map(payload("order-723-completed.json")).customer()).hasValueSatisfying(customer -> {
            assertThat(customer.email()).contains("joao.silva@example.com");
            assertThat(customer.name()).contains("João Silva");
        });
    }

    @Test
    void idsAreStringsEvenBeyondTheDoublePrecisionOfJavaScript() {
        ObjectNode order = payload("order-727-processing.json").put("number", "WC-2017-727");
        order.set("id", PlatformJson.MAPPER.getNodeFactory().numberNode(new BigInteger("9007199254740993")));

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.externalId()).isEqualTo("9007199254740993");
        assertThat(mapped.number()).isEqualTo("WC-2017-727");
        assertThat(mapped.lines().get(1).platformProductId()).contains("22");
        assertThat(mapped.lines().get(1).platformVariantId()).contains("23");
        assertThat(mapped.lines().get(0).platformVariantId())
                .as("variation_id 0 is no variation")
                .isEmpty();
    }

    @Test
    void theGmtTimesWithoutAnOffsetAreReadAsUtc() {
        ChannelOrder order = mapper.map(payload("order-727-processing.json"));

        // date_modified is 16:28:08 in the site's zone (UTC-3); date_modified_gmt 19:28:08 is the instant.
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2017-03-22T19:28:08Z"));
        assertThat(order.placedAt()).contains(Instant.parse("2017-03-22T19:28:02Z"));
        assertThat(WooCommerceText.gmt("2017-03-22T19:28:08Z")).isEqualTo(Instant.parse("2017-03-22T19:28:08Z"));
        assertThat(WooCommerceText.gmt("2017-03-22T16:28:08-03:00")).isEqualTo(Instant.parse("2017-03-22T19:28:08Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "22/03/2017 19:28"})
    void anOrderWithoutAReadableCreationTimeIsStillImportedUndated(String created) {
        ObjectNode order = payload("order-727-processing.json");
        if (created.equals("missing")) {
            order.remove("date_created_gmt");
        } else {
            order.put("date_created_gmt", created);
        }

        ChannelOrder mapped = mapper.map(order);

        // Never the site-local date_created (no offset), never the modification time: no date at all.
        assertThat(mapped.placedAt()).isEmpty();
        assertThat(mapped.updatedAt()).isEqualTo(Instant.parse("2017-03-22T19:28:08Z"));
    }

    @Test
    void anEmptySkuIsAbsentAndHtmlEntitiesInNamesAreDecoded() {
        ChannelOrder order = mapper.map(payload("order-727-processing.json"));

        assertThat(order.lines().get(0).sku()).isEmpty();
        assertThat(order.lines().get(1).sku()).contains("Bar3");
        assertThat(order.lines().get(1).name()).isEqualTo("Ship Your Idea \u2013 Color: Black, Size: M Test");
        assertThat(order.lines().get(0).platformLineId()).isEqualTo("315");
    }

    @Test
    void offlineGatewaysAreNotIntegratedAndOnlineOnesNameTheirProcessor() {
        ChannelOrder bacs = mapper.map(payload("order-727-processing.json"));
        ChannelOrder stripe = mapper.map(payload("order-727-local-pickup.json"));
        ChannelOrder admin = mapper.map(
                payload("order-727-processing.json").put("payment_method", "").put("payment_method_title", ""));
        ChannelOrder untitled = mapper.map(payload("order-727-processing.json")
                .put("payment_method", "ppcp-gateway")
                .put("payment_method_title", ""));

        assertThat(bacs.payment())
                .isEqualTo(new ChannelOrder.OrderPayment("Direct Bank Transfer", false, Optional.empty()));
        assertThat(stripe.payment())
                .isEqualTo(new ChannelOrder.OrderPayment(
                        "Credit Card (Stripe)", true, Optional.of("Credit Card (Stripe)")));
        assertThat(admin.payment()).isEqualTo(new ChannelOrder.OrderPayment("manual", false, Optional.empty()));
        assertThat(untitled.payment())
                .isEqualTo(new ChannelOrder.OrderPayment("ppcp-gateway", true, Optional.of("ppcp-gateway")));
    }

    @Test
    void theShippingAddressPhoneAndNoteAreKeptForTheSaleNote() {
        ObjectNode order = payload("order-727-processing.json").put("customer_note", "Leave it at the back door");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.deliveryAddress()).contains("John Doe\n969 Market\nSan Francisco CA 94103\nUS");
        assertThat(mapped.phone()).contains("(555) 555-5555");
        assertThat(mapped.customerNote()).contains("Leave it at the back door");
        assertThat(mapped.platformStatus()).isEqualTo("processing/bacs/paid");
    }

    @Test
    void aRefundedOrderWithRefundLinesStillReportsWooCommercesOwnTotal() {
        ChannelOrder order = mapper.map(payload("order-723-completed.json"));

        assertThat(order.total().toDecimalString()).isEqualTo("39.00");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_FULFILLED);
        assertThat(order.shipping()).extracting(ShippingCharge::method).containsExactly("Flat rate");
    }

    private static Money money(String amount) {
        return Money.of(amount, "USD");
    }

    static ObjectNode payload(String file) {
        try (InputStream in =
                WooCommerceOrderMapperTest.class.getClassLoader().getResourceAsStream("payloads/" + file)) {
            return (ObjectNode) PlatformJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
