package org.storeline.channels.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.ChannelOrder.ShippingCharge;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.money.Money;

/**
 * Real Shopify orders from outside Shopify's own docs (sources and edits in payloads/SOURCES.md), each mapped
 * and checked against what the payload says, by hand: ids, numbers, paid or not, lines, shipping, customer, and
 * the total to the cent.
 */
class ShopifyRealPayloadsTest {
    private final ShopifyOrderMapper mapper = new ShopifyOrderMapper();

    private static ObjectNode payload(String file) {
        return (ObjectNode) PlatformJson.parse(ShopifyDeliveries.payload(file), file);
    }

    private ChannelOrder map(String file) {
        return mapper.map(payload(file));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "draft-order-guest-hkd-two-discounts.json",
                "draft-order-paid-fulfilled-pln.json",
                "checkout-paid-taxes-included-try.json",
                "checkout-paid-shopify-payments-aud.json"
            })
    void everyNewRealPayloadAddsUpToShopifysOwnTotalToTheCent(String file) {
        ChannelOrder order = map(file);

        assertThat(order.itemizedTotal()).isEqualTo(order.total());
        assertThat(order.total().toDecimalString())
                .isEqualTo(payload(file).get("total_price").asText());
    }

    @Test
    void aGuestDraftOrderWithoutCustomerOrAddressesMapsItsTwoDiscountsAndShippingToTheCent() {
        ChannelOrder order = map("draft-order-guest-hkd-two-discounts.json");

        assertThat(order.externalId()).isEqualTo("6200407294252");
        assertThat(order.number()).isEqualTo("#1071");
        assertThat(order.currency().getCurrencyCode()).isEqualTo("HKD");
        // customer, billing_address and shipping_address are JSON null, email is "" and contact_email null.
        assertThat(order.customer()).isEmpty();
        assertThat(order.deliveryAddress()).isEmpty();
        assertThat(order.phone()).isEmpty();
        // "manual" and paid: the merchant marked it paid; no processor to show.
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_PAID);
        assertThat(order.payment().integrated()).isFalse();
        assertThat(order.payment().method()).isEqualTo("manual");
        assertThat(order.payment().processor()).isEmpty();
        // Line 1: 99.00 - (14.10 of the 15 % code + 5.00 automatic) = 79.90; line 2: 100.00 - 15.00 = 85.00.
        assertThat(order.lines()).extracting(OrderLine::name).containsExactly("aaa0103測試商品11aa", "Green Snowboard");
        assertThat(order.lines()).extracting(OrderLine::sku).containsOnly(Optional.empty());
        assertThat(order.lines())
                .extracting(line -> line.discount().toDecimalString())
                .containsExactly("19.10", "15.00");
        assertThat(order.lines())
                .extracting(line -> line.total().toDecimalString())
                .containsExactly("79.90", "85.00");
        assertThat(order.lines().get(0).platformVariantId()).contains("50398373085484");
        // A custom "Tran" shipping line of 22.00 and no address: still a delivery (ALC-2 maps the method).
        assertThat(order.shipping())
                .containsExactly(new ShippingCharge("Tran", Money.of("22.00", "HKD"), Money.of("0.00", "HKD")));
        assertThat(order.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(order.total().toDecimalString()).isEqualTo("186.90");
        assertThat(order.totalTax().toDecimalString()).isEqualTo("0.00");
    }

    @Test
    void aPaidAndFulfilledPolishDraftOrderBecomesAFulfilledSaleWithQuantitiesAboveOne() {
        ChannelOrder order = map("draft-order-paid-fulfilled-pln.json");

        assertThat(order.externalId()).isEqualTo("100500");
        // The shop's order name has a suffix ("X01"): name, not order_number, is what the customer sees.
        assertThat(order.number()).isEqualTo("#1166X01");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_FULFILLED);
        assertThat(order.platformStatus()).isEqualTo("paid/fulfilled");
        assertThat(order.currency().getCurrencyCode()).isEqualTo("PLN");
        // 2 x 123.00 + 56.58 VAT = 302.58; 3 x 500.00 + 345.00 VAT = 1845.00 (taxes_included false).
        assertThat(order.lines())
                .extracting(OrderLine::sku)
                .containsExactly(Optional.of("gtp3-ref-2"), Optional.of("guit1-sku-bl"));
        assertThat(order.lines()).extracting(OrderLine::quantity).containsExactly(2L, 3L);
        assertThat(order.lines())
                .extracting(line -> line.unitPrice().toDecimalString())
                .containsExactly("123.00", "500.00");
        assertThat(order.lines())
                .extracting(line -> line.tax().toDecimalString())
                .containsExactly("56.58", "345.00");
        assertThat(order.lines())
                .extracting(line -> line.total().toDecimalString())
                .containsExactly("302.58", "1845.00");
        // No shipping line but an address: a delivery with no fee.
        assertThat(order.shipping()).isEmpty();
        assertThat(order.shippingMethod()).isEmpty();
        assertThat(order.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(order.deliveryAddress()).contains("Przeciętny Kowalski\nGórna 22\n01-123 Warszawa\nPoland");
        assertThat(order.customer())
                .contains(new ChannelOrder.OrderCustomer(
                        Optional.of("przecietny-kowalski@mail.pl"), Optional.of("Przeciętny Kowalski")));
        assertThat(order.phone()).contains("+48123234456");
        assertThat(order.customerNote()).contains("Just note from customer");
        assertThat(order.total().toDecimalString()).isEqualTo("2147.58");
        assertThat(order.totalTax().toDecimalString()).isEqualTo("401.58");
    }

    @Test
    void aCustomManualPaymentMethodIsNotShownAsAProcessor() {
        // The PLN order was paid with the shop's own manual method "manual_in_shopify_test" (its transaction says
        // "Marked the manual payment as received"): nothing an integrated processor confirmed.
        ChannelOrder order = map("draft-order-paid-fulfilled-pln.json");

        assertThat(order.payment().method()).isEqualTo("manual_in_shopify_test");
        assertThat(order.payment().integrated()).isFalse();
        assertThat(order.payment().processor()).isEmpty();
    }

    @Test
    void aTurkishOrderWithTaxesIncludedDoesNotAddTheVatAgain() {
        ChannelOrder order = map("checkout-paid-taxes-included-try.json");

        assertThat(order.externalId()).isEqualTo("4893196583145");
        assertThat(order.number()).isEqualTo("#35712");
        assertThat(order.currency().getCurrencyCode()).isEqualTo("TRY");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_PAID);
        // iyzico is a card processor; its name already reads as words and is kept as Shopify wrote it.
        assertThat(order.payment().integrated()).isTrue();
        assertThat(order.payment().processor()).contains("iyzico - Kredi ve Banka Kartları");
        // 875.00 holds 64.81 KDV (8 %): the line total stays 875.00.
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.name()).isEqualTo("YEŞİL CEKET 10320 - L");
            assertThat(line.sku()).contains("7887800306197");
            assertThat(line.quantity()).isEqualTo(1);
            assertThat(line.unitPrice().toDecimalString()).isEqualTo("875.00");
            assertThat(line.tax().toDecimalString()).isEqualTo("64.81");
            assertThat(line.total().toDecimalString()).isEqualTo("875.00");
        });
        assertThat(order.shipping())
                .containsExactly(new ShippingCharge("Kargo Bedava", Money.of("0.00", "TRY"), Money.of("0.00", "TRY")));
        assertThat(order.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(order.customer())
                .contains(new ChannelOrder.OrderCustomer(
                        Optional.of("ayse.ornek@example.com"), Optional.of("Ayşe Örnek")));
        assertThat(order.phone()).contains("555 000 00 00");
        assertThat(order.total().toDecimalString()).isEqualTo("875.00");
        assertThat(order.totalTax().toDecimalString()).isEqualTo("64.81");
    }

    @Test
    void anAustralianShopifyPaymentsTestOrderIsPaidWithShippingAndTaxOnTop() {
        ChannelOrder order = map("checkout-paid-shopify-payments-aud.json");

        assertThat(order.externalId()).isEqualTo("2998557704341");
        assertThat(order.number()).isEqualTo("#1030");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_PAID);
        assertThat(order.platformStatus()).isEqualTo("paid/unfulfilled/test");
        assertThat(order.payment().integrated()).isTrue();
        assertThat(order.payment().processor()).contains("Shopify Payments");
        // sku "" is no SKU; 44.95 + 4.50 GST (taxes_included false).
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEmpty();
            assertThat(line.name()).isEqualTo("Classic Fountain Pen - Fine / Bordeaux");
            assertThat(line.platformProductId()).contains("6122640146581");
            assertThat(line.total().toDecimalString()).isEqualTo("49.45");
        });
        assertThat(order.shipping())
                .containsExactly(new ShippingCharge("Standard", Money.of("10.00", "AUD"), Money.of("0.00", "AUD")));
        assertThat(order.shippingMethod()).contains("Standard");
        assertThat(order.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(order.customer())
                .contains(new ChannelOrder.OrderCustomer(Optional.of("buyer@example.com"), Optional.of("Testa Buyer")));
        assertThat(order.total().toDecimalString()).isEqualTo("59.45");
        assertThat(order.totalTax().toDecimalString()).isEqualTo("4.50");
    }
}
