package org.storeline.channels.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.channel.ChannelOrder;

/** Payment method, integrated or offline, and the processor to show (ORD-5, ORD-6). */
class ShopifyPaymentsTest {
    private final ShopifyOrderMapper mapper = new ShopifyOrderMapper();

    private static ObjectNode payload(String file) {
        return (ObjectNode) PlatformJson.parse(ShopifyDeliveries.payload(file), file);
    }

    private static ObjectNode restOrder() {
        return payload("rest-order-450789469.json");
    }

    @ParameterizedTest(name = "{0} -> integrated={1}")
    @CsvSource({
        "manual,                  false, ",
        "Cash on Delivery (COD),  false, ",
        "cash_on_delivery,        false, ",
        "Bank Deposit,            false, ",
        "bank_deposit,            false, ",
        "Money Order,             false, ",
        "money_order,             false, ",
        "shopify_payments,        true,  Shopify Payments",
        "paypal,                  true,  PayPal",
        "stripe,                  true,  Stripe",
        "bogus,                   true,  Bogus",
    })
    void tellsIntegratedGatewaysFromOfflineOnes(String gateway, boolean integrated, String processor) {
        ObjectNode order = restOrder();
        order.putArray("payment_gateway_names").add(gateway);

        ChannelOrder.OrderPayment payment = mapper.map(order).payment();

        assertThat(payment.method()).isEqualTo(gateway);
        assertThat(payment.integrated()).isEqualTo(integrated);
        assertThat(payment.processor()).isEqualTo(Optional.ofNullable(processor));
    }

    @Test
    void readsTheDeprecatedGatewayWhenThereAreNoGatewayNames() {
        ChannelOrder.OrderPayment payment =
                mapper.map(payload("ruby-order-authorized.json")).payment();

        assertThat(payment.method()).isEqualTo("authorize_net");
        assertThat(payment.processor()).contains("Authorize.Net");
    }

    @Test
    void anOrderWithoutAnyGatewayIsNotIntegrated() {
        ObjectNode order = restOrder();
        order.putArray("payment_gateway_names");
        order.put("gateway", "");

        ChannelOrder.OrderPayment payment = mapper.map(order).payment();

        assertThat(payment.integrated()).isFalse();
        assertThat(payment.processor()).isEmpty();
    }

    @Test
    void aSplitPaymentShowsTheFirstProcessorThatConfirmedIt() {
        ObjectNode order = restOrder();
        ArrayNode names = order.putArray("payment_gateway_names");
        names.add("manual").add("shopify_payments");

        ChannelOrder.OrderPayment payment = mapper.map(order).payment();

        assertThat(payment.method()).isEqualTo("manual, shopify_payments");
        assertThat(payment.integrated()).isTrue();
        assertThat(payment.processor()).contains("Shopify Payments");
    }

    @Test
    void snakeCaseGatewayCodesReadAsWordsAndNamedGatewaysStayAsWritten() {
        assertThat(ShopifyPayments.displayName("shopify_payments")).isEqualTo("Shopify Payments");
        assertThat(ShopifyPayments.displayName("gift_card")).isEqualTo("Gift Card");
        assertThat(ShopifyPayments.displayName("Mollie - iDEAL")).isEqualTo("Mollie - iDEAL");
    }
}
