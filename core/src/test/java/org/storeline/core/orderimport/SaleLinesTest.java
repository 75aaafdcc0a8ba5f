package org.storeline.core.orderimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.core.orderimport.TestOrders.eur;
import static org.storeline.core.orderimport.TestOrders.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.storeline.core.catalog.Product;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.sale.SaleLine;

/**
 * A platform order's amounts as sale lines, one row per rule and edge case. Each sale line is written
 * {@code "sku | name | quantity x unit price | total (tax at rate) | what it is"}, where what it is names the product
 * ({@code product TEE}), or says {@code unmatched}, {@code shipping} or {@code adjustment}.
 */
class SaleLinesTest {
    private static final Product TEE = product("TEE", "T-shirt", false);
    private static final Product FEE = product("SHIPPING-EUR", "Shipping", true);
    private static final String ADJUSTMENT =
            "ADJUSTMENT | Difference from the platform's order total (check the order)";

    record Row(String name, ChannelOrder order, List<Optional<Product>> products, List<String> lines) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rules() {
        Optional<Product> tee = Optional.of(TEE);
        return Stream.of(
                new Row(
                        "ORD-3: a matched line points at its product and keeps the platform's amounts",
                        order("1").line("TEE", 2, "10.00", "24.20", "4.20").build(),
                        List.of(tee),
                        List.of("TEE | Item TEE | 2 x 10.00 | 24.20 (4.20 at 0.21) | product TEE")),
                new Row(
                        "ORD-3: a line matched by a learnt platform id, without a SKU, takes the product's SKU",
                        order("2")
                                .line(Optional.empty(), Optional.of("v-9"), 1, "10.00", "10.00", "0.00")
                                .build(),
                        List.of(tee),
                        List.of("TEE | Item #1 | 1 x 10.00 | 10.00 (0.00 at 0) | product TEE")),
                new Row(
                        "BYD-6/ALC-5: a line that matches no product keeps the platform's SKU, name and price, flagged",
                        order("3").line("NO-SUCH", 2, "8.00", "16.00", "0.00").build(),
                        List.of(Optional.empty()),
                        List.of("NO-SUCH | Item NO-SUCH | 2 x 8.00 | 16.00 (0.00 at 0) | unmatched")),
                new Row(
                        "BYD-6/ALC-5: an unmatched line without a SKU keeps an empty SKU",
                        order("4").line(null, 1, "5.00", "5.00", "0.00").build(),
                        List.of(Optional.empty()),
                        List.of(" | Item #1 | 1 x 5.00 | 5.00 (0.00 at 0) | unmatched")),
                new Row(
                        "ORD-4: each shipping charge is one unit of the shipping fee product, named after its method",
                        order("5")
                                .line("TEE", 1, "10.00", "10.00", "0.00")
                                .shipping("Flat rate", "6.05", "1.05")
                                .shipping("Express", "3.00", "0.00")
                                .build(),
                        List.of(tee),
                        List.of(
                                "TEE | Item TEE | 1 x 10.00 | 10.00 (0.00 at 0) | product TEE",
                                "SHIPPING-EUR | Shipping: Flat rate | 1 x 6.05 | 6.05 (1.05 at 0.21) | shipping",
                                "SHIPPING-EUR | Shipping: Express | 1 x 3.00 | 3.00 (0.00 at 0) | shipping")),
                new Row(
                        "Totals: a platform total the lines do not reach gets an adjustment line for the difference",
                        order("6")
                                .line("TEE", 1, "10.00", "12.10", "2.10")
                                .totals("12.50", "2.10")
                                .build(),
                        List.of(tee),
                        List.of(
                                "TEE | Item TEE | 1 x 10.00 | 12.10 (2.10 at 0.21) | product TEE",
                                ADJUSTMENT + " | 1 x 0.40 | 0.40 (0.00 at 0) | adjustment")),
                new Row(
                        "Totals: lines above the platform's total make a negative adjustment",
                        order("7")
                                .line("TEE", 1, "10.00", "10.00", "0.00")
                                .totals("9.00", "0.00")
                                .build(),
                        List.of(tee),
                        List.of(
                                "TEE | Item TEE | 1 x 10.00 | 10.00 (0.00 at 0) | product TEE",
                                ADJUSTMENT + " | 1 x -1.00 | -1.00 (0.00 at 0) | adjustment")),
                new Row(
                        "Totals: a tax total that alone differs gets an adjustment of 0.00 carrying the tax difference",
                        order("8")
                                .line("TEE", 1, "10.00", "12.10", "2.10")
                                .totals("12.10", "2.00")
                                .build(),
                        List.of(tee),
                        List.of(
                                "TEE | Item TEE | 1 x 10.00 | 12.10 (2.10 at 0.21) | product TEE",
                                ADJUSTMENT + " | 1 x 0.00 | 0.00 (-0.10 at 0) | adjustment")),
                new Row(
                        "Rate: a tax equal to the amount before it is a rate of 1",
                        order("9").line("TEE", 1, "10.00", "20.00", "10.00").build(),
                        List.of(tee),
                        List.of("TEE | Item TEE | 1 x 10.00 | 20.00 (10.00 at 1) | product TEE")),
                new Row(
                        "Rate: a tax above the amount before it implies no rate (the line still keeps its tax)",
                        order("10").line("TEE", 1, "5.00", "20.00", "15.00").build(),
                        List.of(tee),
                        List.of("TEE | Item TEE | 1 x 5.00 | 20.00 (15.00 at 0) | product TEE")),
                new Row(
                        "Rate: a line that is all tax, or a negative tax, implies no rate",
                        order("11")
                                .line("TEE", 1, "0.00", "1.00", "1.00")
                                .line("TEE", 1, "10.00", "9.00", "-1.00")
                                .build(),
                        List.of(tee, tee),
                        List.of(
                                "TEE | Item TEE | 1 x 0.00 | 1.00 (1.00 at 0) | product TEE",
                                "TEE | Item TEE | 1 x 10.00 | 9.00 (-1.00 at 0) | product TEE")),
                new Row(
                        "Rate: a rate that does not divide evenly is kept to four places",
                        order("12").line("TEE", 1, "3.00", "4.00", "1.00").build(),
                        List.of(tee),
                        List.of("TEE | Item TEE | 1 x 3.00 | 4.00 (1.00 at 0.3333) | product TEE")));
    }

