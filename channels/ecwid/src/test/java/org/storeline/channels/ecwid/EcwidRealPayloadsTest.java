package org.storeline.channels.ecwid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderCustomer;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.ChannelOrder.OrderPayment;
import org.storeline.core.channel.ChannelOrder.ShippingCharge;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.money.Money;

/** The real orders added for robustness (payloads/SOURCES.md), each mapped and checked field by field. */
class EcwidRealPayloadsTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final Currency EUR = Currency.getInstance("EUR");

    private final EcwidOrderMapper mapper = new EcwidOrderMapper();

    @Test
    void aRealCashOrderForStorePickupWithoutAnIdBecomesAnUnpaidPickupSaleNumberedByItsOrderNumber() {
        ChannelOrder order = mapper.map(EcwidFixtures.order("order270-pay-by-cash-pickup"), GBP);

        // No "id" on this older order: the order number, as a string, is both the id and the number.
        assertThat(order.externalId()).isEqualTo("270");
        assertThat(order.number()).isEqualTo("270");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_UNPAID);
        assertThat(order.platformStatus()).isEqualTo("AWAITING_PAYMENT/AWAITING_PROCESSING");
        assertThat(order.payment()).isEqualTo(new OrderPayment("Pay by cash", false, Optional.empty()));
        assertThat(order.fulfillmentType()).isEqualTo(FulfillmentType.PICKUP);
        assertThat(order.shippingMethod()).contains("Self Pickup");
        assertThat(order.deliveryAddress()).isEmpty();
        assertThat(order.customer())
                .contains(new OrderCustomer(Optional.of("pat.example@example.com"), Optional.of("Pat Example")));
        assertThat(order.placedAt()).contains(Instant.parse("2020-06-05T20:48:32Z"));
        // Two at 10.70 (options included), net prices: 21.40 + tax 1.87 = 23.27.
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).contains("00050");
            assertThat(line.name()).isEqualTo("The Dark Side");
            assertThat(line.quantity()).isEqualTo(2);
            assertThat(line.platformProductId()).contains("206653686");
            assertThat(line.platformLineId()).isEqualTo("334934802");
            assertThat(line.unitPrice().toDecimalString()).isEqualTo("10.70");
            assertThat(line.discount().toDecimalString()).isEqualTo("0.00");
            assertThat(line.tax().toDecimalString()).isEqualTo("1.87");
            assertThat(line.total().toDecimalString()).isEqualTo("23.27");
        });
        assertThat(order.shipping())
                .containsExactly(new ShippingCharge("Self Pickup", Money.of("0.00", "GBP"), Money.of("0.00", "GBP")));
        assertThat(order.totalTax().toDecimalString()).isEqualTo("1.87");
        assertThat(order.total()).isEqualTo(Money.of("23.27", "GBP"));
        assertThat(order.itemizedTotal()).isEqualTo(order.total());
    }

    @Test
    void aPaidShippedGuestOrderWithAnEmptyEmailAndNoPersonBecomesAFulfilledSaleWithoutCustomer() {
        ChannelOrder order = mapper.map(EcwidFixtures.order("ebjft-coupon-guest"), USD);

        assertThat(order.externalId()).isEqualTo("EBJFT");
        assertThat(order.number()).isEqualTo("EBJFT");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_FULFILLED);
        // No paymentMethod, no paymentModule: an offline method without a name.
        assertThat(order.payment()).isEqualTo(new OrderPayment("not specified", false, Optional.empty()));
        assertThat(order.customer()).isEmpty();
        assertThat(order.deliveryAddress()).isEmpty();
        assertThat(order.phone()).isEmpty();
        assertThat(order.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(order.lines())
                .extracting(
                        OrderLine::sku,
                        OrderLine::name,
                        OrderLine::quantity,
                        l -> l.total().toDecimalString())
                .containsExactly(tuple(Optional.of("000001"), "Pizza", 1L, "500.00"));
        // Shipping 110 (net) + taxesOnShipping 10.
        assertThat(order.shipping())
                .extracting(
                        ShippingCharge::method,
                        c -> c.total().toDecimalString(),
                        c -> c.tax().toDecimalString())
                .containsExactly(tuple("Shipping", "120.00", "10.00"));
        assertThat(order.totalTax().toDecimalString()).isEqualTo("10.00");
        // The canonical total is Ecwid's total to the cent. This docs example's order-level couponDiscount (10) is on
        // no item and its parts add up to 620: the importer's adjustment line carries the difference.
        assertThat(order.total()).isEqualTo(Money.of("600.00", "USD"));
        assertThat(order.itemizedTotal().toDecimalString()).isEqualTo("620.00");
    }

    @Test
    void aCancelledPhoneOrderIsReadCompletelyButIsNotASale() {
        ChannelOrder order = mapper.map(EcwidFixtures.order("lmli4-cancelled-phone-order"), USD);

        assertThat(order.externalId()).isEqualTo("LMLI4");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.SKIP_CANCELLED);
        assertThat(order.platformStatus()).isEqualTo("CANCELLED/AWAITING_PROCESSING");
        assertThat(order.payment()).isEqualTo(new OrderPayment("Phone order", false, Optional.empty()));
        // productId 0 is "no product" (a custom item): absent, while its SKU is kept.
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.platformProductId()).isEmpty();
            assertThat(line.sku()).contains("000012199");
            assertThat(line.quantity()).isEqualTo(2);
            assertThat(line.unitPrice().toDecimalString()).isEqualTo("15.00");
            assertThat(line.total().toDecimalString()).isEqualTo("30.00");
        });
        assertThat(order.shipping())
                .extracting(ShippingCharge::method, c -> c.total().toDecimalString())
                .containsExactly(tuple("Fast Delivery", "10.00"));
        assertThat(order.deliveryAddress())
                .contains("Sam Example\nExample Company\nMy Street\n90002 San Diego\nCalifornia\nUnited States");
        assertThat(order.customer())
                .contains(new OrderCustomer(Optional.of("example@example.com"), Optional.of("Sam Example")));
        assertThat(order.updatedAt()).isEqualTo(Instant.ofEpochSecond(1636153028L));
        assertThat(order.total()).isEqualTo(Money.of("40.00", "USD"));
        assertThat(order.itemizedTotal()).isEqualTo(order.total());
    }

    @Test
    void anUnpaidOrderWithoutPaymentMethodShippingOptionOrShippingPersonBecomesAnUnpaidSaleWithoutShipping() {
        ChannelOrder order = mapper.map(EcwidFixtures.order("isjfz-no-payment-method"), EUR);

        assertThat(order.externalId()).isEqualTo("ISJFZ");
        assertThat(order.number()).isEqualTo("ISJFZ");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_UNPAID);
        assertThat(order.payment()).isEqualTo(new OrderPayment("not specified", false, Optional.empty()));
        assertThat(order.shipping()).isEmpty();
        assertThat(order.shippingMethod()).isEmpty();
        assertThat(order.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(order.deliveryAddress()).isEmpty();
        // A unicode billing name, the only name on the order.
        assertThat(order.customer())
                .contains(new OrderCustomer(
                        Optional.of("customer@example.com"), Optional.of("[DEMO] Actualización para desbloquear")));
        // Gross prices, no tax: 10 is 10.
        assertThat(order.lines())
                .extracting(OrderLine::sku, OrderLine::name, l -> l.total().toDecimalString())
                .containsExactly(tuple(Optional.of("00001291"), "Prueba Review", "10.00"));
        assertThat(order.total()).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(order.itemizedTotal()).isEqualTo(order.total());
    }
}
