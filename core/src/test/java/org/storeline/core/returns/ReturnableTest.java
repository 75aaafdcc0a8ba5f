package org.storeline.core.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;

/** The remaining-quantity rule: never more back than sold minus already returned, per line. */
class ReturnableTest {
    private final SaleLine tee = line("Tee", 3);
    private final SaleLine mug = line("Mug", 1);
    private final Sale sale = Sale.ringUp(
            "1-000001",
            Instant.parse("2026-12-06T10:00:00Z"),
            UUID.randomUUID(),
            UUID.randomUUID(),
            Optional.empty(),
            List.of(tee, mug),
            UUID.randomUUID());

    private static SaleLine line(String name, long quantity) {
        return SaleLine.price(
                UUID.randomUUID(),
                Optional.of(UUID.randomUUID()),
                name.toUpperCase(),
                name,
                quantity,
                Money.of("10.00", "EUR"),
                Money.of("0", "EUR"),
                TaxRate.of("0.21"),
                false);
    }

    private static Returnable.Requested back(SaleLine line, long quantity) {
        return new Returnable.Requested(line.id(), quantity);
    }

    @Test
    void aLineGivesBackWhatIsLeftAfterEarlierReturns() {
        List<Returnable.Taking> takings = Returnable.check(sale, Map.of(tee.id(), 1L), List.of(back(tee, 2)));

        assertThat(takings).singleElement().satisfies(t -> {
            assertThat(t.before()).isEqualTo(1);
            assertThat(t.quantity()).isEqualTo(2);
        });
    }

    @Test
    void oneUnitMoreThanIsLeftIsRefusedNamingTheLineAndWhatIsLeft() {
        assertThatThrownBy(() -> Returnable.check(sale, Map.of(tee.id(), 2L), List.of(back(tee, 2))))
                .isInstanceOfSatisfying(StorelineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RETURN_EXCEEDS_SOLD);
                    assertThat(e.getMessage())
                            .contains("'Tee'")
                            .contains("only 1 of the 3 sold is left")
                            .contains("2 returned already");
                });
    }

    @Test
    void aLineReturnedInFullHasNothingLeft() {
        assertRefused(
                ErrorCode.RETURN_EXCEEDS_SOLD,
                () -> Returnable.check(sale, Map.of(mug.id(), 1L), List.of(back(mug, 1))));
        assertThat(Returnable.left(mug, 1)).isZero();
    }

    @Test
    void eachLineIsCheckedOnItsOwn() {
        assertRefused(
                ErrorCode.RETURN_EXCEEDS_SOLD,
                () -> Returnable.check(sale, Map.of(), List.of(back(tee, 3), back(mug, 2))));
        assertThat(Returnable.check(sale, Map.of(), List.of(back(tee, 3), back(mug, 1))))
                .hasSize(2);
    }

    @Test
    void aLineNamedTwiceNoLineAZeroQuantityOrALineOfAnotherSaleAreRefused() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Returnable.check(sale, Map.of(), List.of()));
        assertRefused(
                ErrorCode.INVALID_REQUEST, () -> Returnable.check(sale, Map.of(), List.of(back(tee, 1), back(tee, 1))));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Returnable.check(sale, Map.of(), List.of(back(tee, 0))));
        assertRefused(
                ErrorCode.INVALID_REQUEST, () -> Returnable.check(sale, Map.of(), List.of(back(line("Other", 1), 1))));
    }

    @Test
    void everythingLeftIsWhatEachLineHasNotGivenBackYet() {
        List<Returnable.Taking> left = Returnable.everythingLeft(sale, Map.of(tee.id(), 1L, mug.id(), 1L));

        assertThat(left).singleElement().satisfies(t -> {
            assertThat(t.line()).isEqualTo(tee);
            assertThat(t.before()).isEqualTo(1);
            assertThat(t.quantity()).isEqualTo(2);
        });
    }
}
