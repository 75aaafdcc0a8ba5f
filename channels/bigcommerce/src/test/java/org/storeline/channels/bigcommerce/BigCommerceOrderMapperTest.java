package org.storeline.channels.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
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

class BigCommerceOrderMapperTest {
    private final BigCommerceOrderMapper mapper = new BigCommerceOrderMapper();

    @ParameterizedTest(name = "status_id {0} ({1}) -> {2}")
    @CsvSource({
        "0, Incomplete, SKIP_INCOMPLETE",
        "1, Pending, IMPORT_UNPAID",
        "2, Shipped, IMPORT_FULFILLED",
        "3, Partially Shipped, IMPORT_PAID",
        "4, Refunded, SKIP_REFUNDED",
        "5, Cancelled, SKIP_CANCELLED",
        "6, Declined, SKIP_CANCELLED",
        "7, Awaiting Payment, IMPORT_UNPAID",
        "8, Awaiting Pickup, IMPORT_PAID",
        "9, Awaiting Shipment, IMPORT_PAID",
        "10, Completed, IMPORT_FULFILLED",
        "11, Awaiting Fulfillment, IMPORT_PAID",
        "12, Manual Verification Required, IMPORT_UNPAID",
        "13, Disputed, IMPORT_PAID",
        "14, Partially Refunded, IMPORT_PAID",
        "99, Some Future Status, IMPORT_UNPAID"
    })
    void everyStatusIdHasItsDisposition(int statusId, String name, OrderDisposition expected) {
        ObjectNode order = order("order-247.json");
        order.put("status_id", statusId).put("status", name);

        assertThat(map(order, "order-247-products.json", "order-247-shipping-addresses.json")
                        .disposition())
                .isEqualTo(expected);
    }

