package org.storeline.core.orderimport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.storeline.core.catalog.Product;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.sale.SaleLine;

/**
 * Turns a platform order's amounts into sale lines, exactly as the platform reports them: product lines,
 * one line of the shipping fee product per shipping charge (ORD-4), and, where the platform's own lines,
 * shipping and taxes do not add up to its total, one adjustment line so that the sale's total equals the
 * platform's to the cent (flagged for staff).
 */
final class SaleLines {
    private SaleLines() {}

    static SaleLine product(ChannelOrder.OrderLine line, Optional<Product> product) {
        return new SaleLine(
                Ids.newId(),
                product.map(Product::id),
                line.sku().orElse(product.map(Product::sku).orElse("")),
                line.name(),
                line.quantity(),
                line.unitPrice(),
                line.discount(),
                impliedRate(line.tax(), line.total()),
                line.tax(),
                line.total(),
                false,
                product.isEmpty());
    }

    static SaleLine shipping(ChannelOrder.ShippingCharge charge, Product shippingFee) {
        return new SaleLine(
                Ids.newId(),
                Optional.of(shippingFee.id()),
                shippingFee.sku(),
                shippingFee.name() + ": " + charge.method(),
                1,
                charge.total(),
                Money.zero(charge.total().currency()),
                impliedRate(charge.tax(), charge.total()),
                charge.tax(),
                charge.total(),
                true,
                false);
    }

    /** The adjustment that makes the lines add up to the platform's total and total tax, if they do not already. */
    static Optional<SaleLine> adjustment(List<SaleLine> lines, ChannelOrder order) {
        Money total = Money.zero(order.currency());
        Money tax = Money.zero(order.currency());
        for (SaleLine line : lines) {
            total = total.plus(line.total());
            tax = tax.plus(line.tax());
        }
        Money missingTotal = order.total().minus(total);
        Money missingTax = order.totalTax().minus(tax);
        if (missingTotal.isZero() && missingTax.isZero()) {
            return Optional.empty();
        }
        return Optional.of(new SaleLine(
                Ids.newId(),
                Optional.empty(),
                "ADJUSTMENT",
                "Difference from the platform's order total (check the order)",
                1,
                missingTotal,
                Money.zero(order.currency()),
                TaxRate.NONE,
                missingTax,
                missingTotal,
                false,
                false,
                true));
    }

    static List<SaleLine> all(ChannelOrder order, List<Optional<Product>> products, Supplier<Product> shippingFee) {
        List<SaleLine> lines = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            lines.add(product(order.lines().get(i), products.get(i)));
        }
        // Asked for only when there is a charge: the shipping fee product is made the first time one arrives (ORD-4).
        order.shipping().forEach(charge -> lines.add(shipping(charge, shippingFee.get())));
        adjustment(lines, order).ifPresent(lines::add);
        return lines;
    }

    /**
     * The rate the platform's tax implies (tax / amount before tax), for reports; 0 when there is nothing to divide.
     */
    private static TaxRate impliedRate(Money tax, Money total) {
        BigDecimal net = total.amount().subtract(tax.amount());
        if (net.signum() <= 0 || tax.amount().signum() <= 0) {
            return TaxRate.NONE;
        }
        BigDecimal rate = tax.amount().divide(net, 4, RoundingMode.HALF_UP);
        return rate.compareTo(BigDecimal.ONE) > 0 ? TaxRate.NONE : new TaxRate(rate);
    }
}
