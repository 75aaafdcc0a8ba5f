package org.storeline.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.Email;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.outlet.Language;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;
import org.storeline.core.sale.SaleSource;
import org.storeline.core.sale.SaleStatus;

class PackingSlipServiceTest {
    private static final Instant SOLD = Instant.parse("2026-12-07T23:30:00Z");
    private static final Outlet GENT =
            new Outlet(UUID.randomUUID(), 3, "Gent", ZoneId.of("Europe/Brussels"), Language.NL, Instant.EPOCH);

    private final SaleLine tee = line("TEE", "T-shirt", 2, false, false);
    private final SaleLine lost = line("LOST", "Unknown thing", 1, false, true);
    private final SaleLine fee = line("SHIPPING", "Shipping", 1, true, false);

    private static SaleLine line(String sku, String name, long quantity, boolean shippingFee, boolean unmatched) {
        Money price = Money.of("10.00", "EUR");
        return new SaleLine(
                UUID.randomUUID(),
                unmatched ? Optional.empty() : Optional.of(UUID.randomUUID()),
                sku,
                name,
                quantity,
                price,
                Money.of("0.00", "EUR"),
                TaxRate.NONE,
                Money.of("0.00", "EUR"),
                price,
                shippingFee,
                unmatched);
    }

    private Sale sale(String note, Optional<UUID> customer) {
        return new Sale(
                UUID.randomUUID(),
                "1-000042",
                SOLD,
                UUID.randomUUID(),
                UUID.randomUUID(),
                SaleSource.ONLINE,
                Optional.of(new ChannelOrderRef(UUID.randomUUID(), "727", "#727", SOLD)),
                SaleStatus.OPEN,
                Currency.getInstance("EUR"),
                customer,
                List.of(tee, lost, fee),
                List.of(),
                note,
                Optional.empty());
    }

    private Fulfillment fulfillment(Sale sale, SaleLine... lines) {
        return new Fulfillment(
                UUID.randomUUID(),
                sale.id(),
                GENT.id(),
                FulfillmentType.DELIVERY,
                FulfillmentStatus.NEW,
                List.of(lines).stream()
                        .map(l -> new Fulfillment.Item(l.id(), l.sku(), l.name(), l.quantity(), 0))
                        .toList(),
                SOLD,
                Optional.empty());
    }

    @Test
    void itemsAreTheFulfillmentsWithUnmatchedOnesMarkedAndNeverTheShippingFee() {
        Sale sale = sale("", Optional.empty());

        PackingSlip slip = PackingSlipService.slip(fulfillment(sale, tee, lost, fee), sale, GENT, Optional.empty());

        assertThat(slip.lines())
                .containsExactly(
                        new PackingSlip.Line("TEE", "T-shirt", 2, false),
                        new PackingSlip.Line("LOST", "Unknown thing", 1, true));
        assertThat(slip.units()).isEqualTo(3);
    }

    @Test
    void theDateIsTheSalesInTheOutletsZoneAndTheWordsTheOutletsLanguage() {
        Sale sale = sale("", Optional.empty());

        PackingSlip slip = PackingSlipService.slip(fulfillment(sale, tee), sale, GENT, Optional.empty());

        assertThat(slip.orderedAt().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-12-08T00:30"));
        assertThat(slip.language()).isEqualTo(Language.NL);
        assertThat(slip.receiptNumber()).isEqualTo("1-000042");
        assertThat(slip.orderNumber()).contains("#727");
        assertThat(slip.outletName()).isEqualTo("Gent");
        assertThat(slip.isPickList()).isFalse();
    }

    @Test
    void customerAndDeliveryDetailsComeFromTheSaleNote() {
        Sale sale = sale(
                "Order #727 from Web (woocommerce)\nCustomer: Jan Peeters <jan@example.com>\n"
                        + "Delivery: delivery by PostNL\n  Kerkstraat 1\n  9000 Gent\nCustomer's note: Bel aan",
                Optional.empty());

        PackingSlip slip = PackingSlipService.slip(fulfillment(sale, tee), sale, GENT, Optional.empty());

        assertThat(slip.customer()).contains("Jan Peeters <jan@example.com>");
        assertThat(slip.shippingMethod()).contains("PostNL");
        assertThat(slip.address()).containsExactly("Kerkstraat 1", "9000 Gent");
        assertThat(slip.customerNote()).contains("Bel aan");
        assertThat(slip.saleNote()).isEmpty();
    }

    @Test
    void aNoteWithoutContactFallsBackToTheCustomersProfileAndKeepsStaffsLines() {
        Customer customer =
                new Customer(UUID.randomUUID(), "Jan Peeters", Optional.of(Email.of("jan@example.com")), SOLD);
        Sale sale = sale("Leave at the back door", Optional.of(customer.id()));

        PackingSlip slip = PackingSlipService.slip(fulfillment(sale, tee), sale, GENT, Optional.of(customer));

        assertThat(slip.customer()).contains("Jan Peeters <jan@example.com>");
        assertThat(slip.saleNote()).containsExactly("Leave at the back door");
    }
}
