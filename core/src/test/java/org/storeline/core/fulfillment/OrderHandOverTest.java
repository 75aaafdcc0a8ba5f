package org.storeline.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;

/**
 * A split pickup order handed over as a whole at one counter (FUL-7): offered once every other part is packed and
 * brought over, refused while one is still picked elsewhere or is a delivery, and never before it is paid (FUL-4).
 */
class OrderHandOverTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final UUID COUNTER = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final PaymentType CASH =
            new PaymentType(UUID.randomUUID(), "Cash", PaymentKind.CASH, Optional.empty(), Instant.EPOCH);

    private final SaleLine tee = line("TEE-1", "Tee");
    private final SaleLine mug = line("MUG-1", "Mug");
    private final Sale sale = Sale.fromChannel(
            Ids.newId(),
            "1-000042",
            NOW,
            COUNTER,
            UUID.randomUUID(),
            new ChannelOrderRef(UUID.randomUUID(), "42", "42", NOW),
            Money.of("0", "EUR").currency(),
            Optional.empty(),
            List.of(tee, mug),
            "",
            false);

    @Test
    void theCounterHandsOverItsOwnPartAndThePartPackedAndBroughtOverFromTheOtherOutletOnceThePaymentIsTaken() {
        Fulfillment here = part(COUNTER, tee, FulfillmentType.PICKUP, FulfillmentStatus.PACKED);
        Fulfillment there = part(OTHER, mug, FulfillmentType.PICKUP, FulfillmentStatus.PACKED);
        List<Fulfillment> all = List.of(here, there);

        assertThat(OrderHandOver.offered(here, all)).isTrue();
        assertThat(OrderHandOver.offered(there, all)).as("either counter").isTrue();
        List<Fulfillment> parts = OrderHandOver.parts(here, all);
        assertThat(parts).containsExactly(here, there);
        assertRefused(ErrorCode.PAYMENT_REQUIRED, () -> parts.get(0).handOver(sale));

        sale.applyPayment(CASH, sale.balance(), NOW, UUID.randomUUID(), Optional.empty(), Optional.empty());
        parts.forEach(f -> f.handOver(sale));

        assertThat(all).extracting(Fulfillment::status).containsOnly(FulfillmentStatus.PICKED_UP);
    }

    @Test
    void aPartStillPickedElsewhereKeepsTheWholeOrderFromBeingHandedOverNamingThePart() {
        Fulfillment here = part(COUNTER, tee, FulfillmentType.PICKUP, FulfillmentStatus.PACKED);
        Fulfillment there = part(OTHER, mug, FulfillmentType.PICKUP, FulfillmentStatus.IN_PROGRESS);
        List<Fulfillment> all = List.of(here, there);

        assertThat(OrderHandOver.offered(here, all)).isFalse();
        assertThat(catchThrowable(() -> OrderHandOver.parts(here, all)))
                .hasMessageStartingWith("Part 2 of 2 of this order, at another outlet, is in progress, not packed:");
        assertRefused(ErrorCode.INVALID_TRANSITION, () -> OrderHandOver.parts(here, all));
        assertThat(all)
                .extracting(Fulfillment::status)
                .containsExactly(FulfillmentStatus.PACKED, FulfillmentStatus.IN_PROGRESS);
    }

    @Test
    void onlyASplitPickupWhoseCounterPartIsPackedIsOfferedAndACompletedPartIsLeftAlone() {
        Fulfillment here = part(COUNTER, tee, FulfillmentType.PICKUP, FulfillmentStatus.PACKED);
        Fulfillment alone = part(COUNTER, tee, FulfillmentType.PICKUP, FulfillmentStatus.PACKED);
        Fulfillment fresh = part(COUNTER, tee, FulfillmentType.PICKUP, FulfillmentStatus.NEW);
        Fulfillment packed = part(OTHER, mug, FulfillmentType.PICKUP, FulfillmentStatus.PACKED);
        Fulfillment collected = part(OTHER, mug, FulfillmentType.PICKUP, FulfillmentStatus.PICKED_UP);
        Fulfillment delivery = part(OTHER, mug, FulfillmentType.DELIVERY, FulfillmentStatus.PACKED);

        assertThat(OrderHandOver.offered(alone, List.of(alone))).as("not split").isFalse();
        assertThat(OrderHandOver.offered(fresh, List.of(fresh, packed)))
                .as("counter part not packed")
                .isFalse();
        assertThat(OrderHandOver.offered(here, List.of(here, collected)))
                .as("nothing else to hand over")
                .isFalse();
        assertThat(OrderHandOver.offered(here, List.of(here, delivery)))
                .as("a delivery")
                .isFalse();
        assertRefused(ErrorCode.INVALID_TRANSITION, () -> OrderHandOver.parts(here, List.of(here, delivery)));
        assertThat(OrderHandOver.parts(here, List.of(collected, here, packed))).containsExactly(here, packed);
    }

    private Fulfillment part(UUID outlet, SaleLine line, FulfillmentType type, FulfillmentStatus status) {
        return new Fulfillment(
                Ids.newId(),
                sale.id(),
                outlet,
                type,
                status,
                List.of(new Fulfillment.Item(line.id(), line.sku(), line.name(), 1, 0, line.productId())),
                NOW,
                Optional.empty());
    }

    private static SaleLine line(String sku, String name) {
        return SaleLine.price(
                UUID.randomUUID(),
                Optional.of(UUID.randomUUID()),
                sku,
                name,
                1,
                Money.of("5.00", "EUR"),
                Money.of("0", "EUR"),
                TaxRate.NONE,
                false);
    }
}
