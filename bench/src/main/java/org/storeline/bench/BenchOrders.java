package org.storeline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The benchmark's orders: WooCommerce's real order 727 (from its REST API docs) with 3 lines of random
 * products out of the catalog, signed the way WooCommerce signs its webhooks.
 */
final class BenchOrders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter GMT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final BigDecimal PRICE = new BigDecimal("9.99");
    private static final BigDecimal TAX_RATE = new BigDecimal("0.21");

    private final ObjectNode template;
    private final int products;
    private final String secret;

    BenchOrders(int products, String secret) {
        this.products = products;
        this.secret = secret;
        try (InputStream in = BenchOrders.class.getResourceAsStream("/payloads/woocommerce-order-727.json")) {
            this.template = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A signed delivery body for order {@code id}. */
    byte[] body(long id) {
        ObjectNode order = template.deepCopy();
        order.put("id", id);
        order.put("number", Long.toString(id));
        order.put("status", "processing");
        order.put("currency", "EUR");
        order.put("payment_method", "stripe");
        order.put("payment_method_title", "Credit card (Stripe)");
        String now = GMT.format(Instant.now());
        order.put("date_created_gmt", now);
        order.put("date_modified_gmt", now);
        ((ObjectNode) order.path("billing")).put("email", "buyer" + (id % 5000) + "@example.com");
        ArrayNode lines = order.putArray("line_items");
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 3; i++) {
            int quantity = 1 + random.nextInt(3);
            BigDecimal net = PRICE.multiply(BigDecimal.valueOf(quantity));
            BigDecimal lineTax = net.multiply(TAX_RATE).setScale(2, RoundingMode.HALF_UP);
            ObjectNode line = lines.addObject();
            line.put("id", id * 10 + i);
            line.put("name", "Product");
            line.put("product_id", 1 + random.nextInt(products));
            line.put("variation_id", 0);
            line.put("quantity", quantity);
            line.put("subtotal", net.toPlainString());
            line.put("total", net.toPlainString());
            line.put("total_tax", lineTax.toPlainString());
            line.put("sku", "SKU-" + (1 + random.nextInt(products)));
            total = total.add(net).add(lineTax);
            tax = tax.add(lineTax);
        }
        order.putArray("shipping_lines")
                .addObject()
                .put("id", 1)
                .put("method_id", "flat_rate")
                .put("method_title", "Flat rate")
                .put("total", "5.00")
                .put("total_tax", "0.00");
        order.putArray("fee_lines");
        order.put("total", total.add(new BigDecimal("5.00")).toPlainString());
        order.put("total_tax", tax.toPlainString());
        try {
            return JSON.writeValueAsBytes(order);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
