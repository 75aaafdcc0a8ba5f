package org.storeline.core.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.returns.StockOrigins.Share;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;

/** Returned and cancelled units go back to the outlets they were taken from, in the fulfillments' order. */
class StockOriginsTest {
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final SaleLine tee = line(Optional.of(UUID.randomUUID()), 5);
    private final SaleLine unmatched = line(Optional.empty(), 1);
    private final Sale sale = Sale.fromChannel(
            Ids.newId(),
            "1-000002",
            NOW,
            A,
            UUID.randomUUID(),
            new ChannelOrderRef(UUID.randomUUID(), "42", "42", NOW),
            Money.of("0", "EUR").currency(),
            Optional.empty(),
            List.of(tee, unmatched),
            "",
            false);

    private static SaleLine line(Optional<UUID> product, long quantity) {
        return SaleLine.price(
                UUID.randomUUID(),
                product,
                "SKU",
                "Item",
                quantity,
                Money.of("2.00", "EUR"),
                Money.of("0", "EUR"),
                TaxRate.NONE,
                false);
    }

    private Fulfillment at(UUID outlet, SaleLine line, long quantity) {
        return new Fulfillment(
                Ids.newId(),
                sale.id(),
                outlet,
                FulfillmentType.DELIVERY,
                FulfillmentStatus.NEW,
                List.of(new Fulfillment.Item(line.id(), line.sku(), line.name(), quantity, 0)),
                NOW,
                Optional.empty());
    }

    @Test
    void aLineSplitOverTwoOutletsGoesBackFirstToTheFirstFulfillmentsOutlet() {
        StockOrigins origins = StockOrigins.ofFulfillments(sale, List.of(at(A, tee, 2), at(B, tee, 3)));

        assertThat(origins.take(tee.id(), 0, 1)).containsExactly(new Share(A, 1));
        assertThat(origins.take(tee.id(), 1, 3)).containsExactly(new Share(A, 1), new Share(B, 2));
        assertThat(origins.take(tee.id(), 2, 3)).containsExactly(new Share(B, 3));
    }

    @Test
    void aLineThatTookNoStockGoesBackNowhere() {
        StockOrigins origins = StockOrigins.ofFulfillments(sale, List.of(at(A, tee, 5), at(A, unmatched, 1)));

        assertThat(origins.take(unmatched.id(), 0, 1)).isEmpty();
    }

    @Test
    void anInStoreSaleGoesBackToItsOutletAndAChosenOutletTakesEverything() {
        StockOrigins split = StockOrigins.ofFulfillments(sale, List.of(at(A, tee, 2), at(B, tee, 3)));
        UUID chosen = UUID.randomUUID();

        assertThat(StockOrigins.ofInStoreSale(sale).take(tee.id(), 4, 1)).containsExactly(new Share(A, 1));
        assertThat(split.allAt(chosen).take(tee.id(), 0, 5)).containsExactly(new Share(chosen, 5));
    }
}
