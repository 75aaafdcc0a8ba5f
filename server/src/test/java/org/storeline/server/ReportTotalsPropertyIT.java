package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storeline.core.catalog.Product;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.register.ClosureReport;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterPeriod;
import org.storeline.core.report.PaymentRow;
import org.storeline.core.report.ProductSalesRow;
import org.storeline.core.report.ReportFilter;
import org.storeline.core.report.ReportTime;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;
import org.storeline.core.sale.SalePayment;
import org.storeline.core.sale.SaleSource;
import org.storeline.core.sale.SaleStatus;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Role;
import org.storeline.server.ReportFixtures.Expected;
import org.storeline.server.support.TestStoreline;

/**
 * Whatever sales, returns (negative lines, negative refund payments), payments and register closures two outlets in
 * different time zones record close to midnight, the reports' figures equal the sums this test computes itself from
 * what it wrote: per outlet, per day range read in each outlet's own zone (a day here is the local date of each time,
 * not an instant range, so the test does not share the code it checks), and per exact range.
 *
 * <p>Every case writes through the real repositories into its own two fresh outlets and reads the reports as a
 * manager of just those outlets, so the cases share one database without seeing each other's data.
 */
class ReportTotalsPropertyIT {
    private static final long SEED = 20_261_206L;
    private static final int CASES = 300;
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Ordinary days and the days the clocks change in Europe and in America. */
    private static final List<LocalDate> BASE_DAYS = List.of(
            LocalDate.of(2026, 12, 5),
            LocalDate.of(2026, 3, 29),
            LocalDate.of(2026, 3, 8),
            LocalDate.of(2026, 10, 25),
            LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 12, 31));

    private static Wiring wiring;
    private static List<PaymentType> paymentTypes;
    private static List<Product> products;

    @BeforeAll
    static void catalog() {
        wiring = TestStoreline.instance().wiring();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        paymentTypes = List.of(
                new PaymentType(Ids.newId(), "Cash " + suffix, PaymentKind.CASH, Optional.empty(), Instant.now()),
                new PaymentType(Ids.newId(), "Card " + suffix, PaymentKind.CARD, Optional.empty(), Instant.now()),
                new PaymentType(
                        Ids.newId(), "Online " + suffix, PaymentKind.INTEGRATED, Optional.of("Stripe"), Instant.now()));
        products = List.of(
                product("MUG-" + suffix, "Mug, large", false),
                product("=TEA-" + suffix, "Tea \"Earl Grey\"", false),
                product("SHIP-" + suffix, "Shipping fee", true));
        wiring.tx.run(() -> {
            paymentTypes.forEach(wiring.paymentTypeRepository::insert);
            products.forEach(wiring.productRepository::insert);
        });
    }

    private static Product product(String sku, String name, boolean shippingFee) {
        return new Product(
                Ids.newId(),
                sku,
                name,
                Money.of("1.00", "EUR"),
                TaxRate.of("0.21"),
                List.of(),
                shippingFee,
                Instant.now());
    }

    @Test
    void reportTotalsEqualTheSumsOfWhatWasRecordedPerOutletAndPerDayInEachOutletsZone() {
        Random random = new Random(SEED);
        int filtersChecked = 0;
        for (int c = 0; c < CASES; c++) {
            ReportFixtures.Case generated = generate(random, c);
            write(generated);
            Actor manager = new Actor(
                    UUID.randomUUID(),
                    "Reporter",
                    Role.MANAGER,
                    generated.zones().keySet());
            for (ReportFilter filter : filters(random, generated)) {
                check(manager, generated, filter, "seed " + SEED + ", case " + c + ", " + describe(filter));
                filtersChecked++;
            }
        }
        assertThat(filtersChecked).isGreaterThanOrEqualTo(CASES * 6);
    }

    private static void check(Actor manager, ReportFixtures.Case generated, ReportFilter filter, String what) {
        Expected expected = ReportFixtures.expected(generated, filter, products);
        List<PaymentRow> payments = wiring.reports.payments(manager, filter);
        List<ProductSalesRow> productSales = wiring.reports.productSales(manager, filter);
        List<ClosureReport> closures = wiring.reports.registerClosures(manager, filter);

        assertThat(ReportFixtures.paymentTotals(payments, paymentTypes))
                .as("payments, " + what)
                .isEqualTo(expected.payments());
        assertThat(ReportFixtures.productTotals(productSales))
                .as("product sales, " + what)
                .isEqualTo(expected.products());
        assertThat(closures.stream().map(r -> r.period().id()).toList())
                .as("register closures, " + what)
                .containsExactlyInAnyOrderElementsOf(expected.closedPeriods());
        assertThat(closures)
                .as("register closures newest first, " + what)
                .isSortedAccordingTo(Comparator.comparing(
                                (ClosureReport r) -> r.period().closedAt().orElseThrow())
                        .reversed());
    }

    /** One to six filters' worth of ranges: everything, one outlet's day, several days, open ends, exact times. */
    private static List<ReportFilter> filters(Random random, ReportFixtures.Case generated) {
        List<UUID> outlets = List.copyOf(generated.zones().keySet());
        LocalDate day = generated.baseDay().plusDays(random.nextInt(3) - 1);
        List<Instant> times = generated.times();
        Instant t1 = times.get(random.nextInt(times.size()));
        Instant t2 = times.get(random.nextInt(times.size()));
        Instant earlier = t1.isBefore(t2) ? t1 : t2;
        Instant later = t1.isBefore(t2) ? t2 : t1;
        UUID one = outlets.get(random.nextInt(outlets.size()));
        return List.of(
                ReportFilter.everything(),
                filter(Optional.of(one), day(day), day(day)),
                filter(Optional.empty(), day(day), day(day)),
                filter(Optional.empty(), day(day.minusDays(1)), day(day.plusDays(random.nextInt(2)))),
                filter(Optional.empty(), day(day), Optional.empty()),
                filter(Optional.of(one), Optional.empty(), day(day)),
                filter(Optional.empty(), exact(earlier), exact(later)),
                filter(Optional.of(one), exact(earlier), Optional.empty()),
                filter(Optional.empty(), day(day), exact(later)));
    }

    private static ReportFilter filter(Optional<UUID> outlet, Optional<ReportTime> from, Optional<ReportTime> to) {
        return new ReportFilter(outlet, from, to);
    }

    private static Optional<ReportTime> day(LocalDate date) {
        return Optional.of(new ReportTime.Day(date));
    }

    private static Optional<ReportTime> exact(Instant at) {
        return Optional.of(new ReportTime.Exact(at));
    }

    private static String describe(ReportFilter filter) {
        return "outlet " + filter.outletId().map(UUID::toString).orElse("any") + ", from "
                + filter.from().map(Object::toString).orElse("-") + ", to "
                + filter.to().map(Object::toString).orElse("-");
    }

    /** Two fresh outlets (Brussels, New York) with a register each, sales, returns, payments and closed periods. */
    private static ReportFixtures.Case generate(Random random, int c) {
        UUID brussels = Ids.newId();
        UUID newYork = Ids.newId();
        Map<UUID, ZoneId> zones = Map.of(brussels, BRUSSELS, newYork, NEW_YORK);
        Map<UUID, UUID> registerOutlets = Map.of(Ids.newId(), brussels, Ids.newId(), newYork);
        List<UUID> registers = List.copyOf(registerOutlets.keySet());
        LocalDate baseDay = BASE_DAYS.get(random.nextInt(BASE_DAYS.size()));
        ReportFixtures.Times times = new ReportFixtures.Times(random, baseDay, List.of(BRUSSELS, NEW_YORK));
        List<Sale> sales = new ArrayList<>();
        int saleCount = 1 + random.nextInt(6);
        for (int s = 0; s < saleCount; s++) {
            UUID register = registers.get(random.nextInt(registers.size()));
            sales.add(sale(random, times, registerOutlets.get(register), register, registers, c, s));
        }
        List<RegisterPeriod> periods = new ArrayList<>();
        for (UUID register : registers) {
            for (int p = random.nextInt(3); p > 0; p--) {
                Instant closedAt = times.next();
                periods.add(new RegisterPeriod(
                        Ids.newId(),
                        register,
                        closedAt.minusSeconds(3600L * (1 + random.nextInt(12))),
                        Optional.of(closedAt),
                        Money.of("100.00", "EUR"),
                        Optional.empty()));
            }
        }
        return new ReportFixtures.Case(baseDay, zones, registerOutlets, sales, periods, times.all());
    }

    private static Sale sale(
            Random random, ReportFixtures.Times times, UUID outlet, UUID register, List<UUID> registers, int c, int s) {
        boolean isReturn = random.nextInt(4) == 0;
        String currency = random.nextInt(5) == 0 ? "USD" : "EUR";
        int sign = isReturn ? -1 : 1;
        List<SaleLine> lines = new ArrayList<>();
        for (int l = 1 + random.nextInt(3); l > 0; l--) {
            lines.add(ReportFixtures.line(random, products, currency, sign));
        }
        List<SalePayment> payments = new ArrayList<>();
        for (int p = random.nextInt(3); p > 0; p--) {
            PaymentType type = paymentTypes.get(random.nextInt(paymentTypes.size()));
            payments.add(new SalePayment(
                    Ids.newId(),
                    type.id(),
                    type.kind(),
                    type.processor(),
                    Money.of(BigDecimal.valueOf(sign * (1 + random.nextInt(50_000)), 2), Money.currency(currency)),
                    times.next(),
                    // Mostly on the sale's own register; sometimes on the other outlet's (a pickup paid there).
                    random.nextInt(4) == 0 ? registers.get(random.nextInt(registers.size())) : register,
                    Optional.empty(),
                    Optional.empty()));
        }
        SaleStatus status = isReturn
                ? SaleStatus.COMPLETED
                : List.of(SaleStatus.OPEN, SaleStatus.COMPLETED, SaleStatus.COMPLETED, SaleStatus.CANCELLED)
                        .get(random.nextInt(4));
        return new Sale(
                Ids.newId(),
                "R" + c + "-" + s + "-" + Ids.newId(),
                times.next(),
                outlet,
                register,
                random.nextBoolean() ? SaleSource.IN_STORE : SaleSource.ONLINE,
                Optional.empty(),
                status,
                Money.currency(currency),
                Optional.empty(),
                lines,
                payments,
                "",
                Optional.empty());
    }

    private static void write(ReportFixtures.Case generated) {
        wiring.tx.run(() -> {
            Instant now = Instant.now();
            for (Map.Entry<UUID, ZoneId> outlet : generated.zones().entrySet()) {
                wiring.outletRepository.insert(outlet.getKey(), "Report outlet", outlet.getValue(), now);
            }
            Map<UUID, Integer> numbers = new HashMap<>();
            generated
                    .registerOutlets()
                    .forEach((register, outlet) -> wiring.registerRepository.insert(new Register(
                            register,
                            outlet,
                            "Till " + numbers.merge(outlet, 1, Integer::sum),
                            now,
                            Optional.empty())));
            generated.sales().forEach(wiring.saleRepository::insert);
            for (RegisterPeriod closed : generated.periods()) {
                wiring.registerRepository.insertPeriod(new RegisterPeriod(
                        closed.id(),
                        closed.registerId(),
                        closed.openedAt(),
                        Optional.empty(),
                        closed.openingFloat(),
                        Optional.empty()));
                wiring.registerRepository.closePeriod(ClosureReport.of(
                        closed.registerId(),
                        generated.registerOutlets().get(closed.registerId()),
                        closed,
                        wiring.registerRepository.paymentTotals(closed.id()),
                        0));
            }
        });
    }
}
