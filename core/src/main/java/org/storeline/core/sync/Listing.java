package org.storeline.core.sync;

import java.util.Map;
import java.util.Objects;

/**
 * A product as one platform knows it: the SKU it was found by, and the platform's own ids for it (Shopify's inventory
 * item and location, WooCommerce's product or variation, BigCommerce's product, variant and location, Ecwid's product
 * or combination, Lightspeed's variant). Only the platform's module reads or writes {@code ids}; the rest of Storeline
 * keeps them as they are, so that a product is looked up once per store (a channel that links a store again starts with
 * the listings of the store's previous channel), and again only when its SKU changed.
 */
public record Listing(String sku, Map<String, String> ids) {
    public Listing {
        Objects.requireNonNull(sku, "sku");
        if (sku.isBlank()) {
            throw new IllegalArgumentException("A listing is found by its SKU, which is blank.");
        }
        ids = Map.copyOf(ids);
    }
}
