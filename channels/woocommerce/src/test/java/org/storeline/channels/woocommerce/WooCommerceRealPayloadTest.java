package org.storeline.channels.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storeline.channels.woocommerce.WooCommerceOrderMapperTest.payload;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.ChannelOrder.ShippingCharge;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.money.Money;

/**
 * Real payloads beyond the docs' two orders (see payloads/SOURCES.md), and variants of them edited in the
 * JSON tree: the mapper either maps them to the cent or refuses them with its own PlatformCallException.
 */
class WooCommerceRealPayloadTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final WooCommerceOrderMapper mapper = new WooCommerceOrderMapper();

    // ---- the new real payloads ----

    @Test
    void aStripeOrderWithAFixedCartCouponAndFreeShippingIsAPaidSaleWhoseLinesCarryTheDiscount() {
        ChannelOrder order = mapper.map(payload("order-963-coupon-stripe.json"));

        assertThat(order.externalId()).isEqualTo("963");
        assertThat(order.number()).isEqualTo("963");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_PAID);
        assertThat(order.platformStatus()).isEqualTo("processing/stripe/paid");
        assertThat(order.payment())
                .isEqualTo(new ChannelOrder.OrderPayment(
                        "Credit Card (Stripe)", true, Optional.of("Credit Card (Stripe)")));
        assertThat(order.currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(order.placedAt()).contains(Instant.parse("2018-04-03T23:05:12Z"));
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2018-04-03T23:05:14Z"));

        OrderLine basket = order.lines().get(0);
        assertThat(basket.platformLineId()).isEqualTo("890");
        assertThat(basket.sku()).isEmpty();
        assertThat(basket.platformProductId()).contains("52");
        assertThat(basket.platformVariantId()).isEmpty();
        assertThat(basket.name()).isEqualTo("Fruits Basket (Mix & Match Product)");
        assertThat(basket.quantity()).isEqualTo(1);
        assertThat(basket.unitPrice()).isEqualTo(usd("50.00"));
        assertThat(basket.discount()).isEqualTo(usd("20.00"));
        assertThat(basket.tax()).isEqualTo(usd("1.20"));
        assertThat(basket.total()).isEqualTo(usd("31.20"));
        OrderLine bundle = order.lines().get(1);
        assertThat(bundle.sku()).contains("5555-A");
        assertThat(bundle.unitPrice()).isEqualTo(usd("10.00"));
        assertThat(bundle.discount()).isEqualTo(usd("10.00"));
        assertThat(bundle.total()).isEqualTo(usd("0.00"));
        assertThat(order.lines()).hasSize(2).as("coupons are not lines");

        assertThat(order.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(order.shippingMethod()).contains("Free shipping");
        assertThat(order.shipping()).containsExactly(new ShippingCharge("Free shipping", usd("0.00"), usd("0.00")));
        assertThat(order.customer()).hasValueSatisfying(customer -> {
            assertThat(customer.email()).contains("johnny.appleseed@example.com");
            assertThat(customer.name()).contains("Johnny Appleseed");
        });
        assertThat(order.deliveryAddress())
                .contains("Johnny Appleseed\n123 Example Street\nNiagara Falls NY 14304\nUS");
        assertThat(order.phone()).contains("555-555-0100");
        assertThat(order.customerNote()).isEmpty();
        assertThat(order.totalTax()).isEqualTo(usd("1.20"));
        assertThat(order.total()).isEqualTo(usd("31.20"));
        assertAddsUpToTheOrderTotal(order);
    }

    @Test
    void aTaxInclusiveDigitalOrderWithoutShippingLinesOrAddressAddsUpToTheCent() {
        ChannelOrder order = mapper.map(payload("order-1274-tax-inclusive-no-shipping.json"));

        assertThat(order.externalId()).isEqualTo("1274");
        assertThat(order.number()).isEqualTo("1274");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_PAID);
        assertThat(order.payment().integrated()).isTrue();
        assertThat(order.payment().processor()).contains("Credit Card (Stripe)");
        OrderLine weekly = order.lines().get(0);
        assertThat(weekly.quantity()).isEqualTo(3);
        assertThat(weekly.sku()).isEmpty();
        assertThat(weekly.name()).isEqualTo("Weekly");
        // 23.72 / 3 = 7.9066..., rounded; the line total stays WooCommerce's 23.72 + 2.37.
        assertThat(weekly.unitPrice()).isEqualTo(usd("7.91"));
        assertThat(weekly.discount()).isEqualTo(usd("0.00"));
        assertThat(weekly.tax()).isEqualTo(usd("2.37"));
        assertThat(weekly.total()).isEqualTo(usd("26.09"));
        assertThat(order.shipping()).isEmpty();
        assertThat(order.shippingMethod()).isEmpty();
        assertThat(order.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(order.deliveryAddress())
                .as("an all-empty shipping object is no address")
                .isEmpty();
        assertThat(order.phone()).contains("0000000000");
        assertThat(order.customer()).hasValueSatisfying(customer -> {
            assertThat(customer.email()).contains("james@example.com");
            assertThat(customer.name()).contains("James Allan");
        });
        assertThat(order.totalTax()).isEqualTo(usd("2.37"));
        assertThat(order.total()).isEqualTo(usd("26.09"));
        assertAddsUpToTheOrderTotal(order);
    }

    @Test
    void aCompletedFreeOrderWithoutGatewayIsAFulfilledManualSaleOfZero() {
        ChannelOrder order = mapper.map(payload("order-15-zero-total-no-gateway.json"));

        assertThat(order.externalId()).isEqualTo("15");
        assertThat(order.number()).isEqualTo("15");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_FULFILLED);
        assertThat(order.platformStatus()).isEqualTo("completed/paid");
        assertThat(order.payment()).isEqualTo(new ChannelOrder.OrderPayment("manual", false, Optional.empty()));
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.platformLineId()).isEqualTo("1");
            assertThat(line.sku()).isEmpty();
            assertThat(line.platformProductId()).contains("14");
            assertThat(line.name()).isEqualTo("Pipedream 1442");
            assertThat(line.total()).isEqualTo(usd("0.00"));
        });
        assertThat(order.shipping()).isEmpty();
        assertThat(order.deliveryAddress()).isEmpty();
        assertThat(order.phone())
                .as("shipping.phone is empty, billing's is used")
                .contains("123");
        assertThat(order.customer()).hasValueSatisfying(customer -> {
            assertThat(customer.email()).contains("user@example.com");
            assertThat(customer.name()).contains("Test Test");
        });
        assertThat(order.total()).isEqualTo(usd("0.00"));
        assertAddsUpToTheOrderTotal(order);
    }

    @Test
    void aDraftWithNullDatesIsRefusedWithTheMappersOwnError() {
        // A draft is never imported, and without any *_gmt time it cannot be ordered among its events.
        assertThatThrownBy(() -> mapper.map(payload("order-85-draft-null-dates.json")))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("order 85 without date_modified_gmt");
    }

    @Test
    void theSameDraftWithAModifiedTimeIsSkippedAsIncompleteInPounds() {
        ObjectNode order = payload("order-85-draft-null-dates.json").put("date_modified_gmt", "2019-01-01T10:00:00");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.SKIP_INCOMPLETE);
        assertThat(mapped.currency().getCurrencyCode()).isEqualTo("GBP");
        assertThat(mapped.customer()).isEmpty();
        assertThat(mapped.lines()).isEmpty();
        // Its date_created_gmt is null: no date of its own (a draft is skipped anyway).
        assertThat(mapped.placedAt()).isEmpty();
        assertThat(mapped.shipping())
                .extracting(ShippingCharge::method)
                .containsExactly("Shipping", "Shipping", "Shipping");
    }

    // ---- variants derived from the real payloads ----

    @Test
    void aGuestOrderWithoutShippingAddressBecomesASaleWithoutCustomerAddress() {
        ObjectNode order = payload("order-963-coupon-stripe.json").put("customer_id", 0);
        order.putNull("shipping");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.deliveryAddress()).isEmpty();
        assertThat(mapped.phone()).as("billing phone").contains("555-555-0100");
        assertThat(mapped.customer())
                .hasValueSatisfying(customer -> assertThat(customer.email()).contains("johnny.appleseed@example.com"));
        assertAddsUpToTheOrderTotal(mapped);
    }

    @Test
    void billingAndShippingMissingOrNullGiveAnOrderWithoutCustomer() {
        ObjectNode missing = payload("order-963-coupon-stripe.json");
        missing.remove("billing");
        missing.remove("shipping");
        ObjectNode nulls = payload("order-963-coupon-stripe.json");
        nulls.putNull("billing").putNull("shipping");

        for (ObjectNode order : new ObjectNode[] {missing, nulls}) {
            ChannelOrder mapped = mapper.map(order);
            assertThat(mapped.customer()).isEmpty();
            assertThat(mapped.deliveryAddress()).isEmpty();
            assertThat(mapped.phone()).isEmpty();
            assertThat(mapped.total()).isEqualTo(usd("31.20"));
        }
    }

    @Test
    void aGuestWithAnEmptyBillingEmailKeepsTheirName() {
        ObjectNode order = payload("order-963-coupon-stripe.json").put("customer_id", 0);
        ((ObjectNode) order.path("billing")).put("email", "");

        assertThat(mapper.map(order).customer()).hasValueSatisfying(customer -> {
            assertThat(customer.email()).isEmpty();
            assertThat(customer.name()).contains("Johnny Appleseed");
        });
    }

    @Test
    void shippingFeeAndCouponListsNullOrMissingAreEmpty() {
        ObjectNode order = payload("order-1274-tax-inclusive-no-shipping.json");
        order.putNull("shipping_lines");
        order.remove("fee_lines");
        order.putNull("coupon_lines");
        order.remove("tax_lines");
        order.remove("refunds");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.shipping()).isEmpty();
        assertThat(mapped.lines()).hasSize(1);
        assertThat(mapped.total()).isEqualTo(usd("26.09"));
    }

    @Test
    void amountsSentAsJsonNumbersMapLikeTheStrings() {
        ObjectNode order = payload("order-963-coupon-stripe.json");
        order.put("total", new BigDecimal("31.2")).put("total_tax", 1.2);
        ObjectNode line = (ObjectNode) order.path("line_items").get(0);
        line.put("subtotal", 50).put("total", new BigDecimal("30.00")).put("total_tax", new BigDecimal("1.2"));
        ((ObjectNode) order.path("shipping_lines").get(0)).put("total", 0);

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.total()).isEqualTo(usd("31.20"));
        assertThat(mapped.totalTax()).isEqualTo(usd("1.20"));
        assertThat(mapped.lines().get(0).total()).isEqualTo(usd("31.20"));
        assertThat(mapped.lines().get(0).discount()).isEqualTo(usd("20.00"));
        assertAddsUpToTheOrderTotal(mapped);
    }

    @Test
    void idsAndQuantitiesSentAsStringsAndTheNumberSentAsANumberAreReadAsStrings() {
        ObjectNode order = payload("order-1274-tax-inclusive-no-shipping.json")
                .put("id", "1274")
                .put("number", 1274);
        ((ObjectNode) order.path("line_items").get(0))
                .put("id", "1605")
                .put("product_id", "1027")
                .put("variation_id", "0")
                .put("quantity", "3");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.externalId()).isEqualTo("1274");
        assertThat(mapped.number()).isEqualTo("1274");
        OrderLine line = mapped.lines().get(0);
        assertThat(line.platformLineId()).isEqualTo("1605");
        assertThat(line.platformProductId()).contains("1027");
        assertThat(line.platformVariantId()).isEmpty();
        assertThat(line.quantity()).isEqualTo(3);
        assertThat(line.unitPrice()).isEqualTo(usd("7.91"));
    }

    @Test
    void aQuantityWrittenAsAWholeDecimalIsThatQuantity() {
        ObjectNode order = payload("order-1274-tax-inclusive-no-shipping.json");
        ((ObjectNode) order.path("line_items").get(0)).put("quantity", new BigDecimal("3.0"));

        assertThat(mapper.map(order).lines().get(0).quantity()).isEqualTo(3);
    }

    @Test
    void aFractionalQuantityFromADecimalQuantityPluginIsRefusedClearly() {
        ObjectNode order = payload("order-1274-tax-inclusive-no-shipping.json");
        ((ObjectNode) order.path("line_items").get(0)).put("quantity", new BigDecimal("1.5"));

        assertThatThrownBy(() -> mapper.map(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("order 1274")
                .hasMessageContaining("quantity");
    }

    @ParameterizedTest(name = "total \"{0}\"")
    @ValueSource(strings = {"abc", "31,20", "true", "N/A"})
    void anAmountThatIsNotANumberIsRefusedWithTheMappersErrorNotANumberFormatException(String total) {
        ObjectNode order = payload("order-963-coupon-stripe.json").put("total", total);

        assertThatThrownBy(() -> mapper.map(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("order 963")
                .hasMessageContaining("total");
    }

    @Test
    void aLineAmountThatIsNotANumberIsRefusedWithTheMappersError() {
        ObjectNode order = payload("order-963-coupon-stripe.json");
        ((ObjectNode) order.path("line_items").get(1)).put("subtotal", "ten");
        ObjectNode shipping = payload("order-963-coupon-stripe.json");
        ((ObjectNode) shipping.path("shipping_lines").get(0)).put("total_tax", "free");
        ObjectNode quantity = payload("order-963-coupon-stripe.json");
        ((ObjectNode) quantity.path("line_items").get(0)).put("quantity", "one");

        for (ObjectNode broken : new ObjectNode[] {order, shipping, quantity}) {
            assertThatThrownBy(() -> mapper.map(broken))
                    .isInstanceOf(PlatformCallException.class)
                    .hasMessageContaining("order 963");
        }
    }

    @Test
    void anUnknownOrMissingCurrencyIsRefusedWithTheMappersError() {
        ObjectNode unknown = payload("order-963-coupon-stripe.json").put("currency", "XBT");
        ObjectNode missing = payload("order-963-coupon-stripe.json");
        missing.remove("currency");

        assertThatThrownBy(() -> mapper.map(unknown))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("XBT");
        assertThatThrownBy(() -> mapper.map(missing))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("currency");
    }

    @Test
    void aLowerCaseCurrencyAndAZeroDecimalCurrencyAreRead() {
        ObjectNode euros = payload("order-963-coupon-stripe.json").put("currency", "eur");
        ObjectNode yen = payload("order-1274-tax-inclusive-no-shipping.json")
                .put("currency", "JPY")
                .put("total", "2609")
                .put("total_tax", "237");
        ((ObjectNode) yen.path("line_items").get(0))
                .put("subtotal", "2372")
                .put("total", "2372")
                .put("total_tax", "237");

        assertThat(mapper.map(euros).total()).isEqualTo(Money.of("31.20", "EUR"));
        ChannelOrder mappedYen = mapper.map(yen);
        assertThat(mappedYen.total()).isEqualTo(Money.of("2609", "JPY"));
        assertThat(mappedYen.lines().get(0).unitPrice()).isEqualTo(Money.of("791", "JPY"));
        assertThat(mappedYen.lines().get(0).total()).isEqualTo(mappedYen.total());
    }

    @Test
    void anEmptyNullOrMissingSkuIsNoSkuAndANumericSkuIsText() {
        ObjectNode order = payload("order-963-coupon-stripe.json");
        ArrayNode lines = (ArrayNode) order.path("line_items");
        ((ObjectNode) lines.get(0)).remove("sku");
        ((ObjectNode) lines.get(1)).putNull("sku");
        ObjectNode numeric = payload("order-963-coupon-stripe.json");
        ((ObjectNode) numeric.path("line_items").get(1)).put("sku", 5555);

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.lines()).extracting(OrderLine::sku).containsExactly(Optional.empty(), Optional.empty());
        assertThat(mapper.map(numeric).lines().get(1).sku()).contains("5555");
    }

    @Test
    void unknownExtraFieldsAndMetaDataOfAnyShapeAreIgnored() {
        ObjectNode order = payload("order-963-coupon-stripe.json");
        order.put("some_plugin_field", "x").putObject("another_plugin").put("nested", true);
        order.putArray("meta_data")
                .add("not an object")
                .add(JSON.nullNode())
                .addObject()
                .put("key", "_x")
                .putArray("value")
                .add(1);
        ObjectNode line = (ObjectNode) order.path("line_items").get(0);
        line.put("meta_data", "unexpected string")
                .putObject("image")
                .put("id", "")
                .put("src", "");
        line.put("parent_name", (String) null).put("bundled_by", "");

        assertThat(mapper.map(order).total()).isEqualTo(usd("31.20"));
    }

    @Test
    void unicodeAndHtmlEscapedNamesAreKeptAsCharacters() {
        ObjectNode order = payload("order-963-coupon-stripe.json");
        ((ObjectNode) order.path("line_items").get(0)).put("name", "Rüebli zum Gemüseabo &#8211; 🥕 大根");
        ((ObjectNode) order.path("billing")).put("first_name", "Zoë").put("last_name", "Ångström-Øster");
        ((ObjectNode) order.path("shipping_lines").get(0)).put("method_title", "Livraison gratuite &amp; rapide");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.lines().get(0).name()).isEqualTo("Rüebli zum Gemüseabo \u2013 🥕 大根");
        assertThat(mapped.customer().flatMap(ChannelOrder.OrderCustomer::name)).contains("Zoë Ångström-Øster");
        assertThat(mapped.shippingMethod()).contains("Livraison gratuite & rapide");
    }

    @Test
    void aLineQuantityAboveOneWithAPercentageCouponKeepsItsExactTotal() {
        ObjectNode order = payload("order-1274-tax-inclusive-no-shipping.json");
        // 10 % off three items of 7.906...: WooCommerce writes subtotal 23.72, total 21.35, tax on the total 2.13.
        ((ObjectNode) order.path("line_items").get(0)).put("total", "21.35").put("total_tax", "2.13");
        order.put("discount_total", "2.37").put("total", "23.48").put("total_tax", "2.13");
        order.putArray("coupon_lines")
                .addObject()
                .put("id", 1700)
                .put("code", "tenoff")
                .put("discount", "2.37")
                .put("discount_tax", "0.24");

        ChannelOrder mapped = mapper.map(order);

        OrderLine line = mapped.lines().get(0);
        assertThat(line.quantity()).isEqualTo(3);
        assertThat(line.unitPrice()).isEqualTo(usd("7.91"));
        assertThat(line.discount()).isEqualTo(usd("2.37"));
        assertThat(line.total()).isEqualTo(usd("23.48"));
        assertAddsUpToTheOrderTotal(mapped);
    }

    @Test
    void aNegativeFeeLineUsedAsADiscountLowersTheSaleToTheOrderTotal() {
        ObjectNode order = payload("order-963-coupon-stripe.json").put("total", "26.20");
        order.putArray("fee_lines")
                .addObject()
                .put("id", 900)
                .put("name", "Loyalty discount")
                .put("tax_class", "")
                .put("tax_status", "none")
                .put("total", "-5.00")
                .put("total_tax", "0.00");

        ChannelOrder mapped = mapper.map(order);

        OrderLine fee = mapped.lines().get(2);
        assertThat(fee.name()).isEqualTo("Loyalty discount");
        assertThat(fee.total()).isEqualTo(usd("-5.00"));
        assertAddsUpToTheOrderTotal(mapped);
    }

    @Test
    void severalShippingLinesAreEachAChargeAndTheFirstTitledOneIsTheMethod() {
        ObjectNode order =
                payload("order-963-coupon-stripe.json").put("total", "46.20").put("shipping_total", "15.00");
        ArrayNode shipping = (ArrayNode) order.path("shipping_lines");
        shipping.addObject()
                .put("id", 895)
                .put("method_title", "Flat rate")
                .put("method_id", "flat_rate")
                .put("instance_id", "3")
                .put("total", "10.00")
                .put("total_tax", "0.00");
        shipping.addObject()
                .put("id", 896)
                .put("method_title", "Express")
                .put("method_id", "flat_rate:7")
                .put("total", 5)
                .put("total_tax", "0.00");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.shipping())
                .extracting(ShippingCharge::method)
                .containsExactly("Free shipping", "Flat rate", "Express");
        assertThat(mapped.shippingMethod()).contains("Free shipping");
        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertAddsUpToTheOrderTotal(mapped);
    }

    @Test
    void aLocalPickupLineAmongOthersMakesAPickupNamedAfterIt() {
        ObjectNode order = payload("order-963-coupon-stripe.json");
        ((ArrayNode) order.path("shipping_lines"))
                .addObject()
                .put("id", 897)
                .put("method_title", "Pickup at the Market Street store")
                .put("method_id", "local_pickup")
                .putNull("total")
                .putNull("total_tax");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
        assertThat(mapped.shippingMethod()).contains("Pickup at the Market Street store");
        assertAddsUpToTheOrderTotal(mapped);
    }

    @Test
    void datePaidNullOnACashOnDeliveryOrderIsUnpaidAndAPaypalOrderIsPaidThroughPaypal() {
        ObjectNode cod = payload("order-963-coupon-stripe.json")
                .put("payment_method", "cod")
                .put("payment_method_title", "Cash on delivery")
                .putNull("date_paid")
                .putNull("date_paid_gmt");
        ObjectNode ppcp = payload("order-963-coupon-stripe.json")
                .put("payment_method", "ppcp-gateway")
                .put("payment_method_title", "PayPal");
        ObjectNode wcpay = payload("order-963-coupon-stripe.json")
                .put("payment_method", "woocommerce_payments")
                .putNull("payment_method_title");

        ChannelOrder unpaid = mapper.map(cod);
        assertThat(unpaid.disposition()).isEqualTo(OrderDisposition.IMPORT_UNPAID);
        assertThat(unpaid.payment())
                .isEqualTo(new ChannelOrder.OrderPayment("Cash on delivery", false, Optional.empty()));
        assertThat(unpaid.platformStatus()).isEqualTo("processing/cod/unpaid");
        assertThat(mapper.map(ppcp).payment())
                .isEqualTo(new ChannelOrder.OrderPayment("PayPal", true, Optional.of("PayPal")));
        assertThat(mapper.map(wcpay).payment())
                .isEqualTo(new ChannelOrder.OrderPayment(
                        "woocommerce_payments", true, Optional.of("woocommerce_payments")));
    }

    @Test
    void statusNullOrMissingIsKeptUnpaidRatherThanLost() {
        ObjectNode order = payload("order-963-coupon-stripe.json");
        order.putNull("status");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.IMPORT_UNPAID);
        assertThat(mapped.platformStatus()).isEqualTo("(no status)/stripe/paid");
    }

    @Test
    void aGmtTimeWrittenWithASpaceOrFractionsIsStillReadAsUtc() {
        ObjectNode order = payload("order-963-coupon-stripe.json")
                .put("date_modified_gmt", "2018-04-03 23:05:14")
                .put("date_created_gmt", "2018-04-03T23:05:12.000");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.updatedAt()).isEqualTo(Instant.parse("2018-04-03T23:05:14Z"));
        assertThat(mapped.placedAt()).contains(Instant.parse("2018-04-03T23:05:12Z"));
    }

    @Test
    void anUnreadableTimeIsRefusedWithTheModuleError() {
        ObjectNode order = payload("order-963-coupon-stripe.json").put("date_modified_gmt", "yesterday");

        assertThatThrownBy(() -> mapper.map(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("yesterday");
    }

    @Test
    void aNullEntryOrALineWithoutIdIsRefusedWithTheMappersError() {
        ObjectNode nullLine = payload("order-963-coupon-stripe.json");
        ((ArrayNode) nullLine.path("line_items")).addNull();
        ObjectNode noId = payload("order-963-coupon-stripe.json");
        ((ObjectNode) noId.path("line_items").get(0)).remove("id");

        assertThatThrownBy(() -> mapper.map(nullLine))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("order 963");
        assertThatThrownBy(() -> mapper.map(noId))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("order 963");
    }

    @Test
    void listsSentAsObjectsOrStringsDoNotCrashTheMapper() {
        ObjectNode order = payload("order-1274-tax-inclusive-no-shipping.json");
        order.put("shipping_lines", "");
        order.putObject("fee_lines");
        order.put("coupon_lines", false);

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.shipping()).isEmpty();
        assertThat(mapped.lines()).hasSize(1);
    }

    @Test
    void aBodyThatIsNotAnOrderObjectIsRefusedWithTheMappersError() {
        assertThatThrownBy(() -> mapper.map(JSON.arrayNode())).isInstanceOf(PlatformCallException.class);
        assertThatThrownBy(() -> mapper.map(JSON.textNode("webhook_id=12"))).isInstanceOf(PlatformCallException.class);
        assertThatThrownBy(() -> mapper.map(JSON.nullNode())).isInstanceOf(PlatformCallException.class);
    }

    /** Every line's total plus every shipping charge is the order's total, to the cent. */
    private static void assertAddsUpToTheOrderTotal(ChannelOrder order) {
        assertThat(order.itemizedTotal()).isEqualTo(order.total());
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
