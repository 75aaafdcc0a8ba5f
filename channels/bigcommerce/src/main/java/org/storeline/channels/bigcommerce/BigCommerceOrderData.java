package org.storeline.channels.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One BigCommerce order as the v2 API returns it: the order itself and the two sub-resources the order only
 * links to ({@code products} and {@code shipping_addresses} are {@code {url, resource}} references, so
 * they cost a call each). Package-private: BigCommerce JSON never leaves this module.
 *
 * @param store the store ({@code GET /v2/store}, whose {@code currency} is the store's), fetched only when the
 *              order itself names no currency (orders created through the API can answer
 *              {@code "currency_code": null}); empty otherwise
 */
record BigCommerceOrderData(
        JsonNode order, List<JsonNode> products, List<JsonNode> shippingAddresses, Optional<JsonNode> store) {

    BigCommerceOrderData {
        products = List.copyOf(products);
        shippingAddresses = List.copyOf(shippingAddresses);
        store = store == null ? Optional.empty() : store;
    }

    BigCommerceOrderData(JsonNode order, List<JsonNode> products, List<JsonNode> shippingAddresses) {
        this(order, products, shippingAddresses, Optional.empty());
    }
}
