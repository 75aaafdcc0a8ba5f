package org.storeline.channels.shopify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.storeline.channels.api.Signatures;
import org.storeline.channels.api.WebhookDelivery;

/** Builds webhook deliveries the way Shopify sends them: its real header names, signed over the raw body. */
final class ShopifyDeliveries {
    private ShopifyDeliveries() {}

    static WebhookDelivery signed(String topic, byte[] body, String secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Shopify-Topic", topic);
        headers.put("X-Shopify-Hmac-Sha256", Signatures.hmacSha256Base64(secret, body));
        headers.put("X-Shopify-Shop-Domain", "jsmith.myshopify.com");
        headers.put("X-Shopify-API-Version", ShopifyClient.API_VERSION);
        headers.put("X-Shopify-Webhook-Id", "545ebdd4-b7be-4d3d-b14e-54aa78e0e0f9");
        headers.put("X-Shopify-Triggered-At", "2025-07-10T16:15:47.000000Z");
        headers.put("X-Shopify-Event-Id", "59d6d79c-595f-4e7e-bc6f-72f5c3d0c66f");
        return WebhookDelivery.of(headers, body);
    }

    static byte[] payload(String file) {
        try (InputStream in = ShopifyDeliveries.class.getClassLoader().getResourceAsStream("payloads/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing test payload " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String payloadText(String file) {
        return new String(payload(file), StandardCharsets.UTF_8);
    }
}
