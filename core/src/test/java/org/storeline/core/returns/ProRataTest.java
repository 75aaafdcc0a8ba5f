package org.storeline.core.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.sale.SaleLine;

/** The pro-rata rule: returns share a line's amounts over its units exactly, in any number of returns. */
class ProRataTest {
    private static final long SEED = 20_261_206L;

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void threeReturnsOfOneUnitEachGiveBackExactlyTheTotalOfALineOfThree() {
        Money total = eur("10.00");

        Money first = ProRata.share(total, 3, 0, 1);
        Money second = ProRata.share(total, 3, 1, 1);
        Money third = ProRata.share(total, 3, 2, 1);

        assertThat(List.of(first, second, third)).containsExactly(eur("3.33"), eur("3.34"), eur("3.33"));
        assertThat(first.plus(second).plus(third)).isEqualTo(total);
    }

    @Test
    void returningEveryUnitAtOnceGivesBackTheWholeAmount() {
        assertThat(ProRata.share(eur("24.21"), 7, 0, 7)).isEqualTo(eur("24.21"));
    }

    @Test
    void aShareIsTheExactProportionRoundedHalfUp() {
        // 2 of 3 units of 0.05: the exact share is 0.0333..., rounded 0.03; the last unit carries 0.02.
        assertThat(ProRata.share(eur("0.05"), 3, 0, 2)).isEqualTo(eur("0.03"));
        assertThat(ProRata.share(eur("0.05"), 3, 2, 1)).isEqualTo(eur("0.02"));
    }

    @Test
    void aNegativeAmountIsSharedTheSameWay() {
        Money adjustment = eur("-1.00");
        assertThat(ProRata.share(adjustment, 3, 0, 1).plus(ProRata.share(adjustment, 3, 1, 2)))
                .isEqualTo(adjustment);
    }

    @Test
    void moreUnitsThanTheLineHasAreRefused() {
        assertThatThrownBy(() -> ProRata.share(eur("1.00"), 2, 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anyWayOfReturningAllUnitsSumsExactlyToTheLineAndEachShareIsWithinACentOfItsProportion() {
        qt().withFixedSeed(SEED)
                .withExamples(1_000)
                .forAll(
                        longs().between(-10_000_000L, 10_000_000L),
                        lists().of(integers().between(1, 50)).ofSizeBetween(1, 12))
                .checkAssert((cents, parts) -> {
                    Money whole = Money.of(BigDecimal.valueOf(cents, 2), eur("0").currency());
                    long units = parts.stream().mapToLong(Integer::longValue).sum();
                    Money sum = eur("0");
                    long before = 0;
                    for (int part : parts) {
                        Money share = ProRata.share(whole, units, before, part);
                        BigDecimal exact = whole.amount()
                                .multiply(BigDecimal.valueOf(part))
                                .divide(BigDecimal.valueOf(units), 10, RoundingMode.HALF_UP);
                        assertThat(share.amount().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
                        sum = sum.plus(share);
                        before += part;
                    }
                    assertThat(sum).isEqualTo(whole);
                });
    }

    @Test
    void aReturnLineIsTheOriginalNegatedPartByPart() {
        SaleLine original = SaleLine.price(
                UUID.randomUUID(),
                Optional.of(UUID.randomUUID()),
                "TEE",
                "T-shirt",
                3,
                eur("10.00"),
                eur("1.00"),
                TaxRate.of("0.21"),
                false); // 29.00 net, 6.09 tax, 35.09 total

        SaleLine first = ProRata.returnLine(original, 0, 1);
        SaleLine rest = ProRata.returnLine(original, 1, 2);

        assertThat(first.quantity()).isEqualTo(-1);
        assertThat(first.returnedLineId()).contains(original.id());
        assertThat(first.productId()).isEqualTo(original.productId());
        assertThat(first.unitPrice()).isEqualTo(original.unitPrice());
        assertThat(first.total()).isEqualTo(eur("-11.70"));
        assertThat(first.total().plus(rest.total())).isEqualTo(original.total().negate());
        assertThat(first.tax().plus(rest.tax())).isEqualTo(original.tax().negate());
        assertThat(first.discount().plus(rest.discount()))
                .isEqualTo(original.discount().negate());
    }
}
