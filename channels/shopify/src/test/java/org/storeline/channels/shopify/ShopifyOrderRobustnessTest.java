package org.storeline.channels.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;

/**
 * Real payloads (payloads/SOURCES.md) with one realistic variation each, made by editing the JSON tree. The
 * mapper must map the order correctly or refuse it with a {@link PlatformCallException} that says why; no
 * NullPointerException, ClassCastException, NumberFormatException or ArithmeticException may escape.
 */
class ShopifyOrderRobustnessTest {
    private final ShopifyOrderMapper mapper = new ShopifyOrderMapper();

    private static ObjectNode payload(String file) {
        return (ObjectNode) PlatformJson.parse(ShopifyDeliveries.payload(file), file);
    }

    /** The HKD guest draft order: two discounts on two lines, a 22.00 shipping line, total 186.90. */
    private static ObjectNode guestOrder() {
        return payload("draft-order-guest-hkd-two-discounts.json");
    }

    /** The AUD checkout order: a customer, both addresses, a taxed line, a 10.00 shipping line, total 59.45. */
    private static ObjectNode customerOrder() {
        return payload("checkout-paid-shopify-payments-aud.json");
    }

    private static ObjectNode line(ObjectNode order, int index) {
        return (ObjectNode) order.get("line_items").get(index);
    }

    private static ObjectNode shippingLine(ObjectNode order) {
        return (ObjectNode) order.get("shipping_lines").get(0);
    }

