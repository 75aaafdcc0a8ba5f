package org.storeline.core.orderimport;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.payment.PaymentType;

/**
 * The payment type an online payment is recorded with, one per platform and method ("Shopify: paypal"),
 * created on first need. Integrated methods show their processor in sales history and payment reports
 * (ORD-5, PAY-4); offline ones get the closest kind.
 */
final class PaymentTypes {
    private PaymentTypes() {}

    static PaymentType forPayment(
            OrderImportRepository imports, Channel channel, ChannelOrder.OrderPayment payment, Instant now) {
        String method =
                payment.method().isBlank() ? "online payment" : payment.method().trim();
        String name = platformLabel(channel) + ": " + method;
        if (payment.integrated()) {
            return imports.paymentType(
                    name,
                    PaymentKind.INTEGRATED,
                    Optional.of(payment.processor().orElse(method)),
                    now);
        }
        return imports.paymentType(name, offlineKind(method), Optional.empty(), now);
    }

    static PaymentKind offlineKind(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        if (m.contains("cheque") || m.contains("check")) {
            return PaymentKind.CHEQUE;
        }
        if (m.contains("bacs")
                || m.contains("bank")
                || m.contains("transfer")
                || m.contains("deposit")
                || m.contains("virement")
                || m.contains("overschrijving")) {
            return PaymentKind.BANK_DEPOSIT;
        }
        if (m.equals("cash") || m.contains("pay by cash") || m.contains("contant")) {
            return PaymentKind.CASH;
        }
        return PaymentKind.OTHER;
    }

    private static String platformLabel(Channel channel) {
        return switch (channel.platform()) {
            case SHOPIFY -> "Shopify";
            case WOOCOMMERCE -> "WooCommerce";
            case BIGCOMMERCE -> "BigCommerce";
            case ECWID -> "Ecwid";
            case LIGHTSPEED_ECOM -> "Lightspeed eCom";
        };
    }
}
