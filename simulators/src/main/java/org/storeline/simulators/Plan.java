package org.storeline.simulators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * What a customer checks out, in no platform's words: the lines, whether it is paid online (by the platform's payment
 * processor) or left to pay (bank deposit, cash at pickup), and whether it is collected or delivered. Each simulator
 * writes it as its platform does.
 */
public record Plan(List<Line> lines, Payment payment, boolean pickup, String pickupPoint, Customer customer) {
    /** The outlets a customer may collect at; the demo maps each pickup method to its outlet. */
    public static final List<String> PICKUP_POINTS = List.of("Brussels", "Antwerp", "Lille");

    public static final String DELIVERY_METHOD = "Standard delivery";

    public static final String UNKNOWN_SKU = "GIFT-WRAP";
    public static final BigDecimal SHIPPING = new BigDecimal("6.95");

    public record Line(String sku, String name, long quantity, BigDecimal unitPrice) {
        BigDecimal total() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** How the order is paid: online and confirmed, by bank deposit later, or in cash at the pickup counter. */
    public enum Payment {
        ONLINE,
        BANK_DEPOSIT,
        CASH_ON_PICKUP;

        public boolean paid() {
            return this == ONLINE;
        }
    }

    public record Customer(String firstName, String lastName, String email, String street, String zip, String city) {}

    private static final List<Customer> CUSTOMERS = List.of(
            new Customer("Lotte", "Peeters", "lotte.peeters@example.com", "Meir 12", "2000", "Antwerpen"),
            new Customer("Camille", "Dubois", "camille.dubois@example.com", "Rue Nationale 40", "59000", "Lille"),
            new Customer("Noah", "Janssens", "noah.janssens@example.com", "Rue Neuve 101", "1000", "Bruxelles"),
            new Customer("Emma", "Maes", "emma.maes@example.com", "Veldstraat 7", "9000", "Gent"),
            new Customer("Louis", "Lefebvre", "louis.lefebvre@example.com", "Rue de Béthune 3", "59000", "Lille"),
            new Customer("Mila", "Claes", "mila.claes@example.com", "Bondgenotenlaan 55", "3000", "Leuven"));

    /** The shipping method's name as the customer chose it: "Pickup at Antwerp", "Standard delivery". */
    public String shippingMethod() {
        return pickup ? "Pickup at " + pickupPoint : DELIVERY_METHOD;
    }

    public BigDecimal itemsTotal() {
        return lines.stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal shipping() {
        return pickup ? BigDecimal.ZERO : SHIPPING;
    }

    public BigDecimal total() {
        return itemsTotal().add(shipping());
    }

    /** The VAT in a price that includes 21 %, to the cent. */
    public static BigDecimal taxIn(BigDecimal gross) {
        return gross.multiply(new BigDecimal("21")).divide(new BigDecimal("121"), 2, RoundingMode.HALF_UP);
    }

    public String summary() {
        return lines.stream().map(l -> l.quantity() + " × " + l.sku()).collect(Collectors.joining(", "))
                + (pickup ? " · pickup" : " · delivery")
                + switch (payment) {
                    case ONLINE -> " · paid online";
                    case BANK_DEPOSIT -> " · bank deposit";
                    case CASH_ON_PICKUP -> " · cash at pickup";
                };
    }

    /** A random checkout of what is in stock: one to three lines, now and then a SKU the shop does not sell. */
    static Optional<Plan> random(Random random, List<Product> inStock, int unknownSkuEvery) {
        if (inStock.isEmpty()) {
            return Optional.empty();
        }
        List<Product> pool = new ArrayList<>(inStock);
        int count = Math.min(pool.size(), 1 + random.nextInt(3));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Product product = pool.remove(random.nextInt(pool.size()));
            long quantity = 1 + random.nextInt((int) Math.min(3, product.stock));
            lines.add(new Line(product.sku, product.name, quantity, product.price));
        }
        if (unknownSkuEvery < Integer.MAX_VALUE && random.nextInt(unknownSkuEvery) == 0) {
            lines.add(new Line(UNKNOWN_SKU, "Gift wrapping", 1, new BigDecimal("2.50")));
        }
        boolean pickup = random.nextInt(3) == 0;
        int roll = random.nextInt(10);
        Payment payment = roll < 7 ? Payment.ONLINE : pickup ? Payment.CASH_ON_PICKUP : Payment.BANK_DEPOSIT;
        Customer customer = CUSTOMERS.get(random.nextInt(CUSTOMERS.size()));
        String point = pickup ? PICKUP_POINTS.get(random.nextInt(PICKUP_POINTS.size())) : "";
        return Optional.of(new Plan(List.copyOf(lines), payment, pickup, point, customer));
    }
}
