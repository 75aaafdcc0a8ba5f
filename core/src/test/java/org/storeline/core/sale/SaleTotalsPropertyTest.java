package org.storeline.core.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.payment.PaymentType;

/**
 * Whatever lines a sale holds, its totals are the sums of its lines, every line splits into net and tax
 * exactly, and each line's tax is the exact tax rounded to the cent.
 */
class SaleTotalsPropertyTest {
    private static final long SEED = 20_261_122L;
    private static final int EXAMPLES = 1_500;
    /** QuickTheories may skip a duplicate or two of the requested examples; never fewer than this are checked. */
    private static final int MIN_EXAMPLES = 1_000;

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");
    private static final PaymentType CASH =
            new PaymentType(UUID.randomUUID(), "Cash", PaymentKind.CASH, Optional.empty(), Instant.EPOCH);
    private static final List<String> REALISTIC_RATES = List.of(
            "0", "0.025", "0.05", "0.055", "0.06", "0.07", "0.077", "0.09", "0.1", "0.12", "0.19", "0.2", "0.21",
            "0.25", "0.27");

    /** What one line is made of, before pricing; amounts in cents so that no double is ever involved. */
    record LineSpec(long quantity, long unitPriceCents, long discountCents, TaxRate taxRate) {
        BigDecimal amount() {
            return BigDecimal.valueOf(quantity * unitPriceCents - discountCents, 2);
        }

        @Override
        public String toString() {
            return quantity + " × " + BigDecimal.valueOf(unitPriceCents, 2) + " − "
                    + BigDecimal.valueOf(discountCents, 2) + " @ " + taxRate.toDecimalString();
        }
    }

    private static Gen<TaxRate> taxRates() {
        Gen<TaxRate> realistic = Generate.pick(REALISTIC_RATES).map(TaxRate::of);
        Gen<TaxRate> arbitrary =
                integers().between(0, 10_000).map(tenThousandths -> new TaxRate(BigDecimal.valueOf(tenThousandths, 4)));
        return Generate.oneOf(realistic, arbitrary);
    }

    private static Gen<LineSpec> lineSpecs() {
        Gen<Integer> quantities = integers().between(1, 1_000);
        Gen<Integer> unitPricesInCents = integers().between(0, 999_999);
        // The discount is a share of the line amount (in 1/1000ths), so it never exceeds it; 0 and the whole amount
        // included.
        Gen<Integer> discountShares = Generate.oneOf(
                Generate.constant(0), Generate.constant(1_000), integers().between(0, 1_000));
        return quantities.zip(unitPricesInCents, discountShares, taxRates(), (quantity, cents, share, rate) -> {
            long amountCents = (long) quantity * cents;
            return new LineSpec(quantity, cents, amountCents * share / 1_000, rate);
        });
    }

    private static SaleLine price(LineSpec spec, boolean pricesIncludeTax) {
        return SaleLine.price(
                UUID.randomUUID(),
                Optional.empty(),
                "SKU",
                "Item",
                spec.quantity(),
                new Money(BigDecimal.valueOf(spec.unitPriceCents(), 2), EUR),
                new Money(BigDecimal.valueOf(spec.discountCents(), 2), EUR),
                spec.taxRate(),
                pricesIncludeTax);
    }

    private static BigDecimal exactTax(LineSpec spec, boolean pricesIncludeTax) {
        BigDecimal rate = spec.taxRate().value();
        if (pricesIncludeTax) {
            return spec.amount().multiply(rate).divide(BigDecimal.ONE.add(rate), MathContext.DECIMAL128);
        }
        return spec.amount().multiply(rate);
    }

    @Test
    void aSalesTotalsAreTheSumsOfItsExactlyPricedLines() {
        AtomicInteger examples = new AtomicInteger();
        qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(
                        lists().of(lineSpecs()).ofSizeBetween(1, 20),
                        booleans().all(),
                        integers().between(0, 1_000))
                .checkAssert((specs, pricesIncludeTax, paidShare) -> {
                    examples.incrementAndGet();
                    List<SaleLine> lines = specs.stream()
                            .map(spec -> price(spec, pricesIncludeTax))
                            .toList();
                    Sale sale = Sale.ringUp(
                            "R-1",
                            Instant.EPOCH,
                            UUID.randomUUID(),
                            UUID.randomUUID(),
                            Optional.empty(),
                            lines,
                            UUID.randomUUID());

                    BigDecimal sumOfTotals = BigDecimal.ZERO;
                    BigDecimal sumOfTaxes = BigDecimal.ZERO;
                    for (int i = 0; i < specs.size(); i++) {
                        LineSpec spec = specs.get(i);
                        SaleLine line = sale.lines().get(i);
                        sumOfTotals = sumOfTotals.add(line.total().amount());
                        sumOfTaxes = sumOfTaxes.add(line.tax().amount());

                        assertThat(line.total().minus(line.tax()))
                                .as("total − tax of %s", spec)
                                .isEqualTo(line.net());
                        assertThat(
                                        pricesIncludeTax
                                                ? line.total().amount()
                                                : line.net().amount())
                                .as("the line amount of %s", spec)
                                .isEqualByComparingTo(spec.amount());
                        assertThat(line.tax()
                                        .amount()
                                        .subtract(exactTax(spec, pricesIncludeTax))
                                        .abs())
                                .as("rounding error of the tax of %s", spec)
                                .isLessThanOrEqualTo(HALF_CENT);
                        assertThat(line.tax().amount().scale()).isEqualTo(2);
                        assertThat(line.tax().isNegative())
                                .as("tax of %s", spec)
                                .isFalse();
                    }
                    assertThat(sale.total().amount()).isEqualByComparingTo(sumOfTotals);
                    assertThat(sale.totalTax().amount()).isEqualByComparingTo(sumOfTaxes);
                    assertThat(sale.currency()).isEqualTo(EUR);

                    Money toPay = new Money(
                            sale.total()
                                    .amount()
                                    .multiply(BigDecimal.valueOf(paidShare))
                                    .divide(BigDecimal.valueOf(1_000))
                                    .setScale(2, RoundingMode.DOWN),
                            EUR);
                    if (toPay.isPositive()) {
                        sale.applyPayment(
                                CASH, toPay, Instant.EPOCH, sale.registerId(), Optional.empty(), Optional.empty());
                    }
                    assertThat(sale.paid()).isEqualTo(toPay.isPositive() ? toPay : Money.zero(EUR));
                    assertThat(sale.balance()).isEqualTo(sale.total().minus(sale.paid()));
                    assertThat(sale.balance().isNegative()).isFalse();
                    assertThat(sale.status())
                            .isEqualTo(sale.balance().isZero() ? SaleStatus.COMPLETED : SaleStatus.OPEN);
                });
        assertThat(examples.get()).as("examples tried").isGreaterThanOrEqualTo(MIN_EXAMPLES);
    }
}
