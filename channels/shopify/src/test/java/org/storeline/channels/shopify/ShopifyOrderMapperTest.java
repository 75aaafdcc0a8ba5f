package org.storeline.channels.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.ChannelOrder.ShippingCharge;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.money.Money;

class ShopifyOrderMapperTest {
    private final ShopifyOrderMapper mapper = new ShopifyOrderMapper();

    /** A fresh, mutable copy of a real example payload. */
    private static ObjectNode payload(String file) {
        return (ObjectNode) PlatformJson.parse(ShopifyDeliveries.payload(file), file);
    }

    private static ObjectNode restOrder() {
        return payload("rest-order-450789469.json");
    }

    // ---- the state table (docs/platforms/shopify.md), one case per row and per word ----

    @ParameterizedTest(name = "{0} / {1} / cancelled={2} -> {3}")
    @CsvSource({
        "paid,               ,          true,  SKIP_CANCELLED",
        "voided,             ,          false, SKIP_CANCELLED",
        "expired,            ,          false, SKIP_CANCELLED",
        "refunded,           fulfilled, false, SKIP_REFUNDED",
        "pending,            ,          false, IMPORT_UNPAID",
        "partially_paid,     ,          false, IMPORT_PARTIALLY_PAID",
        "partially_paid,     fulfilled, false, IMPORT_PARTIALLY_PAID",
        "pending,            fulfilled, false, IMPORT_UNPAID",
        "authorized,         ,          false, IMPORT_PAID",
        "paid,               ,          false, IMPORT_PAID",
        "paid,               partial,   false, IMPORT_PAID",
        "partially_refunded, ,          false, IMPORT_PAID",
        "authorized,         fulfilled, false, IMPORT_FULFILLED",
        "paid,               fulfilled, false, IMPORT_FULFILLED",
        "partially_refunded, fulfilled, false, IMPORT_FULFILLED",
        "some_future_status, ,          false, IMPORT_UNPAID",
    })
    void mapsEveryRowOfTheStateTable(
            String financial, String fulfillment, boolean cancelled, OrderDisposition expected) {
        ObjectNode order = restOrder();
        order.put("financial_status", financial);
        order.put("fulfillment_status", fulfillment);
        order.put("cancelled_at", cancelled ? "2008-01-10T12:00:00-05:00" : null);

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.disposition()).isEqualTo(expected);
        assertThat(mapped.platformStatus())
                .startsWith(financial + "/" + (fulfillment == null ? "unfulfilled" : fulfillment));
    }

    @Test
    void anOrderWithoutFinancialStatusIsImportedUnpaidAndSaysSoInTheLog() {
        ObjectNode order = restOrder();
        order.remove("financial_status");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.IMPORT_UNPAID);
        assertThat(mapped.platformStatus()).isEqualTo("unknown/unfulfilled");
    }

    @Test
    void theLogShowsTheRawWordsWithCancelledAndTestFlags() {
        ChannelOrder mapped = mapper.map(payload("webhook-orders-create-docs-sample.json"));

        assertThat(mapped.platformStatus()).isEqualTo("voided/unfulfilled/cancelled/test");
    }

    // ---- money, to the cent, on Shopify's REST order example ----

    @Test
    void mapsTheRestExampleToTheCentWithDiscountAllocationsAndLineTaxes() {
        ChannelOrder order = mapper.map(restOrder());

        // By hand from the payload: each line 199.00 x 1, minus its discount_allocations share of TENOFF
        // (3.34, 3.33, 3.33), plus its State Tax 3.98 (taxes_included is false).
        assertThat(order.lines())
                .extracting(line -> line.total().toDecimalString())
                .containsExactly("199.64", "199.65", "199.65");
        OrderLine first = order.lines().get(0);
        assertThat(first.unitPrice().toDecimalString()).isEqualTo("199.00");
        assertThat(first.discount().toDecimalString()).isEqualTo("3.34");
        assertThat(first.tax().toDecimalString()).isEqualTo("3.98");
        assertThat(first.quantity()).isEqualTo(1);
        // 199.64 + 199.65 + 199.65 + 0.00 shipping = 598.94, Shopify's total_price; tax 3 x 3.98 = 11.94.
        assertThat(order.total().toDecimalString()).isEqualTo("598.94");
        assertThat(order.totalTax().toDecimalString()).isEqualTo("11.94");
        assertThat(order.shipping())
                .containsExactly(new ShippingCharge("Free Shipping", Money.of("0.00", "USD"), Money.of("0.00", "USD")));
        assertThat(order.currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void withTaxesIncludedTheLineTotalDoesNotAddTheTaxAgain() {
        ObjectNode order = restOrder();
        order.put("taxes_included", true);

        OrderLine line = mapper.map(order).lines().get(0);

        assertThat(line.total().toDecimalString()).isEqualTo("195.66");
        assertThat(line.tax().toDecimalString()).isEqualTo("3.98");
    }

    @Test
    void usesTotalDiscountWhenAnOlderPayloadHasNoDiscountAllocations() {
        ObjectNode order = restOrder();
        ObjectNode line = (ObjectNode) order.withArray("line_items").get(0);
        line.remove("discount_allocations");
        line.put("total_discount", "5.00");
        line.put("quantity", 2);

        OrderLine mapped = mapper.map(order).lines().get(0);

        // 2 x 199.00 - 5.00 + 3.98
        assertThat(mapped.discount().toDecimalString()).isEqualTo("5.00");
        assertThat(mapped.total().toDecimalString()).isEqualTo("396.98");
    }

    @Test
    void shippingUsesTheDiscountedPriceAndAddsItsTaxUnlessTaxesAreIncluded() {
        ObjectNode order = restOrder();
        ObjectNode shipping = (ObjectNode) order.withArray("shipping_lines").get(0);
        shipping.put("title", "Standard");
        shipping.put("price", "10.00");
        shipping.put("discounted_price", "8.00");
        shipping.withArray("tax_lines")
                .addObject()
                .put("price", "1.68")
                .put("rate", 0.21)
                .put("title", "BTW");

        assertThat(mapper.map(order).shipping()).singleElement().satisfies(charge -> {
            assertThat(charge.method()).isEqualTo("Standard");
            assertThat(charge.total().toDecimalString()).isEqualTo("9.68");
            assertThat(charge.tax().toDecimalString()).isEqualTo("1.68");
        });
        order.put("taxes_included", true);
        assertThat(mapper.map(order).shipping().get(0).total().toDecimalString())
                .isEqualTo("8.00");
    }

    @Test
    void reportsShopifysOwnTotalEvenWhenItsLinesDoNotAddUpToIt() {
        // The webhook sample's lines sum to 414.95, its shipping line is 0.00 after discount, and it says 404.95:
        // the importer flags the difference; the mapper does not hide it.
        ChannelOrder order = mapper.map(payload("webhook-orders-create-docs-sample.json"));

        assertThat(order.total().toDecimalString()).isEqualTo("404.95");
        assertThat(order.lines())
                .extracting(line -> line.total().toDecimalString())
                .containsExactly("89.99", "19.99", "24.99", "159.99", "119.99");
        assertThat(order.shipping()).extracting(ShippingCharge::method).containsExactly("Generic Shipping");
    }

    @Test
    void dropsAShippingLineRemovedByAnOrderEdit() {
        ObjectNode order = payload("webhook-orders-create-docs-sample.json");
        ((ObjectNode) order.withArray("shipping_lines").get(0)).put("is_removed", true);

        assertThat(mapper.map(order).shipping()).isEmpty();
    }

    @Test
    void roundsAmountsToTheCurrencysPlacesHalfUp() {
        ObjectNode order = restOrder();
        order.put("currency", "JPY");
        order.put("total_price", "1000.50");

        assertThat(mapper.map(order).total().toDecimalString()).isEqualTo("1001.00");
    }

    // ---- pickup or delivery ----

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Pickup at Downtown",
                "Pick up in store",
                "Store pick-up",
                "Retrait en magasin",
                "Afhalen in Gent",
                "Ophalen winkel"
            })
    void aShippingLineThatSaysPickupIsAPickup(String title) {
        ObjectNode order = restOrder();
        ((ObjectNode) order.withArray("shipping_lines").get(0))
                .put("title", title)
                .put("code", "custom");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
        assertThat(mapped.shippingMethod()).contains(title);
    }

    @Test
    void physicalGoodsWithoutShippingLineOrAddressArePickedUp() {
        ObjectNode order = restOrder();
        order.remove("shipping_address");
        order.putArray("shipping_lines");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
        assertThat(mapped.shippingMethod()).isEmpty();
        assertThat(mapped.shipping()).isEmpty();
        assertThat(mapped.deliveryAddress()).isEmpty();
    }

    @Test
    void anOrderOfDigitalGoodsOnlyIsNotAPickup() {
        ObjectNode order = restOrder();
        order.remove("shipping_address");
        order.putArray("shipping_lines");
        order.withArray("line_items").forEach(line -> ((ObjectNode) line).put("requires_shipping", false));

        assertThat(mapper.map(order).fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
    }

    @Test
    void aNativeLocalPickupLineNamedAfterItsLocationStaysDeliveryButKeepsTheNameForOutletMapping() {
        // Shape of a native Shopify local pickup line (community.shopify.com thread 117153): the location's name
        // in code and title, nothing else to tell it from a local delivery. ALC-2 maps "SantaVenera" to an outlet.
        ObjectNode order = restOrder();
        order.remove("shipping_address");
        ((ObjectNode) order.withArray("shipping_lines").get(0))
                .put("code", "SantaVenera")
                .put("title", "SantaVenera")
                .put("carrier_identifier", "650f1a14fa979ec5c74d063e968411d4");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(mapped.shippingMethod()).contains("SantaVenera");
    }

    @Test
    void aDeliveryCarriesTheAddressAsReadableLinesAndThePhone() {
        ChannelOrder order = mapper.map(payload("webhook-orders-create-docs-sample.json"));

        assertThat(order.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(order.deliveryAddress())
                .contains("Steve Shipper\nShipping Company\n123 Shipping Street\n"
                        + "40003 Shippington\nKentucky\nUnited States");
        assertThat(order.phone()).contains("555-555-SHIP");
        assertThat(order.customerNote()).isEmpty();
    }

    // ---- customer ----

    @Test
    void takesTheNameFromTheCustomerAndTheOrderEmail() {
        ChannelOrder order = mapper.map(payload("webhook-orders-create-docs-sample.json"));

        assertThat(order.customer()).hasValueSatisfying(customer -> {
            assertThat(customer.email()).contains("jon@example.com");
            assertThat(customer.name()).contains("John Smith");
        });
    }

    @Test
    void fallsBackToTheBillingNameAndTheContactOrCustomerEmail() {
        ObjectNode order = restOrder();
        order.remove("customer");
        order.remove("email");

        assertThat(mapper.map(order).customer())
                .contains(new ChannelOrder.OrderCustomer(
                        Optional.of("bob.norman@mail.example.com"), Optional.of("Bob Norman")));

        order.remove("contact_email");
        order.putObject("customer").put("email", "bob@customer.example.com");
        assertThat(mapper.map(order).customer().flatMap(ChannelOrder.OrderCustomer::email))
                .contains("bob@customer.example.com");
    }

    @Test
    void aMissingNameIsEmptyNotBlank() {
        ObjectNode order = restOrder();
        ((ObjectNode) order.get("customer")).putNull("first_name").put("last_name", "");
        ((ObjectNode) order.get("billing_address"))
                .put("name", " ")
                .putNull("first_name")
                .putNull("last_name");

        ChannelOrder.OrderCustomer customer = mapper.map(order).customer().orElseThrow();

        assertThat(customer.name()).isEmpty();
        assertThat(customer.email()).contains("bob.norman@mail.example.com");
    }

    @Test
    void anOrderWithNoEmailAndNoNameHasNoCustomer() {
        ObjectNode order = restOrder();
        order.remove("customer");
        order.remove("email");
        order.remove("contact_email");
        order.remove("billing_address");

        assertThat(mapper.map(order).customer()).isEmpty();
    }

    // ---- ids, numbers, times ----

    @Test
    void idsAbove2Pow53SurviveAsStrings() {
        ChannelOrder order = mapper.map(payload("webhook-orders-create-docs-sample.json"));

        // 820982911946154508 > 2^53 = 9007199254740992: a double would have made it ...500.
        assertThat(order.externalId()).isEqualTo("820982911946154508");
        assertThat(order.lines().get(0).platformLineId()).isEqualTo("487817672276298554");
        assertThat(order.lines().get(0).platformProductId()).contains("788032119674292922");
        assertThat(order.lines().get(0).platformVariantId()).isEmpty();
        assertThat(order.number()).isEqualTo("#9999");
    }

    @Test
    void anIdSentAsAStringReadsTheSame() {
        ObjectNode order = restOrder();
        order.put("id", "820982911946154508");

        assertThat(mapper.map(order).externalId()).isEqualTo("820982911946154508");
    }

    @Test
    void parsesShopifysOffsetTimesToUtc() {
        ObjectNode order = payload("webhook-orders-create-docs-sample.json");
        order.put("updated_at", "2022-01-02T08:30:15+01:00");

        ChannelOrder mapped = mapper.map(order);

        // created_at "2021-12-31T19:00:00-05:00" is midnight UTC on New Year's Day.
        assertThat(mapped.placedAt()).contains(Instant.parse("2022-01-01T00:00:00Z"));
        assertThat(mapped.updatedAt()).isEqualTo(Instant.parse("2022-01-02T07:30:15Z"));
    }

    @Test
    void refusesAnOrderWithAnUnreadableTime() {
        ObjectNode order = restOrder();
        order.put("updated_at", "10/01/2008 11:00");

        assertThatThrownBy(() -> mapper.map(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("updated_at");
    }

    // ---- when the order was placed ----

    @Test
    void theOrderWasPlacedAtItsCreatedAtNotWhenItWasLastUpdated() {
        ChannelOrder mapped = mapper.map(payload("draft-order-guest-hkd-two-discounts.json"));

        // created_at "2025-01-23T23:10:15-05:00", updated_at one second later.
        assertThat(mapped.placedAt()).contains(Instant.parse("2025-01-24T04:10:15Z"));
        assertThat(mapped.updatedAt()).isEqualTo(Instant.parse("2025-01-24T04:10:16Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10/01/2008 11:00", "null"})
    void anOrderWithoutAReadableCreatedAtIsStillImportedUndatedByTheUpdatedAt(String createdAt) {
        ObjectNode order = restOrder();
        if (createdAt.equals("null")) {
            order.putNull("created_at");
        } else {
            order.put("created_at", createdAt);
        }

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.placedAt()).isEmpty();
        // updated_at "2008-01-10T11:00:00-05:00" still orders the order's versions.
        assertThat(mapped.updatedAt()).isEqualTo(Instant.parse("2008-01-10T16:00:00Z"));
    }

    @Test
    void anOrderWithNeitherTimeCannotBeOrderedAndIsRefused() {
        ObjectNode order = restOrder();
        order.remove("created_at");
        order.remove("updated_at");

        assertThatThrownBy(() -> mapper.map(order))
                .isInstanceOf(PlatformCallException.class)
                .hasMessageContaining("updated_at");
    }

    // ---- what a partly paid order has received ----

    @Test
    void aDepositIsThePartReceivedTheCurrentTotalLessWhatIsOutstanding() {
        ChannelOrder mapped = mapper.map(payload("derived-partially-paid-deposit-hkd.json"));

        // current_total_price 186.90 - total_outstanding 86.90.
        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.IMPORT_PARTIALLY_PAID);
        assertThat(mapped.amountPaid()).contains(Money.of("100.00", "HKD"));
        assertThat(mapped.total()).isEqualTo(Money.of("186.90", "HKD"));
        assertThat(mapped.payment().integrated()).isFalse();
    }

    @Test
    void aRealPartlyPaidOrderWithEverythingOutstandingHasReceivedNothing() {
        ChannelOrder mapped = mapper.map(payload("api-created-partially-paid-nothing-received-inr.json"));

        // Created through the API as partially_paid without a transaction: total_outstanding is the whole 30000.00.
        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.IMPORT_PARTIALLY_PAID);
        assertThat(mapped.amountPaid()).contains(Money.of("0.00", "INR"));
        assertThat(mapped.placedAt()).contains(Instant.parse("2023-05-11T07:10:17Z"));
    }

    @Test
    void anItemRemovedBeforeTheImportIsNotCountedAsReceived() {
        ObjectNode order = payload("derived-partially-paid-deposit-hkd.json");
        // An edit took 20.00 off: the current total drops, what is outstanding is measured against it.
        order.put("current_total_price", "166.90");
        order.put("total_outstanding", "66.90");

        assertThat(mapper.map(order).amountPaid()).contains(Money.of("100.00", "HKD"));
    }

    @Test
    void withoutACurrentTotalTheOrderTotalIsTheBase() {
        ObjectNode order = payload("derived-partially-paid-deposit-hkd.json");
        order.remove("current_total_price");
        order.remove("current_total_price_set");

        assertThat(mapper.map(order).amountPaid()).contains(Money.of("100.00", "HKD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"absent", "null", "n/a"})
    void aPartlyPaidOrderWithoutAReadableOutstandingAmountSaysNothingOfWhatIsPaid(String outstanding) {
        ObjectNode order = payload("derived-partially-paid-deposit-hkd.json");
        switch (outstanding) {
            case "absent" -> order.remove("total_outstanding");
            case "null" -> order.putNull("total_outstanding");
            default -> order.put("total_outstanding", outstanding);
        }

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.disposition()).isEqualTo(OrderDisposition.IMPORT_PARTIALLY_PAID);
        assertThat(mapped.amountPaid()).isEmpty();
    }

    @Test
    void onlyAPartlyPaidOrderSaysWhatIsPaid() {
        // The paid and the pending originals of the examples above carry total_outstanding too.
        assertThat(mapper.map(payload("draft-order-guest-hkd-two-discounts.json"))
                        .amountPaid())
                .isEmpty();
        assertThat(mapper.map(payload("derived-unpaid-cash-on-delivery.json")).amountPaid())
                .isEmpty();
    }

    @Test
    void anEmptySkuIsAbsentAndTheNumberFallsBackToTheOrderNumber() {
        ObjectNode order = restOrder();
        ((ObjectNode) order.withArray("line_items").get(0)).put("sku", "");
        ((ObjectNode) order.withArray("line_items").get(1)).putNull("sku");
        order.remove("name");

        ChannelOrder mapped = mapper.map(order);

        assertThat(mapped.lines())
                .extracting(OrderLine::sku)
                .containsExactly(Optional.empty(), Optional.empty(), Optional.of("IPOD2008BLACK"));
        assertThat(mapped.number()).isEqualTo("#1001");
    }

    @Test
    void theSameBodyAlwaysMapsToTheSameOrder() {
        assertThat(mapper.map(restOrder())).isEqualTo(mapper.map(restOrder()));
    }
}
