package org.storeline.channels.woocommerce;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.storeline.channels.api.Signatures;
import org.storeline.channels.api.WebhookDelivery;

/** Builds deliveries exactly as WooCommerce's WC_Webhook::deliver() sends them (headers and signature). */
final class WooCommerceDeliveries {
    private WooCommerceDeliveries() {}

    /** A signed order delivery: X-WC-Webhook-Signature = base64(HMAC-SHA256(raw body, webhook secret)). */
    static WebhookDelivery signed(String topic, String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "WooCommerce/8.2.1 Hookshot (WordPress/6.4.1)");
        headers.put("X-WC-Webhook-Source", "https://example.com/");
        headers.put("X-WC-Webhook-Topic", topic);
        headers.put("X-WC-Webhook-Resource", topic.substring(0, topic.indexOf('.')));
        headers.put("X-WC-Webhook-Event", topic.substring(topic.indexOf('.') + 1));
        headers.put("X-WC-Webhook-Signature", Signatures.hmacSha256Base64(secret, bytes));
        headers.put("X-WC-Webhook-ID", "17");
        headers.put("X-WC-Webhook-Delivery-ID", "0c4f9b1b8b3cf1e2a3bb8f0a6e8d5c21");
        return WebhookDelivery.of(headers, bytes);
    }

    /** The ping WooCommerce posts when a webhook is created or activated: form-encoded, unsigned. */
    static WebhookDelivery ping(String body) {
        return WebhookDelivery.of(
                Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "User-Agent",
                        "WordPress/6.4.1; https://example.com"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
