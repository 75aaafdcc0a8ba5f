package org.storeline.channels.ecwid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderCustomer;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.money.Money;

/**
 * Real payloads edited the way real-world variants differ: nulls, missing objects, numbers as strings and
 * the reverse, odd entries. Each either maps correctly or fails as a {@link PlatformCallException}.
 */
class EcwidOrderRobustnessTest {
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final Currency USD = Currency.getInstance("USD");

    private final EcwidOrderMapper mapper = new EcwidOrderMapper();

    private static ObjectNode cashPickup() {
        return EcwidFixtures.order("order270-pay-by-cash-pickup");
    }

    private static ObjectNode item(ObjectNode order, int index) {
        return (ObjectNode) order.get("items").get(index);
    }

    @Test
    void nullBillingPersonShippingPersonAndShippingOptionLeaveOnlyTheEmailAndNoShipping() {
        ObjectNode order = cashPickup();
        order.putNull("billingPerson");
        order.putNull("shippingPerson");
        order.putNull("shippingOption");

        ChannelOrder mapped = mapper.map(order, GBP);

        assertThat(mapped.customer())
                .contains(new OrderCustomer(Optional.of("pat.example@example.com"), Optional.empty()));
        assertThat(mapped.shipping()).isEmpty();
        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(mapped.deliveryAddress()).isEmpty();
        assertThat(mapped.phone()).isEmpty();
        assertThat(mapped.total().toDecimalString()).isEqualTo("23.27");
    }

    @Test
    void missingPersonsEmailAndShippingOptionMakeAnOrderWithoutCustomer() {
        ObjectNode order = cashPickup();
        order.remove(List.of("billingPerson", "shippingPerson", "shippingOption", "email", "handlingFee"));

        ChannelOrder mapped = mapper.map(order, GBP);

        assertThat(mapped.customer()).isEmpty();
        assertThat(mapped.shipping()).isEmpty();
        assertThat(mapped.lines()).hasSize(1);
    }

    @Test
    void personsWithOnlyBlankOrNullFieldsGiveNoNameAndNoAddress() {
        ObjectNode order = EcwidFixtures.order("lmli4-cancelled-phone-order");
        order.putObject("billingPerson").put("name", " ").putNull("firstName").put("lastName", "");
        order.putObject("shippingPerson").putNull("name").put("street", "").putNull("city");

        ChannelOrder mapped = mapper.map(order, USD);

        assertThat(mapped.customer()).contains(new OrderCustomer(Optional.of("example@example.com"), Optional.empty()));
        assertThat(mapped.deliveryAddress()).isEmpty();
    }

    @Test
    void nullDiscountFieldsAndNullTaxListsCountAsNone() {
        ObjectNode order = EcwidFixtures.order("lmli4-cancelled-phone-order");
        item(order, 0)
                .putNull("discounts")
                .putNull("couponAmount")
                .putNull("taxes")
                .putNull("tax");
        order.putNull("couponDiscount")
                .putNull("discount")
                .putNull("volumeDiscount")
                .putNull("membershipBasedDiscount")
                .putNull("totalAndMembershipBasedDiscount")
                .putNull("taxesOnShipping")
                .putNull("customSurcharges")
                .putNull("handlingFee");

        ChannelOrder mapped = mapper.map(order, USD);

        assertThat(mapped.lines())
                .singleElement()
                .satisfies(line -> assertThat(line.total().toDecimalString()).isEqualTo("30.00"));
        assertThat(mapped.shipping())
                .singleElement()
                .satisfies(
                        charge -> assertThat(charge.total().toDecimalString()).isEqualTo("10.00"));
        assertThat(mapped.total().toDecimalString()).isEqualTo("40.00");
    }

    @Test
    void moneyAndQuantitiesSentAsStringsReadTheSameAsNumbers() {
        ObjectNode order = cashPickup();
        order.put("total", "23.27").put("tax", "1.87");
        item(order, 0).put("price", "10.7").put("quantity", "2").put("tax", "1.87");
        ((ObjectNode) item(order, 0).get("taxes").get(0))
                .put("taxOnDiscountedSubtotal", "1.87")
                .put("taxOnShipping", "0");
        ((ObjectNode) order.get("shippingOption")).put("shippingRate", "0");
        ((ObjectNode) order.get("handlingFee")).put("value", "0");

        ChannelOrder mapped = mapper.map(order, GBP);

        assertThat(mapped).isEqualTo(mapper.map(cashPickup(), GBP));
    }

