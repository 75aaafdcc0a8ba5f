package org.storeline.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.storeline.core.channel.ChannelOrder.OrderLine;
import org.storeline.core.channel.ChannelOrder.OrderPayment;
import org.storeline.core.channel.ChannelOrder.ShippingCharge;
import org.storeline.core.money.Money;

class ChannelOrderTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void theItemizedTotalAddsTheLinesAndTheShippingChargesNotThePlatformsTotal() {
        ChannelOrder order = new ChannelOrder(
                "1",
                "#1",
                "paid",
                OrderDisposition.IMPORT_PAID,
                Optional.of(Instant.EPOCH),
                Instant.EPOCH,
                EUR,
                Optional.empty(),
                List.of(line("12.10"), line("7.26")),
                List.of(new ShippingCharge("Flat rate", eur("5.00"), eur("0.00"))),
                eur("3.36"),
                eur("20.00"),
                new OrderPayment("stripe", true, Optional.of("Stripe")),
                Optional.empty(),
                FulfillmentType.DELIVERY,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        assertThat(order.itemizedTotal()).isEqualTo(eur("24.36"));
    }

    @Test
    void anOrderWithoutLinesOrShippingIsItemizedAtZero() {
        ChannelOrder order = new ChannelOrder(
                "2",
                "#2",
                "paid",
                OrderDisposition.IMPORT_PAID,
                Optional.of(Instant.EPOCH),
                Instant.EPOCH,
                EUR,
                Optional.empty(),
                List.of(),
                List.of(),
                eur("0.00"),
                eur("9.99"),
                new OrderPayment("manual", false, Optional.empty()),
                Optional.empty(),
                FulfillmentType.PICKUP,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        assertThat(order.itemizedTotal()).isEqualTo(Money.zero(EUR));
    }

    @Test
    void onlyAPartlyPaidOrderSaysHowMuchIsPaidAndInItsOwnCurrency() {
        assertThat(partlyPaid(OrderDisposition.IMPORT_PARTIALLY_PAID, eur("4.00"))
                        .amountPaid())
                .contains(eur("4.00"));
        assertThatThrownBy(() -> partlyPaid(OrderDisposition.IMPORT_PAID, eur("4.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IMPORT_PAID");
        assertThatThrownBy(() -> partlyPaid(OrderDisposition.IMPORT_PARTIALLY_PAID, Money.of("4.00", "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD");
    }

    private static ChannelOrder partlyPaid(OrderDisposition disposition, Money paid) {
        return new ChannelOrder(
                "3",
                "#3",
                "partially_paid",
                disposition,
                Optional.empty(),
                Instant.EPOCH,
                EUR,
                Optional.empty(),
                List.of(line("10.00")),
                List.of(),
                eur("0.00"),
                eur("10.00"),
                new OrderPayment("manual", false, Optional.empty()),
                Optional.of(paid),
                FulfillmentType.DELIVERY,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static OrderLine line(String total) {
        return new OrderLine(
                "line-" + total,
                Optional.of("SKU"),
                Optional.empty(),
                Optional.empty(),
                "Product",
                1,
                eur(total),
                eur("0.00"),
                eur("0.00"),
                eur(total));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