    @Test
    void theShippingFeeProductIsAskedForOnlyByAnOrderThatChargesShipping() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<Product> fee = () -> {
            asked.incrementAndGet();
            return FEE;
        };

        SaleLines.all(order("20").line("TEE", 1, "10.00", "10.00", "0.00").build(), List.of(Optional.of(TEE)), fee);
        assertThat(asked)
                .as("ORD-4: no shipping charge, no shipping fee product")
                .hasValue(0);

        SaleLines.all(
                order("21")
                        .line("TEE", 1, "10.00", "10.00", "0.00")
                        .shipping("Delivery", "4.95", "0.00")
                        .build(),
                List.of(Optional.of(TEE)),
                fee);
        assertThat(asked).as("ORD-4: a shipping charge asks for the product").hasValue(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void turnsThePlatformsAmountsIntoSaleLines(Row row) {
        List<SaleLine> lines = SaleLines.all(row.order(), row.products(), () -> FEE);

        assertThat(lines.stream().map(SaleLinesTest::render).toList())
                .as("%s", row)
                .isEqualTo(row.lines());
        assertThat(lines.stream().map(SaleLine::total).reduce(eur("0.00"), Money::plus))
                .as("%s: the sale's total", row)
                .isEqualTo(row.order().total());
        assertThat(lines.stream().map(SaleLine::tax).reduce(eur("0.00"), Money::plus))
                .as("%s: the sale's tax", row)
                .isEqualTo(row.order().totalTax());
        assertThat(lines.stream().map(SaleLine::id).distinct())
                .as("%s: line ids", row)
                .hasSize(lines.size());
    }

    static String render(SaleLine line) {
        List<String> kinds = new ArrayList<>();
        line.productId().ifPresent(id -> kinds.add("product " + (id.equals(TEE.id()) ? TEE.sku() : FEE.sku())));
        if (line.shippingFee()) {
            kinds.clear();
            kinds.add("shipping");
        }
        if (line.unmatched()) {
            kinds.add("unmatched");
        }
        if (line.adjustment()) {
            kinds.add("adjustment");
        }
        return line.sku() + " | " + line.name() + " | " + line.quantity() + " x "
                + line.unitPrice().toDecimalString()
                + " | " + line.total().toDecimalString() + " (" + line.tax().toDecimalString() + " at "
                + line.taxRate().toDecimalString() + ") | " + String.join(", ", kinds);
    }

    static Product product(String sku, String name, boolean shippingFee) {
        return new Product(
                UUID.randomUUID(), sku, name, eur("10.00"), TaxRate.of("0.21"), List.of(), shippingFee, Instant.EPOCH);
    }
}