    @Test
    void idsSkusAndNamesSentAsNumbersAreReadAsStrings() {
        ObjectNode order = cashPickup();
        order.put("vendorOrderNumber", 270).put("orderNumber", new BigInteger("9007199254740993"));
        item(order, 0)
                .put("sku", 50)
                .put("name", 1984)
                .put("id", "334934802")
                .put("productId", "206653686")
                .put("combinationId", 0);

        ChannelOrder mapped = mapper.map(order, GBP);

        assertThat(mapped.externalId()).isEqualTo("9007199254740993");
        assertThat(mapped.number()).isEqualTo("270");
        assertThat(mapped.lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).contains("50");
            assertThat(line.name()).isEqualTo("1984");
            assertThat(line.platformLineId()).isEqualTo("334934802");
            assertThat(line.platformProductId()).contains("206653686");
            assertThat(line.platformVariantId()).isEmpty();
        });
    }

    @Test
    void anOrderIdSentAsANumberAndAnOrderNumberSentAsAStringAreBothStrings() {
        ObjectNode byId = cashPickup().put("id", 270);
        ObjectNode byNumber = cashPickup().put("orderNumber", "270");

        assertThat(mapper.map(byId, GBP).externalId()).isEqualTo("270");
        assertThat(mapper.map(byNumber, GBP).externalId()).isEqualTo("270");
    }

    @Test
    void anEmptyMissingOrNullSkuAndAMissingNameAreAbsentAndNamedByPosition() {
        ObjectNode order = EcwidFixtures.order("lala1028001-mollie-shipping");
        item(order, 0).put("sku", "  ").remove("name");
        item(order, 1).putNull("sku");

        ChannelOrder mapped = mapper.map(order, USD);

        assertThat(mapped.lines()).extracting(OrderLine::sku).containsExactly(Optional.empty(), Optional.empty());
        assertThat(mapped.lines().get(0).name()).isEqualTo("Item 1");
    }

    @Test
    void unknownExtraFieldsAnywhereAreIgnored() {
        ObjectNode order = cashPickup();
        order.put("someNewField", "x").putObject("newObject").put("a", 1);
        item(order, 0).putArray("newList").add(1).add("two");
        ((ObjectNode) order.get("shippingOption")).put("futureFlag", true);

        assertThat(mapper.map(order, GBP)).isEqualTo(mapper.map(cashPickup(), GBP));
    }

    @Test
    void unicodeProductAndCustomerNamesAreKeptAsSent() {
        ObjectNode order = cashPickup();
        item(order, 0).put("name", "Café crème — 日本茶 🍵");
        ((ObjectNode) order.get("billingPerson")).put("name", "Zoë Ångström-Łukasiewicz");

        ChannelOrder mapped = mapper.map(order, GBP);

        assertThat(mapped.lines().get(0).name()).isEqualTo("Café crème — 日本茶 🍵");
        assertThat(mapped.customer().flatMap(OrderCustomer::name)).contains("Zoë Ångström-Łukasiewicz");
    }

    @Test
    void aLineOfTwoWithACouponShareAndAPromotionTakesBothOffTheWholeLine() {
        ObjectNode order = cashPickup();
        item(order, 0)
                .put("couponAmount", 2.14)
                .putArray("discounts")
                .addObject()
                .put("total", 1)
                .putObject("discountInfo")
                .put("value", 1)
                .put("type", "ABS")
                .put("base", "ON_TOTAL");

        OrderLine line = mapper.map(order, GBP).lines().get(0);

        // 2 x 10.70 = 21.40 - (2.14 + 1.00) + tax 1.87 = 20.13
        assertThat(line.quantity()).isEqualTo(2);
        assertThat(line.unitPrice().toDecimalString()).isEqualTo("10.70");
        assertThat(line.discount().toDecimalString()).isEqualTo("3.14");
        assertThat(line.total().toDecimalString()).isEqualTo("20.13");
    }

    @Test
    void aWholeQuantityWrittenAsADecimalIsAccepted() {
        ObjectNode order = cashPickup();
        item(order, 0).put("quantity", 2.0);

        assertThat(mapper.map(order, GBP).lines().get(0).quantity()).isEqualTo(2);
    }

    @Test
    void aFractionalQuantityFailsWithAClearPlatformError() {
        ObjectNode order = cashPickup();
        item(order, 0).put("quantity", 1.5);

        assertThatThrownBy(() -> mapper.map(order, GBP))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("quantity")
                .hasMessageContaining("1.5");
    }

    @Test
    void aPriceThatIsNotANumberFailsWithAClearPlatformErrorNamingTheField() {
        ObjectNode order = cashPickup();
        item(order, 0).put("price", "10,70");

        assertThatThrownBy(() -> mapper.map(order, GBP))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("price")
                .hasMessageContaining("10,70");
    }

    @Test
    void anOrderTotalThatIsNotANumberFailsWithAClearPlatformError() {
        ObjectNode order = cashPickup().put("total", "N/A");

        assertThatThrownBy(() -> mapper.map(order, GBP))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("total");
    }

    @Test
    void aNullEntryInItemsIsSkippedRatherThanBecomingAPhantomLine() {
        ObjectNode order = cashPickup();
        ((ArrayNode) order.get("items")).addNull();

        ChannelOrder mapped = mapper.map(order, GBP);

        assertThat(mapped.lines()).hasSize(1);
        assertThat(mapped.lines().get(0).sku()).contains("00050");
    }

    @Test
    void itemsNullMissingOrNotAListGiveAnOrderWithoutLinesAndEcwidsTotal() {
        ObjectNode nullItems = cashPickup();
        nullItems.putNull("items");
        ObjectNode noItems = cashPickup();
        noItems.remove("items");
        ObjectNode objectItems = cashPickup();
        objectItems.putObject("items").put("id", 1).put("quantity", 1);

        for (ObjectNode order : List.of(nullItems, noItems, objectItems)) {
            ChannelOrder mapped = mapper.map(order, GBP);
            assertThat(mapped.lines()).isEmpty();
            assertThat(mapped.total().toDecimalString()).isEqualTo("23.27");
        }
    }

    @Test
    void aTimestampSentAsAStringIsUsedWhenTheFormattedDateIsMissing() {
        ObjectNode order = cashPickup();
        order.put("updateTimestamp", "1591390200").put("createTimestamp", "1591390112");
        order.remove(List.of("updateDate", "createDate"));

        ChannelOrder mapped = mapper.map(order, GBP);

        assertThat(mapped.updatedAt()).isEqualTo(Instant.ofEpochSecond(1591390200L));
        assertThat(mapped.placedAt()).contains(Instant.ofEpochSecond(1591390112L));
    }

    @Test
    void aTimestampThatIsZeroOrNotANumberFallsBackToTheFormattedDate() {
        ObjectNode order = cashPickup();
        order.put("updateTimestamp", 0).put("createTimestamp", "soon");

        ChannelOrder mapped = mapper.map(order, GBP);

        assertThat(mapped.updatedAt()).isEqualTo(Instant.parse("2020-06-05T20:48:32Z"));
        assertThat(mapped.placedAt()).contains(Instant.parse("2020-06-05T20:48:32Z"));
    }

    @Test
    void anOrderWithoutAReadableCreationTimeIsStillImportedUndated() {
        ObjectNode missing = cashPickup();
        missing.remove(List.of("createDate", "createTimestamp"));
        ObjectNode unreadable = cashPickup();
        unreadable.remove("createTimestamp");
        unreadable.put("createDate", "5 June 2020");

        for (ObjectNode order : List.of(missing, unreadable)) {
            ChannelOrder mapped = mapper.map(order, GBP);

            assertThat(mapped.placedAt()).isEmpty();
            assertThat(mapped.updatedAt()).isNotNull();
        }
    }

    @Test
    void anOrderWithoutAnyDateFailsWithAClearPlatformError() {
        ObjectNode order = cashPickup();
        order.remove(List.of("updateDate", "createDate", "updateTimestamp", "createTimestamp"));

        assertThatThrownBy(() -> mapper.map(order, GBP))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("updateDate");
    }

    @Test
    void anOrderWithoutIdOrOrderNumberFailsWithAClearPlatformError() {
        ObjectNode order = cashPickup();
        order.remove(List.of("orderNumber", "vendorOrderNumber"));
        order.putNull("id");

        assertThatThrownBy(() -> mapper.map(order, GBP))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("neither id nor orderNumber");
    }

    @Test
    void missingOrLowerCaseStatusesStillFollowTheStateTable() {
        ObjectNode missing = cashPickup();
        missing.remove(List.of("paymentStatus", "fulfillmentStatus"));
        ObjectNode lowerCase = cashPickup().put("paymentStatus", "paid").put("fulfillmentStatus", "shipped");
        ObjectNode numeric = cashPickup().put("paymentStatus", 3);

        assertThat(mapper.map(missing, GBP).disposition()).isEqualTo(OrderDisposition.IMPORT_UNPAID);
        assertThat(mapper.map(missing, GBP).platformStatus()).isEqualTo("UNKNOWN/UNKNOWN");
        assertThat(mapper.map(lowerCase, GBP).disposition()).isEqualTo(OrderDisposition.IMPORT_FULFILLED);
        assertThat(mapper.map(numeric, GBP).disposition()).isEqualTo(OrderDisposition.IMPORT_UNPAID);
    }

    @Test
    void aPickupFlagSentAsAStringIsStillAPickup() {
        ObjectNode order = cashPickup();
        ((ObjectNode) order.get("shippingOption")).put("isPickup", "true").remove("fulfillmentType");

        assertThat(mapper.map(order, GBP).fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
    }

    @Test
    void aLocalDeliveryIsADeliveryWithItsAddress() {
        ObjectNode order = EcwidFixtures.order("lmli4-cancelled-phone-order");
        ((ObjectNode) order.get("shippingOption"))
                .put("fulfillmentType", "DELIVERY")
                .put("shippingMethodName", "Local delivery");

        ChannelOrder mapped = mapper.map(order, USD);

        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(mapped.shippingMethod()).contains("Local delivery");
        assertThat(mapped.deliveryAddress()).isPresent();
    }

    @Test
    void aPaymentModuleThatIsEmptyIsNotAProcessor() {
        ObjectNode order = EcwidFixtures.order("lmli4-cancelled-phone-order").put("paymentModule", "");

        assertThat(mapper.map(order, USD).payment().integrated()).isFalse();
    }

    @Test
    void surchargesGiftCardsAndTaxExemptionDoNotBreakTheMappingAndTheTotalStaysEcwids() {
        ObjectNode order = EcwidFixtures.order("lmli4-cancelled-phone-order");
        order.putArray("customSurcharges")
                .addObject()
                .put("id", "tips")
                .put("value", 10)
                .put("type", "ABSOLUTE")
                .put("total", 10)
                .put("description", "Tips")
                .putArray("taxes")
                .addObject()
                .put("name", "VAT")
                .put("value", 21)
                .put("total", 1.7);
        order.put("giftCardRedemption", 5)
                .put("totalBeforeGiftCardRedemption", 50)
                .put("total", 45)
                .put("customerTaxExempt", true)
                .put("reversedTaxApplied", true);

        ChannelOrder mapped = mapper.map(order, USD);

        assertThat(mapped.total()).isEqualTo(Money.of("45.00", "USD"));
        assertThat(mapped.lines()).hasSize(1);
    }

    @Test
    void floatsThatDoNotFitADoubleExactlyAreReadAsExactDecimals() {
        // Parsed from JSON text, as the API answers: 0.1 + 0.2 as doubles is 0.30000000000000004, exactly it is 0.3.
        String json = EcwidFixtures.payload("order270-pay-by-cash-pickup.order.json")
                .replace("\"price\": 10.7,", "\"price\": 0.1,")
                .replace("\"taxOnDiscountedSubtotal\": 1.87", "\"taxOnDiscountedSubtotal\": 0.2");
        ObjectNode order = (ObjectNode) PlatformJson.parse(json, "test");
        item(order, 0).put("quantity", 3);

        OrderLine line = mapper.map(order, GBP).lines().get(0);

        // 3 x 0.1 + 0.2 = 0.5, exactly.
        assertThat(line.total().toDecimalString()).isEqualTo("0.50");
        assertThat(line.tax().toDecimalString()).isEqualTo("0.20");
    }
}
