package org.storeline.channels.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One BigCommerce order as the v2 API returns it: the order itself and the two sub-resources the order only
 * links to ({@code products} and {@code shipping_addresses} are {@code {url, resource}} references, so
 * they cost a call each). Package-private: BigCommerce JSON never leaves this module.
 */
record BigCommerceOrderData(JsonNode order, List<JsonNode> products, List<JsonNode> shippingAddresses) {

    BigCommerceOrderData {
        products = List.copyOf(products);
        shippingAddresses = List.copyOf(shippingAddresses);
    }
}
