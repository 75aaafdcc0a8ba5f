package org.storeline.channels.woocommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.storeline.channels.api.Connector;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.contract.ConnectorContract;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;

/**
 * The shared contract, fed with WooCommerce's own documented orders (src/test/resources/payloads, sources
 * in SOURCES.md) delivered and signed the way WooCommerce's WC_Webhook::deliver() does.
 */
class WooCommerceConnectorContractTest extends ConnectorContract {

    @Override
    protected Connector connector(PlatformHttp http) {
        return new WooCommerceConnector(http);
    }

    @Override
    protected Map<String, String> credentials() {
        return Map.of("consumer_key", "ck_contract", "consumer_secret", "cs_contract");
    }

    @Override
    protected List<StockExample> stockExamples() {
        return List.of(
                new StockExample(
                        "product 794's stock edited",
                        WooCommerceDeliveries.signed(
                                "product.updated", resource("stock/product-794-stock-edited.json"), SECRET),
                        Map.of("product_id", "794"),
                        OptionalLong.of(12)),
                new StockExample(
                        "variation 733 of product 22 edited",
                        WooCommerceDeliveries.signed(
                                "product.updated", resource("stock/variation-733-stock-edited.json"), SECRET),
                        Map.of("product_id", "22", "variation_id", "733"),
                        OptionalLong.of(4)));
    }

    @Override
    protected List<Example> examples() {
        return List.of(
                example(
                        "order-727-processing.json",
                        "order.created",
                        expected(
                                "727",
                                OrderDisposition.IMPORT_PAID,
                                "29.35",
                                2,
                                FulfillmentType.DELIVERY,
                                "john.doe@example.com")),
                example(
                        "order-723-completed.json",
                        "order.updated",
                        expected(
                                "723",
                                OrderDisposition.IMPORT_FULFILLED,
                                "39.00",
                                2,
                                FulfillmentType.DELIVERY,
                                "joao.silva@example.com")),
                example(
                        "order-727-on-hold.json",
                        "order.created",
                        expected(
                                "727",
                                OrderDisposition.IMPORT_UNPAID,
                                "29.35",
                                2,
                                FulfillmentType.DELIVERY,
                                "john.doe@example.com")),
                example(
                        "order-727-local-pickup.json",
                        "order.created",
                        expected(
                                "727",
                                OrderDisposition.IMPORT_PAID,
                                "19.35",
                                2,
                                FulfillmentType.PICKUP,
                                "john.doe@example.com")),
                example(
                        "order-723-cod-fee.json",
                        "order.created",
                        expected(
                                "723",
                                OrderDisposition.IMPORT_UNPAID,
                                "41.00",
                                3,
                                FulfillmentType.DELIVERY,
                                "joao.silva@example.com")));
    }

    private static Example example(String file, String topic, Expected expected) {
        return new Example(file, WooCommerceDeliveries.signed(topic, resource("payloads/" + file), SECRET), expected);
    }

    /** Every example has a shipping line (a flat rate, or the local pickup line), and number = id. */
    private static Expected expected(
            String id, OrderDisposition disposition, String total, int lines, FulfillmentType type, String email) {
        return new Expected(id, id, disposition, total, "USD", lines, type, Optional.of(email), true);
    }

    @Override
    protected String orderPath(Example example) {
        return "/wp-json/wc/v3/orders/" + example.expected().externalId();
    }

    /** The webhook body is the REST GET response built at delivery time, so the API answers the same JSON. */
    @Override
    protected String orderResponse(Example example) {
        return new String(example.delivery().body(), StandardCharsets.UTF_8);
    }

    @Override
    protected String signatureHeader() {
        return WooCommerceWebhookVerifier.SIGNATURE_HEADER;
    }

    @Override
    protected String listedOrder(Example example) {
        return orderResponse(example);
    }

    /** {@code GET /orders} answers a JSON array and says how many pages there are in {@code X-WP-TotalPages}. */
    @Override
    protected void stubOrderList(List<String> orders) {
        platform.stubFor(get(urlPathEqualTo(WooCommerceClient.API + "/orders"))
                .willReturn(json("[" + String.join(",", orders) + "]").withHeader("X-WP-TotalPages", "1")));
    }

    @Override
    protected String totalField() {
        return "total";
    }
}
