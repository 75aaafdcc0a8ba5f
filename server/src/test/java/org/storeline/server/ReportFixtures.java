package org.storeline.server;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.storeline.core.catalog.Product;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.register.RegisterPeriod;
import org.storeline.core.report.PaymentRow;
import org.storeline.core.report.ProductSalesRow;
import org.storeline.core.report.ReportFilter;
import org.storeline.core.report.ReportTime;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;
import org.storeline.core.sale.SalePayment;
import org.storeline.core.sale.SaleStatus;

/**
 * The generated data of {@link ReportTotalsPropertyIT} and the figures the reports must show for it, computed here
 * in whole cents and local dates, without the code under test.
 */
final class ReportFixtures {
    private static final List<String> UNMATCHED_SKUS = List.of("U-1", "U-2");
    private static final List<String> UNMATCHED_NAMES = List.of("Mystery item", "Item, with a comma", "=1+1");

    private ReportFixtures() {}

    record Case(
            LocalDate baseDay,
            Map<UUID, ZoneId> zones,
            Map<UUID, UUID> registerOutlets,
            List<Sale> sales,
            List<RegisterPeriod> periods,
            List<Instant> times) {}

    /** Times close to midnight (often exactly on it) in either zone, around the case's base day. */
    static final class Times {
        private final Random random;
        private final LocalDate baseDay;
        private final List<ZoneId> zones;
        private final List<Instant> all = new ArrayList<>();

        Times(Random random, LocalDate baseDay, List<ZoneId> zones) {
            this.random = random;
            this.baseDay = baseDay;
            this.zones = zones;
        }

        Instant next() {
            LocalDate day = baseDay.plusDays(random.nextInt(4) - 1);
            Instant midnight =
                    day.atStartOfDay(zones.get(random.nextInt(zones.size()))).toInstant();
            Instant at = random.nextInt(5) == 0
                    ? midnight.minusSeconds(random.nextInt(2))
                    : midnight.plusSeconds(random.nextInt(4 * 3600) - 2 * 3600);
            all.add(at);
            return at;
        }

        List<Instant> all() {
            return List.copyOf(all);
        }
    }

    /** A line of a product (the shipping fee among them), of no product, or an adjustment; sign -1: a return. */
    static SaleLine line(Random random, List<Product> products, String currency, int sign) {
        int kind = random.nextInt(6);
        long quantity = sign * (1L + random.nextInt(5));
        Money unit = money(1 + random.nextInt(9_999), currency);
        Money tax = money(sign * random.nextInt(2_000), currency);
        Money total = money(sign * (1 + random.nextInt(60_000)), currency);
        Money zero = money(0, currency);
        if (kind == 5) {
            return new SaleLine(
                    Ids.newId(),
                    Optional.empty(),
                    "ADJUSTMENT",
                    "Difference from the platform's order total",
                    1,
                    total,
                    zero,
                    TaxRate.NONE,
                    tax,
                    total,
                    false,
                    false,
                    true);
        }
        if (kind == 4) {
            return new SaleLine(
                    Ids.newId(),
                    Optional.empty(),
                    UNMATCHED_SKUS.get(random.nextInt(UNMATCHED_SKUS.size())),
                    UNMATCHED_NAMES.get(random.nextInt(UNMATCHED_NAMES.size())),
                    quantity,
                    unit,
                    zero,
                    TaxRate.NONE,
                    tax,
                    total,
                    false,
                    true);
        }
        Product product = products.get(kind % products.size());
        return new SaleLine(
                Ids.newId(),
                Optional.of(product.id()),
                product.sku(),
                product.shippingFee() ? "Shipping fee: DHL" : product.name() + " (as sold)",
                quantity,
                unit,
                zero,
                TaxRate.of("0.21"),
                tax,
                total,
                product.shippingFee(),
                false);
    }

    private static Money money(long cents, String currency) {
        return Money.of(BigDecimal.valueOf(cents, 2), Money.currency(currency));
    }

    /** A payment report line in whole cents. */
    record PaymentTotal(long receivedCount, long received, long refundedCount, long refunded, long count, long net) {}

    /** A product sales line in whole cents. */
    record ProductTotal(
            Optional<UUID> productId,
            String sku,
            String name,
            boolean shippingFee,
            long quantity,
            long returned,
            long net,
            long tax,
            long total) {}

    record Expected(Map<String, PaymentTotal> payments, Map<String, ProductTotal> products, Set<UUID> closedPeriods) {}

