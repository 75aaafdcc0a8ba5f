package org.storeline.web.app.channel;

import java.util.List;
import org.storeline.core.channel.Platform;

/**
 * What the connect form asks for each platform: the credentials its connector reads (the required ones first) and the
 * example address of its API. Secrets are typed into password fields and never written back into a page.
 */
enum PlatformFields {
    SHOPIFY(
            Platform.SHOPIFY,
            "Shopify",
            "https://example.myshopify.com",
            List.of(secret("access_token"), optional("location_id"))),
    WOOCOMMERCE(
            Platform.WOOCOMMERCE,
            "WooCommerce",
            "https://shop.example.com",
            List.of(required("consumer_key"), secret("consumer_secret"))),
    BIGCOMMERCE(
            Platform.BIGCOMMERCE,
            "BigCommerce",
            "https://api.bigcommerce.com",
            List.of(
                    required("store_hash"),
                    secret("access_token"),
                    optional("location_id"),
                    optionalSecret("client_secret"))),
    ECWID(
            Platform.ECWID,
            "Ecwid",
            "https://app.ecwid.com",
            List.of(required("store_id"), secret("access_token"), optional("currency"))),
    LIGHTSPEED(
            Platform.LIGHTSPEED_ECOM,
            "Lightspeed eCom",
            "https://api.webshopapp.com",
            List.of(
                    required("api_key"),
                    secret("api_secret"),
                    optional("language"),
                    optional("currency"),
                    optional("shop_id")));

    /** One credential: its wire name, whether the platform needs it, whether it is a secret (never shown). */
    record Field(String name, boolean required, boolean secret) {}

    final Platform platform;
    final String label;
    final String exampleUrl;
    final List<Field> fields;

    PlatformFields(Platform platform, String label, String exampleUrl, List<Field> fields) {
        this.platform = platform;
        this.label = label;
        this.exampleUrl = exampleUrl;
        this.fields = fields;
    }

    static PlatformFields of(Platform platform) {
        for (PlatformFields p : values()) {
            if (p.platform == platform) {
                return p;
            }
        }
        throw new IllegalArgumentException("No form for " + platform);
    }

    private static Field required(String name) {
        return new Field(name, true, false);
    }

    private static Field secret(String name) {
        return new Field(name, true, true);
    }

    private static Field optional(String name) {
        return new Field(name, false, false);
    }

    private static Field optionalSecret(String name) {
        return new Field(name, false, true);
    }
}
