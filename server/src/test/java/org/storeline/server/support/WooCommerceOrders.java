package org.storeline.server.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WooCommerce orders for scenario tests, made from the real order of WooCommerce's REST API docs
 * (payloads/woocommerce-order-727.json) with the fields a scenario needs changed, and delivered to
 * {@code POST /webhooks/{channel}} exactly as WooCommerce does: raw JSON, base64 HMAC-SHA256 signature.
 */
public final class WooCommerceOrders {
    public static final String SECRET = "woo-webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter GMT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ObjectNode order;

    private WooCommerceOrders(ObjectNode order) {
        this.order = order;
    }

    /** The docs' order 727 with a new id, no lines yet, paid by card (Stripe), placed now. */
    public static WooCommerceOrders order(long id) {
        ObjectNode order = template();
        order.put("id", id);
        order.put("number", String.valueOf(id));
        order.put("currency", "EUR");
        order.put("payment_method", "stripe");
        order.put("payment_method_title", "Credit card (Stripe)");
        order.putArray("line_items");
        order.putArray("shipping_lines");
        order.putArray("fee_lines");
        order.put("total", "0.00");
        order.put("total_tax", "0.00");
        return new WooCommerceOrders(order).modifiedAt(Instant.now());
    }

    public WooCommerceOrders status(String status) {
        order.put("status", status);
        return this;
    }

    public WooCommerceOrders paidWith(String method, String title, boolean paid) {
        order.put("payment_method", method);
        order.put("payment_method_title", title);
        if (paid) {
            order.put("date_paid_gmt", order.path("date_created_gmt").asText());
        } else {
            order.putNull("date_paid");
            order.putNull("date_paid_gmt");
        }
        return this;
    }

    public WooCommerceOrders modifiedAt(Instant at) {
        order.put("date_modified_gmt", GMT.format(at));
        order.put("date_created_gmt", GMT.format(at.minusSeconds(60)));
        return this;
    }

    public WooCommerceOrders customer(String firstName, String lastName, String email) {
        ObjectNode billing = (ObjectNode) order.path("billing");
        billing.put("first_name", firstName);
        billing.put("last_name", lastName);
        billing.put("email", email);
        return this;
    }

    /** A line: {@code subtotal} before discounts, {@code total} after, both without tax; {@code tax} on top. */
    public WooCommerceOrders line(String sku, long quantity, String subtotal, String total, String tax) {
        ArrayNode lines = (ArrayNode) order.path("line_items");
        ObjectNode line = lines.addObject();
        line.put("id", 1000 + lines.size());
        line.put("name", "Item " + sku);
        line.put("product_id", 500 + lines.size());
        line.put("variation_id", 0);
        line.put("quantity", quantity);
        line.put("subtotal", subtotal);
        line.put("total", total);
        line.put("total_tax", tax);
        line.put("sku", sku);
        return this;
    }

    public WooCommerceOrders shipping(String methodId, String title, String total, String tax) {
        ObjectNode line = ((ArrayNode) order.path("shipping_lines")).addObject();
        line.put("id", 2000);
        line.put("method_id", methodId);
        line.put("method_title", title);
        line.put("total", total);
        line.put("total_tax", tax);
        return this;
    }

    public WooCommerceOrders totals(String total, String totalTax) {
        order.put("total", total);
        order.put("total_tax", totalTax);
        return this;
    }

    public String json() {
        try {
            return JSON.writeValueAsString(order);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Delivers the order as WooCommerce's webhook for {@code topic} (order.created, order.updated). */
    public ApiClient.Response deliver(ApiClient client, String channelId, String topic) {
        return deliver(client, channelId, topic, SECRET);
    }

    /** The same, signed with another webhook secret than {@link #SECRET}. */
    public ApiClient.Response deliver(ApiClient client, String channelId, String topic, String secret) {
        byte[] body = json().getBytes(StandardCharsets.UTF_8);
        return client.as(null)
                .send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/webhooks/" + channelId))
                        .header("Content-Type", "application/json")
                        .header("X-WC-Webhook-Topic", topic)
                        .header("X-WC-Webhook-Resource", "order")
                        .header("X-WC-Webhook-Event", topic.substring(topic.indexOf('.') + 1))
                        .header("X-WC-Webhook-ID", "31")
                        .header("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString())
                        .header("X-WC-Webhook-Signature", sign(body, secret))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public static String sign(byte[] body) {
        return sign(body, SECRET);
    }

    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode template() {
        try (InputStream in = WooCommerceOrders.class.getResourceAsStream("/payloads/woocommerce-order-727.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
