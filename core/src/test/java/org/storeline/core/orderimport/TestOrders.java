package org.storeline.core.orderimport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.channel.OrderProgress;
import org.storeline.core.money.Money;

/**
 * Platform orders for the import's unit tests, in EUR, built line by line. Unless {@link #totals} says otherwise
 * the platform's totals are what its lines and shipping add up to, so no adjustment is needed.
 */
final class TestOrders {
    static final Currency EUR = Currency.getInstance("EUR");
    static final Instant PLACED = Instant.parse("2026-03-02T09:15:00Z");

    private final String externalId;
    private Optional<ChannelOrder.OrderCustomer> customer = Optional.empty();
    private final List<ChannelOrder.OrderLine> lines = new ArrayList<>();
    private final List<ChannelOrder.ShippingCharge> shipping = new ArrayList<>();
    private Optional<Money> total = Optional.empty();
    private Optional<Money> totalTax = Optional.empty();
    private OrderDisposition disposition = OrderDisposition.IMPORT_PAID;
    private FulfillmentType type = FulfillmentType.DELIVERY;
    private Optional<String> shippingMethod = Optional.empty();
    private Optional<Instant> placedAt = Optional.of(PLACED);
    private Optional<Money> amountPaid = Optional.empty();
    private Optional<OrderProgress> progress = Optional.empty();
    private ChannelOrder.OrderPayment payment = new ChannelOrder.OrderPayment("stripe", true, Optional.of("Stripe"));

    private TestOrders(String externalId) {
        this.externalId = externalId;
    }

    static TestOrders order(String externalId) {
        return new TestOrders(externalId);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** The buyer; a null email or name is one the platform did not send. */
    TestOrders customer(String email, String name) {
        customer = Optional.of(new ChannelOrder.OrderCustomer(Optional.ofNullable(email), Optional.ofNullable(name)));
        return this;
    }

    /** A line of {@code quantity} at {@code unitPrice}, paying {@code total} (tax included) of which {@code tax}. */
    TestOrders line(String sku, long quantity, String unitPrice, String total, String tax) {
        return line(Optional.ofNullable(sku), Optional.empty(), quantity, unitPrice, total, tax);
    }

    /** A line as the platform identifies it: maybe a SKU, maybe its own variant id. */
    TestOrders line(
            Optional<String> sku,
            Optional<String> variantId,
            long quantity,
            String unitPrice,
            String total,
            String tax) {
        int n = lines.size() + 1;
        lines.add(new ChannelOrder.OrderLine(
                "line-" + n,
                sku,
                Optional.of("product-" + n),
                variantId,
                "Item " + sku.orElse("#" + n),
                quantity,
                eur(unitPrice),
                eur("0.00"),
                eur(tax),
                eur(total)));
        return this;
    }

    TestOrders shipping(String method, String total, String tax) {
        shipping.add(new ChannelOrder.ShippingCharge(method, eur(total), eur(tax)));
        shippingMethod = Optional.of(method);
        return this;
    }

    TestOrders totals(String orderTotal, String orderTax) {
        total = Optional.of(eur(orderTotal));
        totalTax = Optional.of(eur(orderTax));
        return this;
    }

    TestOrders disposition(OrderDisposition value) {
        disposition = value;
        return this;
    }

    /** Partly paid, the platform saying {@code paid} is paid (null: it does not say how much). */
    TestOrders partlyPaid(String paid) {
        disposition = OrderDisposition.IMPORT_PARTIALLY_PAID;
        amountPaid = Optional.ofNullable(paid).map(TestOrders::eur);
        return this;
    }

    /** Paid (or to be paid) by a method no processor confirms: bank transfer, cash on delivery. */
    TestOrders offline(String method) {
        payment = new ChannelOrder.OrderPayment(method, false, Optional.empty());
        return this;
    }

    /** An order without a creation time that could be read. */
    TestOrders undated() {
        placedAt = Optional.empty();
        return this;
    }

    TestOrders pickup() {
        type = FulfillmentType.PICKUP;
        return this;
    }

    /** As a platform that reports its progress (Ecwid) says it is. */
    TestOrders progress(OrderProgress.Payment paid, OrderProgress.Fulfillment goods) {
        progress = Optional.of(new OrderProgress(paid, goods));
        return this;
    }

    ChannelOrder build() {
        Money itemizedTotal = Money.zero(EUR);
        Money itemizedTax = Money.zero(EUR);
        for (ChannelOrder.OrderLine line : lines) {
            itemizedTotal = itemizedTotal.plus(line.total());
            itemizedTax = itemizedTax.plus(line.tax());
        }
        for (ChannelOrder.ShippingCharge charge : shipping) {
            itemizedTotal = itemizedTotal.plus(charge.total());
            itemizedTax = itemizedTax.plus(charge.tax());
        }
        return new ChannelOrder(
                externalId,
                "#" + externalId,
                "processing",
                disposition,
                placedAt,
                PLACED,
                EUR,
                customer,
                lines,
                shipping,
                totalTax.orElse(itemizedTax),
                total.orElse(itemizedTotal),
                payment,
                amountPaid,
                type,
                shippingMethod,
                Optional.of("1 Main Street"),
                Optional.empty(),
                Optional.empty(),
                progress);
    }
}