    // ---- optional objects null or missing ----

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anOrderWhoseCustomerIsNullOrMissingTakesEmailAndNameFromTheOrderAndBilling(boolean asNull) {
        ObjectNode order = customerOrder();
        if (asNull) {
            order.putNull("customer");
        } else {
            order.remove("customer");
        }

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.customer())
                .contains(new ChannelOrder.OrderCustomer(Optional.of("buyer@example.com"), Optional.of("Testa Buyer")));
        assertThat(mapped.total().toDecimalString()).isEqualTo("59.45");
    }

    @Test
    void aGuestWithOnlyAPhoneHasNoCustomerButKeepsThePhone() {
        ObjectNode order = guestOrder();
        order.put("phone", "+852 5555 0000");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.customer()).isEmpty();
        assertThat(mapped.phone()).contains("+852 5555 0000");
    }

    @Test
    void aCustomerWithoutNamesGetsItsNameFromTheBillingAddress() {
        ObjectNode order = customerOrder();
        ((ObjectNode) order.get("customer")).putNull("first_name").putNull("last_name");

        assertThat(mapper.map(order).customer().flatMap(ChannelOrder.OrderCustomer::name))
                .contains("Testa Buyer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "missing", "empty"})
    void anOrderWithoutABillingAddressStillMaps(String how) {
        ObjectNode order = customerOrder();
        switch (how) {
            case "null" -> order.putNull("billing_address");
            case "missing" -> order.remove("billing_address");
            default -> order.putObject("billing_address");
        }

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.customer().flatMap(ChannelOrder.OrderCustomer::name)).contains("Testa Buyer");
        assertThat(mapped.total().toDecimalString()).isEqualTo("59.45");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "missing", "empty"})
    void aShippedOrderWhoseShippingAddressIsNullMissingOrEmptyIsADeliveryWithoutAddress(String how) {
        ObjectNode order = customerOrder();
        switch (how) {
            case "null" -> order.putNull("shipping_address");
            case "missing" -> order.remove("shipping_address");
            default -> order.putObject("shipping_address");
        }

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.deliveryAddress()).isEmpty();
        // The "Standard" shipping line is still there: a delivery, not a pickup.
        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(mapped.shipping())
                .singleElement()
                .satisfies(
                        charge -> assertThat(charge.total().toDecimalString()).isEqualTo("10.00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "missing", "empty"})
    void anOrderOfDigitalGoodsWithoutShippingLinesOrAddressHasNoShippingFee(String how) {
        ObjectNode order = customerOrder();
        order.remove("shipping_address");
        switch (how) {
            case "null" -> order.putNull("shipping_lines");
            case "missing" -> order.remove("shipping_lines");
            default -> order.putArray("shipping_lines");
        }
        line(order, 0).put("requires_shipping", false);
        order.put("total_price", "49.45");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.shipping()).isEmpty();
        assertThat(mapped.shippingMethod()).isEmpty();
        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(mapped.lines())
                .singleElement()
                .satisfies(line -> assertThat(line.total().toDecimalString()).isEqualTo("49.45"));
        assertThat(mapped.total().toDecimalString()).isEqualTo("49.45");
    }

    @Test
    void physicalGoodsWithoutShippingLinesOrAddressAreAPickup() {
        ObjectNode order = guestOrder();
        order.putNull("shipping_lines");

        assertThat(mapper.map(order).fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "missing", "empty"})
    void discountAllocationsNullMissingOrEmptyFallBackToTheLinesTotalDiscount(String how) {
        ObjectNode order = guestOrder();
        for (JsonNode line : order.get("line_items")) {
            switch (how) {
                case "null" -> ((ObjectNode) line).putNull("discount_allocations");
                case "missing" -> ((ObjectNode) line).remove("discount_allocations");
                default -> ((ObjectNode) line).putArray("discount_allocations");
            }
        }
        order.putNull("discount_codes");
        order.putNull("discount_applications");

        ChannelOrder mapped = mapper.map(order);

        // total_discount is "0.00" on both lines: no discount is invented.
        assertThat(mapped.lines())
                .extracting(line -> line.total().toDecimalString())
                .containsExactly("99.00", "100.00");
    }

    @Test
    void anOrderWhoseLineItemsAreNullMapsWithNoLines() {
        ObjectNode order = guestOrder();
        order.putNull("line_items");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.lines()).isEmpty();
        assertThat(mapped.total().toDecimalString()).isEqualTo("186.90");
    }

    @Test
    void aNullEntryInLineItemsIsSkipped() {
        ObjectNode order = guestOrder();
        order.withArray("line_items").addNull();

        assertThat(mapper.map(order).lines()).hasSize(2);
    }

    @Test
    void aShippingLineWithNullPricesIsKeptWithAZeroFee() {
        ObjectNode order = guestOrder();
        shippingLine(order).putNull("price").putNull("discounted_price").putNull("tax_lines");

        assertThat(mapper.map(order).shipping()).singleElement().satisfies(charge -> {
            assertThat(charge.method()).isEqualTo("Tran");
            assertThat(charge.total().toDecimalString()).isEqualTo("0.00");
        });
    }

    // ---- numbers as strings, strings as numbers ----

    @Test
    void moneySentAsJsonNumbersReadsExactly() {
        // Parsed the way the webhook body is parsed (BigDecimal floats), so 79.9 stays 79.9.
        String body = ShopifyDeliveries.payloadText("draft-order-guest-hkd-two-discounts.json")
                .replace("\"price\": \"99.00\"", "\"price\": 99.0")
                .replace("\"amount\": \"14.10\"", "\"amount\": 14.1")
                .replace("\"total_price\": \"186.90\"", "\"total_price\": 186.9")
                .replace("\"discounted_price\": \"22.00\"", "\"discounted_price\": 22");
        ObjectNode order = (ObjectNode) PlatformJson.parse(body, "edited payload");
        assertThat(order.get("total_price").isNumber()).isTrue();

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.lines().get(0).total().toDecimalString()).isEqualTo("79.90");
        assertThat(mapped.shipping().get(0).total().toDecimalString()).isEqualTo("22.00");
        assertThat(mapped.total().toDecimalString()).isEqualTo("186.90");
    }

    @Test
    void moneySetAsDoublesInTheTreeReadsAsTheDecimalWritten() {
        ObjectNode order = guestOrder();
        line(order, 1).put("price", 100.1);
        order.put("total_price", 187.0);

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.lines().get(1).total().toDecimalString()).isEqualTo("85.10");
        assertThat(mapped.total().toDecimalString()).isEqualTo("187.00");
    }

    @Test
    void aQuantitySentAsAStringAboveOneWithADiscountKeepsTheDiscountOnTheWholeLine() {
        ObjectNode order = guestOrder();
        ObjectNode line = line(order, 1);
        line.put("quantity", "3");
        ((ObjectNode) line.get("discount_allocations").get(0)).put("amount", "45.00");

        OrderLine mapped = mapper.map(order).lines().get(1);

        // 3 x 100.00 - 45.00 (15 % of 300.00): the allocation is for the whole line, not per unit.
        assertThat(mapped.quantity()).isEqualTo(3);
        assertThat(mapped.discount().toDecimalString()).isEqualTo("45.00");
        assertThat(mapped.total().toDecimalString()).isEqualTo("255.00");
    }

    @Test
    void idsSentAsStringsOrNumbersBeyond2Pow53ReadTheSame() {
        ObjectNode order = guestOrder();
        order.put("id", "6200407294252");
        line(order, 0)
                .put("id", new BigInteger("9007199254740993"))
                .put("product_id", "9782123692332")
                .put("variant_id", new BigInteger("18014398509481985"));

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.externalId()).isEqualTo("6200407294252");
        assertThat(mapped.lines().get(0).platformLineId()).isEqualTo("9007199254740993");
        assertThat(mapped.lines().get(0).platformProductId()).contains("9782123692332");
        assertThat(mapped.lines().get(0).platformVariantId()).contains("18014398509481985");
    }

    @Test
    void aCustomLineItemWithoutProductOrVariantMapsWithoutPlatformIds() {
        ObjectNode order = guestOrder();
        line(order, 0).putNull("product_id").putNull("variant_id").remove("sku");

        OrderLine mapped = mapper.map(order).lines().get(0);

        assertThat(mapped.platformProductId()).isEmpty();
        assertThat(mapped.platformVariantId()).isEmpty();
        assertThat(mapped.sku()).isEmpty();
    }

    @Test
    void aSkuSentAsANumberOrPaddedWithSpacesReadsAsText() {
        ObjectNode order = customerOrder();
        line(order, 0).put("sku", 82804);
        ObjectNode second = line(order, 0).deepCopy();
        second.put("id", 1L).put("sku", "  82804GM ");
        order.withArray("line_items").add(second);

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.lines())
                .extracting(OrderLine::sku)
                .containsExactly(Optional.of("82804"), Optional.of("82804GM"));
    }

    @Test
    void taxesIncludedSentAsAStringIsReadAsABoolean() {
        ObjectNode order = payload("checkout-paid-taxes-included-try.json");
        order.put("taxes_included", "true");

        assertThat(mapper.map(order).lines().get(0).total().toDecimalString()).isEqualTo("875.00");
    }

    @Test
    void statusWordsInUpperCaseMeanTheSame() {
        ObjectNode order = payload("draft-order-paid-fulfilled-pln.json");
        order.put("financial_status", "PAID").put("fulfillment_status", "FULFILLED");

        assertThat(mapper.map(order).disposition()).isEqualTo(OrderDisposition.IMPORT_FULFILLED);
    }

    @Test
    void aRestockedOrderThatIsPaidIsAPaidSale() {
        ObjectNode order = customerOrder();
        order.put("fulfillment_status", "restocked");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.IMPORT_PAID);
        assertThat(mapped.platformStatus()).startsWith("paid/restocked");
    }

    // ---- unknown fields, unicode ----

    @Test
    void unknownExtraFieldsAnywhereAreIgnored() {
        ObjectNode order = guestOrder();
        order.put("brand_new_field", "x").putObject("another").put("nested", true);
        line(order, 0).putArray("sales_line_item_group_id").add(1);
        shippingLine(order).put("delivery_promise", "tomorrow");

        assertThat(mapper.map(order)).isEqualTo(mapper.map(guestOrder()));
    }

    @Test
    void unicodeNamesAndAddressesSurviveUnchanged() {
        ObjectNode order = payload("checkout-paid-taxes-included-try.json");
        ((ObjectNode) order.get("shipping_address")).put("name", "Zoë Ångström-Łukasiewicz 😀");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.deliveryAddress().orElseThrow())
                .startsWith("Zoë Ångström-Łukasiewicz 😀\nÖrnek Ltd\nÖrnek Mahallesi");
        assertThat(mapped.lines().get(0).name()).isEqualTo("YEŞİL CEKET 10320 - L");
    }

    // ---- fall-backs for missing top-level fields ----

    @Test
    void aMissingNameAndOrderNumberFallsBackToTheId() {
        ObjectNode order = guestOrder();
        order.remove("name");
        order.putNull("order_number");

        assertThat(mapper.map(order).number()).isEqualTo("6200407294252");
    }

    @Test
    void anOrderNumberSentAsANumberGetsAHash() {
        ObjectNode order = guestOrder();
        order.put("name", "");

        assertThat(mapper.map(order).number()).isEqualTo("#1071");
    }

    @Test
    void aMissingCurrencyIsReadFromTheShopMoneyOfTheTotal() {
        ObjectNode order = guestOrder();
        order.remove("currency");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.currency().getCurrencyCode()).isEqualTo("HKD");
        assertThat(mapped.total().toDecimalString()).isEqualTo("186.90");
    }

    @Test
    void aMissingTotalPriceIsReadFromTheShopMoneyOfTheTotal() {
        ObjectNode order = guestOrder();
        order.putNull("total_price");

        assertThat(mapper.map(order).total().toDecimalString()).isEqualTo("186.90");
    }

    @Test
    void aMissingUpdatedAtFallsBackToCreatedAt() {
        ObjectNode order = guestOrder();
        order.putNull("updated_at");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.updatedAt()).isEqualTo(mapped.placedAt().orElseThrow());
    }

    @Test
    void anOrderWithoutAnyGatewayIsNotIntegrated() {
        ObjectNode order = guestOrder();
        order.putNull("payment_gateway_names");
        order.remove("gateway");

        ChannelOrder.OrderPayment payment = mapper.map(order).payment();

        assertThat(payment.method()).isEqualTo("none");
        assertThat(payment.integrated()).isFalse();
    }

    @Test
    void nullAndBlankGatewayNamesAreSkipped() {
        ObjectNode order = customerOrder();
        ArrayNode names = order.putArray("payment_gateway_names");
        names.addNull();
        names.add(" ");
        names.add("shopify_payments");

        assertThat(mapper.map(order).payment().processor()).contains("Shopify Payments");
    }

    @Test
    void anOlderPayloadWhoseProcessingMethodIsManualIsNotIntegrated() {
        // Older API versions also sent processing_method; "manual" means no processor took the money,
        // whatever the merchant called the manual method.
        ObjectNode order = customerOrder();
        order.putArray("payment_gateway_names").add("Pay at the counter");
        order.put("processing_method", "manual");

        ChannelOrder.OrderPayment payment = mapper.map(order).payment();

        assertThat(payment.integrated()).isFalse();
        assertThat(payment.processor()).isEmpty();
        assertThat(payment.method()).isEqualTo("Pay at the counter");
    }

    // ---- what cannot be mapped fails with the module's clear error ----

    @ParameterizedTest
    @ValueSource(strings = {"12,50", "abc", "1.234,00", "NaN"})
    void anUnreadableAmountIsRefusedWithAClearErrorNamingTheOrder(String price) {
        ObjectNode order = guestOrder();
        line(order, 0).put("price", price);

        assertThatThrownBy(() -> mapper.map(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("6200407294252")
                .hasMessageContaining(price);
    }

    @Test
    void anUnreadableTotalIsRefusedWithAClearError() {
        ObjectNode order = guestOrder();
        order.put("total_price", "HK$186.90");

        assertThatThrownBy(() -> mapper.map(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("HK$186.90");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "x", "99999999999999999999"})
    void anUnreadableQuantityIsRefusedWithAClearError(String quantity) {
        ObjectNode order = guestOrder();
        line(order, 0).put("quantity", quantity);

        assertThatThrownBy(() -> mapper.map(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("6200407294252");
    }

    @Test
    void aFractionalQuantitySentAsANumberIsRefusedWithAClearError() {
        ObjectNode order = guestOrder();
        line(order, 0).put("quantity", new BigDecimal("2.5"));

        assertThatThrownBy(() -> mapper.map(order)).isInstanceOf(PlatformCallException.class);
    }

    @Test
    void anOrderWithNoCurrencyAnywhereIsRefusedWithAClearError() {
        ObjectNode order = guestOrder();
        order.remove("currency");
        order.remove("total_price_set");

        assertThatThrownBy(() -> mapper.map(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("6200407294252")
                .hasMessageContaining("currency");
    }

    @Test
    void anOrderWithAnUnknownCurrencyCodeIsRefusedWithAClearError() {
        ObjectNode order = guestOrder();
        order.put("currency", "Hong Kong dollars");

        assertThatThrownBy(() -> mapper.map(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("Hong Kong dollars");
    }

    @Test
    void anOrderWithoutCreatedAtIsStillImportedWithoutItsDate() {
        ObjectNode order = guestOrder();
        order.putNull("created_at");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.placedAt()).isEmpty();
        assertThat(mapped.updatedAt()).isNotNull();
    }

    @Test
    void anOrderWithoutCreatedAtNorUpdatedAtIsRefusedWithAClearError() {
        ObjectNode order = guestOrder();
        order.putNull("created_at");
        order.putNull("updated_at");

        assertThatThrownBy(() -> mapper.map(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("updated_at")
                .hasMessageContaining("created_at");
    }

    @Test
    void aLineItemWithoutIdIsRefusedWithAClearError() {
        ObjectNode order = guestOrder();
        line(order, 1).remove("id");

        assertThatThrownBy(() -> mapper.map(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("line item");
    }

    @Test
    void aBodyThatIsNotAnOrderObjectIsRefusedWithAClearError() {
        JsonNode array = PlatformJson.parse("[{\"id\": 1}]", "array body");

        assertThatThrownBy(() -> mapper.map(array))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("no id");
    }
}
