package org.storeline.core.channel;

import java.util.Locale;
import org.storeline.core.error.StorelineException;

/** The online-store platforms Storeline connects to, by their wire names. */
public enum Platform {
    SHOPIFY("shopify"),
    WOOCOMMERCE("woocommerce"),
    BIGCOMMERCE("bigcommerce"),
    ECWID("ecwid"),
    LIGHTSPEED_ECOM("lightspeed_ecom");

    private final String wireName;

    Platform(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Platform fromWire(String value) {
        if (value != null) {
            for (Platform platform : values()) {
                if (platform.wireName.equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return platform;
                }
            }
        }
        throw StorelineException.invalid(
                "platform must be one of shopify, woocommerce, bigcommerce, ecwid, lightspeed_ecom; got '" + value
                        + "'.");
    }
}