    @Test
    void theDispositionFollowsTheStatusIdNotARelabelledStatusText() {
        ObjectNode order = order("order-247.json");
        order.put("status", "Cancelled").put("custom_status", "Cancelled by the warehouse");

        ChannelOrder mapped = map(order, "order-247-products.json", "order-247-shipping-addresses.json");

        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.IMPORT_PAID);
        assertThat(mapped.platformStatus()).isEqualTo("Cancelled (11) / \"Cancelled by the warehouse\" / captured");
    }

    @Test
    void anOrderWithoutStatusIdImportsUnpaid() {
        ObjectNode order = order("order-247.json");
        order.remove("status_id");

        assertThat(map(order, "order-247-products.json", "order-247-shipping-addresses.json")
                        .disposition())
                .isEqualTo(OrderDisposition.IMPORT_UNPAID);
    }

    /**
     * Order 247 by hand: lines 45.00 + 15.74 (2 × 7.87) + 940.00 (4 × 235.00) + 0.00 = 1000.74, shipping 8.00,
     * total 1008.74; tax 3.43 + 1.20 + 71.64 + 0.00 + 0.61 (shipping) = 76.88.
     */
    @Test
    void order247IsMappedToTheCent() {
        ChannelOrder mapped =
                map(order("order-247.json"), "order-247-products.json", "order-247-shipping-addresses.json");

        assertThat(mapped.lines())
                .extracting(OrderLine::total)
                .extracting(Money::toDecimalString)
                .containsExactly("45.00", "15.74", "940.00", "0.00");
        assertThat(mapped.lines())
                .extracting(OrderLine::tax)
                .extracting(Money::toDecimalString)
                .containsExactly("3.43", "1.20", "71.64", "0.00");
        assertThat(mapped.lines().get(1).unitPrice().toDecimalString()).isEqualTo("7.87");
        assertThat(mapped.lines().get(1).quantity()).isEqualTo(2);
        assertThat(mapped.shipping()).singleElement().satisfies(charge -> {
            assertThat(charge.method()).isEqualTo("Fixed Shipping");
            assertThat(charge.total().toDecimalString()).isEqualTo("8.00");
            assertThat(charge.tax().toDecimalString()).isEqualTo("0.61");
        });
        assertThat(mapped.total().toDecimalString()).isEqualTo("1008.74");
        assertThat(mapped.totalTax().toDecimalString()).isEqualTo("76.88");
        Money linesAndShipping = mapped.lines().stream()
                .map(OrderLine::total)
                .reduce(mapped.shipping().get(0).total(), Money::plus);
        assertThat(linesAndShipping).isEqualTo(mapped.total());
    }

    /**
     * Order 218's product 65 carries a manual discount of 1.59 that v2's total_inc_tax (65.23) does not
     * include: the line total is 63.64. Its lines (63.64 + 0.00) and shipping (12.00) make 75.64, not the
     * order's 69.84 (the docs took the products from another order): the mapper reports BigCommerce's total.
     */
    @Test
    void order218TakesAppliedDiscountsOffTheLineAndKeepsThePlatformTotal() {
        ChannelOrder mapped =
                map(order("order-218.json"), "order-218-products.json", "order-218-shipping-addresses.json");

        OrderLine towel = mapped.lines().get(0);
        assertThat(towel.unitPrice().toDecimalString()).isEqualTo("65.23");
        assertThat(towel.discount().toDecimalString()).isEqualTo("1.59");
        assertThat(towel.total().toDecimalString()).isEqualTo("63.64");
        assertThat(towel.tax().toDecimalString()).isEqualTo("9.24");
        assertThat(mapped.total().toDecimalString()).isEqualTo("69.84");
        assertThat(mapped.totalTax().toDecimalString()).isEqualTo("5.31");
        assertThat(mapped.shipping()).singleElement().satisfies(charge -> {
            assertThat(charge.method())
                    .as("v2 writes None when no method was chosen")
                    .isEqualTo("Shipping");
            assertThat(charge.total().toDecimalString()).isEqualTo("12.00");
        });
        assertThat(mapped.shippingMethod()).isEmpty();
    }

    @Test
    void discountedTotalIncTaxIsTheLineTotalWhenBigCommerceSendsIt() {
        ArrayNode products = array("order-218-products.json");
        ((ObjectNode) products.get(0)).put("discounted_total_inc_tax", "63.6400");
        ((ObjectNode) products.get(0)).put("total_inc_tax", "65.2300");

        OrderLine towel = mapper.map(
                        data(order("order-218.json"), products, array("order-218-shipping-addresses.json")))
                .lines()
                .get(0);

        assertThat(towel.total().toDecimalString()).isEqualTo("63.64");
        assertThat(towel.discount().toDecimalString()).isEqualTo("1.59");
    }

    @Test
    void fourDecimalAmountsAreRoundedHalfUpToTheCent() {
        ArrayNode products = array("order-247-products.json");
        ((ObjectNode) products.get(1)).put("price_inc_tax", "7.8750").put("total_tax", "1.2049");

        OrderLine jar = mapper.map(data(order("order-247.json"), products, array("order-247-shipping-addresses.json")))
                .lines()
                .get(1);

        assertThat(jar.unitPrice().toDecimalString()).isEqualTo("7.88");
        assertThat(jar.tax().toDecimalString()).isEqualTo("1.20");
    }

    @Test
    void idsAreStringsAndCustomProductsAndEmptySkusAreAbsent() {
        ChannelOrder mapped =
                map(order("order-247.json"), "order-247-products.json", "order-247-shipping-addresses.json");

        assertThat(mapped.externalId()).isEqualTo("247");
        assertThat(mapped.number()).isEqualTo("247");
        OrderLine journal = mapped.lines().get(0);
        assertThat(journal.platformLineId()).isEqualTo("238");
        assertThat(journal.sku()).contains("Jour-BLK");
        assertThat(journal.platformProductId())
                .as("custom product: product_id 0")
                .isEmpty();
        assertThat(journal.platformVariantId()).isEmpty();
        OrderLine jar = mapped.lines().get(1);
        assertThat(jar.sku()).as("sku \"\"").isEmpty();
        assertThat(jar.platformProductId()).contains("174");
        assertThat(jar.platformVariantId()).contains("345");
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "", "last Tuesday"})
    void anOrderWithoutAReadableCreationDateIsStillImportedUndated(String created) {
        ObjectNode order = order("order-218.json");
        if (created.equals("missing")) {
            order.remove("date_created");
        } else {
            order.put("date_created", created);
        }

        ChannelOrder mapped = map(order, "order-218-products.json", "order-218-shipping-addresses.json");

        assertThat(mapped.placedAt()).isEmpty();
        assertThat(mapped.updatedAt()).isEqualTo(Instant.parse("2019-03-11T15:17:25Z"));
    }

    @Test
    void anOrderWithNeitherDateIsRefused() {
        ObjectNode order = order("order-218.json");
        order.remove("date_created");
        order.remove("date_modified");

        assertThatThrownBy(() -> map(order, "order-218-products.json", "order-218-shipping-addresses.json"))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("date_modified");
    }

    @Test
    void rfc2822DatesAreReadAsUtcInstants() {
        ChannelOrder order218 =
                map(order("order-218.json"), "order-218-products.json", "order-218-shipping-addresses.json");
        // date_created "Tue, 05 Mar 2019 21:40:11 +0000": when it was placed, not its date_modified.
        assertThat(order218.placedAt()).contains(Instant.parse("2019-03-05T21:40:11Z"));
        assertThat(order218.updatedAt()).isEqualTo(Instant.parse("2019-03-11T15:17:25Z"));

        ObjectNode order = order("order-247.json");
        order.put("date_modified", "Fri, 1 Nov 2019 08:05:00 -0500");
        assertThat(map(order, "order-247-products.json", "order-247-shipping-addresses.json")
                        .updatedAt())
                .isEqualTo(Instant.parse("2019-11-01T13:05:00Z"));
    }

    @Test
    void anUnreadableDateIsAFinalErrorNotAGuess() {
        ObjectNode order = order("order-247.json");
        order.put("date_modified", "yesterday");

        assertThatThrownBy(() -> map(order, "order-247-products.json", "order-247-shipping-addresses.json"))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("date_modified", "yesterday");
                });
    }

    @Test
    void awaitingPickupWithoutShippingAddressIsAPickup() {
        ChannelOrder mapped = mapper.map(data(
                order("order-250-pickup.json"),
                array("order-250-products.json"),
                PlatformJson.MAPPER.createArrayNode()));

        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
        assertThat(mapped.shipping()).isEmpty();
        assertThat(mapped.deliveryAddress()).isEmpty();
        assertThat(mapped.phone()).as("billing phone").contains("1234567890");
    }

    @Test
    void aShippingMethodThatSaysPickupIsAPickupWhateverTheStatus() {
        ArrayNode addresses = array("order-247-shipping-addresses.json");
        ((ObjectNode) addresses.get(0)).put("shipping_method", "Pick up in store (Downtown)");

        ChannelOrder mapped = mapper.map(data(order("order-247.json"), array("order-247-products.json"), addresses));

        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
        assertThat(mapped.shippingMethod()).contains("Pick up in store (Downtown)");
    }

    @Test
    void aDigitalOrderWithoutAddressIsNotAPickup() {
        ObjectNode order = order("order-247.json");
        order.put("shipping_address_count", 0).put("order_is_digital", true);

        ChannelOrder mapped =
                mapper.map(data(order, array("order-247-products.json"), PlatformJson.MAPPER.createArrayNode()));

        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
    }

    @Test
    void aShippedOrderIsADeliveryWithItsAddressPhoneAndNote() {
        ChannelOrder mapped =
                map(order("order-247.json"), "order-247-products.json", "order-247-shipping-addresses.json");

        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(mapped.shippingMethod()).contains("Fixed Shipping");
        assertThat(mapped.deliveryAddress()).contains("Jane Doe\n123 MainStreet\nAustin, Texas 78751\nUnited States");
        assertThat(mapped.phone()).contains("1234567890");
        assertThat(mapped.customerNote()).contains("Custom Journal Added");
    }

    @Test
    void theCustomerIsTheBillingEmailAndName() {
        ChannelOrder mapped =
                map(order("order-247.json"), "order-247-products.json", "order-247-shipping-addresses.json");

        assertThat(mapped.customer()).hasValueSatisfying(customer -> {
            assertThat(customer.email()).contains("janedoe@email.com");
            assertThat(customer.name()).contains("Jane Doe");
        });
    }

    @Test
    void aMissingBillingNameIsEmptyAndTheEmailStays() {
        ObjectNode order = order("order-247.json");
        ((ObjectNode) order.get("billing_address")).put("first_name", "").put("last_name", "");

        ChannelOrder mapped = map(order, "order-247-products.json", "order-247-shipping-addresses.json");

        assertThat(mapped.customer()).hasValueSatisfying(customer -> {
            assertThat(customer.name()).isEmpty();
            assertThat(customer.email()).contains("janedoe@email.com");
        });
    }

    @Test
    void noEmailAndNoNameIsNoCustomer() {
        ObjectNode order = order("order-247.json");
        ((ObjectNode) order.get("billing_address"))
                .put("first_name", "")
                .put("last_name", "")
                .put("email", "");

        assertThat(map(order, "order-247-products.json", "order-247-shipping-addresses.json")
                        .customer())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} -> integrated {1}")
    @CsvSource({
        "Test Payment Gateway, true",
        "PayPal, true",
        "Credit Card, true",
        "Pay in Store, false",
        "Pay In Store, false",
        "Cash on Delivery, false",
        "Cash, false",
        "Manual, false",
        "Bank Deposit, false",
        "Check, false",
        "Cheque, false",
        "Money Order, false"
    })
    void paymentIsIntegratedUnlessTheMethodIsOffline(String method, boolean integrated) {
        ObjectNode order = order("order-247.json");
        order.put("payment_method", method);

        ChannelOrder.OrderPayment payment = map(order, "order-247-products.json", "order-247-shipping-addresses.json")
                .payment();

        assertThat(payment.method()).isEqualTo(method);
        assertThat(payment.integrated()).isEqualTo(integrated);
        assertThat(payment.processor()).isEqualTo(integrated ? Optional.of(method) : Optional.empty());
    }

    @Test
    void anEmptyPaymentMethodIsOffline() {
        ObjectNode order = order("order-247.json");
        order.put("payment_method", "");

        ChannelOrder.OrderPayment payment = map(order, "order-247-products.json", "order-247-shipping-addresses.json")
                .payment();

        assertThat(payment.integrated()).isFalse();
        assertThat(payment.method()).isEqualTo("none");
    }

    @Test
    void aLineWithoutQuantityIsLeftOut() {
        ArrayNode products = array("order-247-products.json");
        ((ObjectNode) products.get(3)).put("quantity", 0);

        assertThat(mapper.map(data(order("order-247.json"), products, array("order-247-shipping-addresses.json")))
                        .lines())
                .hasSize(3);
    }

    private ChannelOrder map(ObjectNode order, String products, String addresses) {
        return mapper.map(data(order, array(products), array(addresses)));
    }

    private static BigCommerceOrderData data(JsonNode order, ArrayNode products, ArrayNode addresses) {
        List<JsonNode> productList = new ArrayList<>();
        products.forEach(productList::add);
        List<JsonNode> addressList = new ArrayList<>();
        addresses.forEach(addressList::add);
        return new BigCommerceOrderData(order, productList, addressList);
    }

    private static ObjectNode order(String file) {
        return (ObjectNode) PlatformJson.parse(BigCommerceConnectorContractTest.payload(file), file);
    }

    private static ArrayNode array(String file) {
        return (ArrayNode) PlatformJson.parse(BigCommerceConnectorContractTest.payload(file), file);
    }
}
