package org.storeline.channels.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One BigCommerce order as the v2 API returns it: the order itself and the two sub-resources the order only
 * links to ({@code products} and {@code shipping_addresses} are {@code {url, resource}} references, so
 * they cost a call each). Package-private: BigCommerce JSON never leaves this module.
 *
 * @param storeCurrency the store's currency ({@code GET /v2/store} {@code currency}), fetched only when the
 *                      order itself names none (orders created through the API can answer
 *                      {@code "currency_code": null}); empty otherwise
 */
record BigCommerceOrderData(JsonNode order, List<JsonNode> products, List<JsonNode> shippingAddresses, Optional<String> storeCurrency) {

    BigCommerceOrderData {
        products = List.copyOf(products);
        shippingAddresses = List.copyOf(shippingAddresses);
        storeCurrency = storeCurrency == null ? Optional.empty() : storeCurrency;
    }

    BigCommerceOrderData(JsonNode order, List<JsonNode> products, List<JsonNode> shippingAddresses) {
        this(order, products, shippingAddresses, Optional.empty());
    }
}
