package org.storeline.channels.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

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
 * The shared connector contract, fed with Shopify's own examples (sources in
 * src/test/resources/payloads/SOURCES.md), each signed as Shopify signs deliveries.
 */
class ShopifyConnectorContractTest extends ConnectorContract {

    @Override
    protected Connector connector(PlatformHttp http) {
        return new ShopifyConnector(http);
    }

    @Override
    protected Map<String, String> credentials() {
        return Map.of("access_token", "shpat_contract_test_token");
    }

    @Override
    protected List<StockExample> stockExamples() {
        return List.of(new StockExample(
                "inventory_levels/update, Shopify's sample",
                ShopifyDeliveries.signed(
                        "inventory_levels/update",
                        ShopifyDeliveries.payload("webhook-inventory-levels-update-docs-sample.json"),
                        SECRET),
                Map.of("inventory_item_id", "271878346596884015", "location_id", "24826418"),
                OptionalLong.of(10)));
    }

    @Override
    protected List<Example> examples() {
        return List.of(
                // The REST Order docs example: partially refunded (so paid), three taxed and discounted lines, free
                // shipping.
                example(
                        "rest-order-450789469.json",
                        "orders/updated",
                        new Expected(
                                "450789469",
                                "#1001",
                                OrderDisposition.IMPORT_PAID,
                                "598.94",
                                "USD",
                                3,
                                FulfillmentType.DELIVERY,
                                Optional.of("bob.norman@mail.example.com"),
                                true)),
                // The orders/create sample payload of Shopify's webhook reference: a cancelled, voided test order.
                example(
                        "webhook-orders-create-docs-sample.json",
                        "orders/create",
                        new Expected(
                                "820982911946154508",
                                "#9999",
                                OrderDisposition.SKIP_CANCELLED,
                                "404.95",
                                "USD",
                                5,
                                FulfillmentType.DELIVERY,
                                Optional.of("jon@example.com"),
                                true)),
                // Shopify's Ruby SDK fixture: authorized through authorize_net (the deprecated `gateway` field only).
                example(
                        "ruby-order-authorized.json",
                        "orders/create",
                        new Expected(
                                "450789469",
                                "#1001",
                                OrderDisposition.IMPORT_PAID,
                                "409.94",
                                "USD",
                                3,
                                FulfillmentType.DELIVERY,
                                Optional.of("bob.norman@hostmail.com"),
                                true)),
                // Derived from the webhook sample: pending, cash on delivery.
                example(
                        "derived-unpaid-cash-on-delivery.json",
                        "orders/create",
                        new Expected(
                                "820982911946154508",
                                "#9999",
                                OrderDisposition.IMPORT_UNPAID,
                                "404.95",
                                "USD",
                                5,
                                FulfillmentType.DELIVERY,
                                Optional.of("jon@example.com"),
                                true)),
                // Derived from the REST example: paid, a "Pick up in store" line and no shipping address.
                example(
                        "derived-paid-pickup.json",
                        "orders/paid",
                        new Expected(
                                "450789469",
                                "#1001",
                                OrderDisposition.IMPORT_PAID,
                                "598.94",
                                "USD",
                                3,
                                FulfillmentType.PICKUP,
                                Optional.of("bob.norman@mail.example.com"),
                                true)),
                // Real orders from outside Shopify's docs (SOURCES.md). A guest draft order in HKD: no customer, no
                // addresses, two discounts, a custom 22.00 shipping line, marked paid by hand.
                example(
                        "draft-order-guest-hkd-two-discounts.json",
                        "orders/create",
                        new Expected(
                                "6200407294252",
                                "#1071",
                                OrderDisposition.IMPORT_PAID,
                                "186.90",
                                "HKD",
                                2,
                                FulfillmentType.DELIVERY,
                                Optional.empty(),
                                true)),
                // PLN, paid and fulfilled, quantities 2 and 3, VAT on top, no shipping line.
                example(
                        "draft-order-paid-fulfilled-pln.json",
                        "orders/fulfilled",
                        new Expected(
                                "100500",
                                "#1166X01",
                                OrderDisposition.IMPORT_FULFILLED,
                                "2147.58",
                                "PLN",
                                2,
                                FulfillmentType.DELIVERY,
                                Optional.of("przecietny-kowalski@mail.pl"),
                                false)),
                // TRY, taxes included, paid through iyzico, free shipping line.
                example(
                        "checkout-paid-taxes-included-try.json",
                        "orders/paid",
                        new Expected(
                                "4893196583145",
                                "#35712",
                                OrderDisposition.IMPORT_PAID,
                                "875.00",
                                "TRY",
                                1,
                                FulfillmentType.DELIVERY,
                                Optional.of("ayse.ornek@example.com"),
                                true)),
                // AUD, Shopify Payments test order, GST and 10.00 shipping on top.
                example(
                        "checkout-paid-shopify-payments-aud.json",
                        "orders/create",
                        new Expected(
                                "2998557704341",
                                "#1030",
                                OrderDisposition.IMPORT_PAID,
                                "59.45",
                                "AUD",
                                1,
                                FulfillmentType.DELIVERY,
                                Optional.of("buyer@example.com"),
                                true)),
                // The HKD draft order with a 100.00 deposit received and 86.90 outstanding (derived, SOURCES.md).
                example(
                        "derived-partially-paid-deposit-hkd.json",
                        "orders/updated",
                        new Expected(
                                "6200407294252",
                                "#1071",
                                OrderDisposition.IMPORT_PARTIALLY_PAID,
                                "186.90",
                                "HKD",
                                2,
                                FulfillmentType.DELIVERY,
                                Optional.empty(),
                                true)),
                // A real partially_paid order created through the API with nothing received yet (INR, no shipping
                // line nor address for physical goods: picked up).
                example(
                        "api-created-partially-paid-nothing-received-inr.json",
                        "orders/create",
                        new Expected(
                                "5323508842800",
                                "#1002",
                                OrderDisposition.IMPORT_PARTIALLY_PAID,
                                "30000.00",
                                "INR",
                                1,
                                FulfillmentType.PICKUP,
                                Optional.of("john@example.com"),
                                false)));
    }

    private static Example example(String file, String topic, Expected expected) {
        return new Example(file, ShopifyDeliveries.signed(topic, ShopifyDeliveries.payload(file), SECRET), expected);
    }

    @Override
    protected String orderPath(Example example) {
        return "/admin/api/" + ShopifyClient.API_VERSION + "/orders/"
                + example.expected().externalId() + ".json";
    }

    @Override
    protected String orderResponse(Example example) {
        // GET /orders/{id}.json wraps the same order object the webhook sends.
        return "{\"order\": " + ShopifyDeliveries.payloadText(example.name()) + "}";
    }

    @Override
    protected String signatureHeader() {
        return ShopifyWebhookVerifier.SIGNATURE_HEADER;
    }

    @Override
    protected String listedOrder(Example example) {
        return ShopifyDeliveries.payloadText(example.name());
    }

    /** {@code GET /orders.json} wraps the orders in {@code orders}; without a Link header there is no next page. */
    @Override
    protected void stubOrderList(List<String> orders) {
        platform.stubFor(get(urlPathEqualTo("/admin/api/" + ShopifyClient.API_VERSION + "/orders.json"))
                .willReturn(json("{\"orders\": [" + String.join(",", orders) + "]}")));
    }

    @Override
    protected String totalField() {
        return "total_price";
    }
}
