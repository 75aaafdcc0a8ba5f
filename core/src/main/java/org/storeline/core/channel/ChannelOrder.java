package org.storeline.core.channel;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.storeline.core.money.Money;

/**
 * A platform's order in Storeline's terms: what every connector's mapper produces (its anti-corruption
 * layer) and the order import consumes. Ids from platforms are strings; money is exact; times are UTC.
 *
 * <p>Amounts are as the platform reports them: each line's {@code total} is what the customer pays for it,
 * tax included and discounts taken off; {@code total} is the platform's order total. The import makes the
 * sale's total equal it to the cent.
 *
 * @param externalId        the platform's order id (used in its API), never a number type
 * @param number            the order number the customer sees ("#1001", "ORD00018")
 * @param platformStatus    the platform's own status words, for the activity log ("paid/unfulfilled")
 * @param placedAt          when the order was placed on the platform (its creation time): the sale's date. Empty when
 *                          the order carries no creation time that can be read; the import time stands in for it
 *                          and the activity log says so
 * @param updatedAt         the platform's last-modified time: events of one order apply in this order
 * @param amountPaid        for an order the platform reports partly paid
 *                          ({@link OrderDisposition#IMPORT_PARTIALLY_PAID}): the part already paid, as the platform's
 *                          order says it. Empty when the order does not say (then the sale is recorded unpaid and the
 *                          activity log says why), and for every other disposition: a paid order is paid in full, an
 *                          unpaid one not at all
 * @param progress          for a platform whose status changes are taken in (Ecwid, STS-1..4), whether the order is
 *                          paid and where its goods are, in this system's words; empty for every other platform (its
 *                          later versions are logged, not applied: ORD-6)
 */
public record ChannelOrder(
        String externalId,
        String number,
        String platformStatus,
        OrderDisposition disposition,
        Optional<Instant> placedAt,
        Instant updatedAt,
        Currency currency,
        Optional<OrderCustomer> customer,
        List<OrderLine> lines,
        List<ShippingCharge> shipping,
        Money totalTax,
        Money total,
        OrderPayment payment,
        Optional<Money> amountPaid,
        FulfillmentType fulfillmentType,
        Optional<String> shippingMethod,
        Optional<String> deliveryAddress,
        Optional<String> phone,
        Optional<String> customerNote,
        Optional<OrderProgress> progress) {

    public ChannelOrder {
        Objects.requireNonNull(progress, "progress");
        lines = List.copyOf(lines);
        shipping = List.copyOf(shipping);
        if (amountPaid.isPresent() && disposition != OrderDisposition.IMPORT_PARTIALLY_PAID) {
            throw new IllegalArgumentException(
                    "Only a partly paid order says how much is paid; this one is " + disposition);
        }
        if (amountPaid.isPresent() && !amountPaid.get().currency().equals(currency)) {
            throw new IllegalArgumentException(
                    "The amount paid is in " + amountPaid.get().currency() + ", the order in " + currency);
        }
    }

    /** An order of a platform that reports no {@link OrderProgress} (every platform but Ecwid). */
    public ChannelOrder(
            String externalId,
            String number,
            String platformStatus,
            OrderDisposition disposition,
            Optional<Instant> placedAt,
            Instant updatedAt,
            Currency currency,
            Optional<OrderCustomer> customer,
            List<OrderLine> lines,
            List<ShippingCharge> shipping,
            Money totalTax,
            Money total,
            OrderPayment payment,
            Optional<Money> amountPaid,
            FulfillmentType fulfillmentType,
            Optional<String> shippingMethod,
            Optional<String> deliveryAddress,
            Optional<String> phone,
            Optional<String> customerNote) {
        this(
                externalId,
                number,
                platformStatus,
                disposition,
                placedAt,
                updatedAt,
                currency,
                customer,
                lines,
                shipping,
                totalTax,
                total,
                payment,
                amountPaid,
                fulfillmentType,
                shippingMethod,
                deliveryAddress,
                phone,
                customerNote,
                Optional.empty());
    }

    /**
     * What the platform's own lines and shipping charges add up to. Where it differs from {@link #total()}, the
     * import adds a flagged adjustment line so that the sale still equals the platform's total.
     */
    public Money itemizedTotal() {
        Money sum = Money.zero(currency);
        for (OrderLine line : lines) {
            sum = sum.plus(line.total());
        }
        for (ShippingCharge charge : shipping) {
            sum = sum.plus(charge.total());
        }
        return sum;
    }

    /** A buyer as the platform knows them: the email is the key (CUS-1); the name may be missing (CUS-4). */
    public record OrderCustomer(Optional<String> email, Optional<String> name) {}

    /**
     * One product line. {@code sku} may be empty (custom items); {@code platformProductId} and
     * {@code platformVariantId} identify it on the platform. {@code unitPrice} is the platform's unit price,
     * {@code discount} the discount on the whole line, {@code tax} its tax and {@code total} what is paid.
     */
    public record OrderLine(
            String platformLineId,
            Optional<String> sku,
            Optional<String> platformProductId,
            Optional<String> platformVariantId,
            String name,
            long quantity,
            Money unitPrice,
            Money discount,
            Money tax,
            Money total) {}

    /** A shipping fee: its method's name, the amount paid (tax included) and the tax in it. */
    public record ShippingCharge(String method, Money total, Money tax) {}

    /**
     * How the order is (to be) paid: the platform's method name ("bacs", "Stripe", "Pay by cash"), whether
     * it is integrated (a processor confirms it: ORD-5) and the processor's name to show.
     */
    public record OrderPayment(String method, boolean integrated, Optional<String> processor) {}
}