    /** What the reports must show for {@code filter}, summed from the generated sales, payments and periods. */
    static Expected expected(Case generated, ReportFilter filter, List<Product> products) {
        Map<String, long[]> payments = new TreeMap<>();
        Map<String, long[]> lines = new TreeMap<>();
        Map<String, ProductTotal> labels = new TreeMap<>();
        for (Sale sale : generated.sales()) {
            for (SalePayment payment : sale.payments()) {
                UUID outlet = generated.registerOutlets().get(payment.registerId());
                if (covers(generated, filter, outlet, payment.paidAt())) {
                    long cents = cents(payment.amount());
                    long[] sums =
                            payments.computeIfAbsent(payment.paymentTypeId() + "/" + sale.currency(), k -> new long[4]);
                    int at = cents < 0 ? 2 : 0;
                    sums[at]++;
                    sums[at + 1] += Math.abs(cents);
                }
            }
            if (sale.status() == SaleStatus.CANCELLED
                    || !covers(generated, filter, sale.outletId(), sale.createdAt())) {
                continue;
            }
            for (SaleLine line : sale.lines()) {
                ProductTotal label = label(line, products);
                String key = label.sku() + "/" + label.name() + "/" + sale.currency();
                labels.put(key, label);
                long[] sums = lines.computeIfAbsent(key, k -> new long[5]);
                sums[0] += line.quantity();
                sums[1] += Math.max(0, -line.quantity());
                sums[2] += cents(line.total()) - cents(line.tax());
                sums[3] += cents(line.tax());
                sums[4] += cents(line.total());
            }
        }
        Map<String, PaymentTotal> paymentTotals = new TreeMap<>();
        payments.forEach(
                (key, s) -> paymentTotals.put(key, new PaymentTotal(s[0], s[1], s[2], s[3], s[0] + s[2], s[1] - s[3])));
        Map<String, ProductTotal> productTotals = new TreeMap<>();
        lines.forEach((key, s) -> {
            ProductTotal label = labels.get(key);
            productTotals.put(
                    key,
                    new ProductTotal(
                            label.productId(),
                            label.sku(),
                            label.name(),
                            label.shippingFee(),
                            s[0],
                            s[1],
                            s[2],
                            s[3],
                            s[4]));
        });
        Set<UUID> closed = new HashSet<>();
        for (RegisterPeriod period : generated.periods()) {
            UUID outlet = generated.registerOutlets().get(period.registerId());
            if (covers(generated, filter, outlet, period.closedAt().orElseThrow())) {
                closed.add(period.id());
            }
        }
        return new Expected(paymentTotals, productTotals, closed);
    }

    /** The sku and name a line is reported under: its product's, its own when it has none, or the adjustments'. */
    private static ProductTotal label(SaleLine line, List<Product> products) {
        if (line.adjustment()) {
            return new ProductTotal(
                    Optional.empty(),
                    ProductSalesRow.ADJUSTMENT_SKU,
                    ProductSalesRow.ADJUSTMENT_NAME,
                    false,
                    0,
                    0,
                    0,
                    0,
                    0);
        }
        if (line.productId().isEmpty()) {
            return new ProductTotal(Optional.empty(), line.sku(), line.name(), false, 0, 0, 0, 0, 0);
        }
        Product product = products.stream()
                .filter(p -> p.id().equals(line.productId().get()))
                .findFirst()
                .orElseThrow();
        return new ProductTotal(
                Optional.of(product.id()), product.sku(), product.name(), product.shippingFee(), 0, 0, 0, 0, 0);
    }

    /**
     * Whether a time at an outlet falls in the filter: a day bound compares the time's local date in the outlet's
     * zone with the day, an exact bound compares instants ({@code to} excluded).
     */
    static boolean covers(Case generated, ReportFilter filter, UUID outlet, Instant at) {
        if (filter.outletId().isPresent() && !filter.outletId().get().equals(outlet)) {
            return false;
        }
        LocalDate local = at.atZone(generated.zones().get(outlet)).toLocalDate();
        boolean afterFrom = filter.from()
                .map(from -> switch (from) {
                    case ReportTime.Day day -> !local.isBefore(day.date());
                    case ReportTime.Exact exact -> !at.isBefore(exact.instant());
                })
                .orElse(true);
        boolean beforeTo = filter.to()
                .map(to -> switch (to) {
                    case ReportTime.Day day -> !local.isAfter(day.date());
                    case ReportTime.Exact exact -> at.isBefore(exact.instant());
                })
                .orElse(true);
        return afterFrom && beforeTo;
    }

    /** The payment report in whole cents, keyed as {@link #expected} keys it; names and processors checked too. */
    static Map<String, PaymentTotal> paymentTotals(List<PaymentRow> rows, List<PaymentType> types) {
        Map<String, PaymentTotal> totals = new TreeMap<>();
        for (PaymentRow row : rows) {
            PaymentType type = types.stream()
                    .filter(t -> t.id().equals(row.paymentTypeId()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("A payment type this case did not use: " + row));
            if (!type.name().equals(row.name())
                    || type.kind() != row.kind()
                    || !type.processor().equals(row.processor())) {
                throw new AssertionError("Payment type shown as " + row + ", but it is " + type);
            }
            String key = row.paymentTypeId() + "/" + row.received().currency();
            totals.put(
                    key,
                    new PaymentTotal(
                            row.receivedCount(),
                            cents(row.received()),
                            row.refundedCount(),
                            cents(row.refunded()),
                            row.count(),
                            cents(row.net())));
        }
        return totals;
    }

    /** The product sales report in whole cents, keyed as {@link #expected} keys it. */
    static Map<String, ProductTotal> productTotals(List<ProductSalesRow> rows) {
        Map<String, ProductTotal> totals = new TreeMap<>();
        for (ProductSalesRow row : rows) {
            String key = row.sku() + "/" + row.name() + "/" + row.total().currency();
            ProductTotal previous = totals.put(
                    key,
                    new ProductTotal(
                            row.productId(),
                            row.sku(),
                            row.name(),
                            row.shippingFee(),
                            row.quantity(),
                            row.returnedQuantity(),
                            cents(row.net()),
                            cents(row.tax()),
                            cents(row.total())));
            if (previous != null) {
                throw new AssertionError("Two rows for " + key + ": " + rows);
            }
        }
        return totals;
    }

    private static long cents(Money money) {
        return money.amount().movePointRight(2).longValueExact();
    }
}
