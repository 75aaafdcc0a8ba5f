package org.storeline.core.orderimport;

import java.util.ArrayList;
import java.util.List;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelOrder;

/** The sale note of an online sale (ORD-8): the customer's contact, the delivery details and their own note. */
final class SaleNotes {
    private SaleNotes() {}

    static String of(ChannelOrder order, Channel channel) {
        List<String> parts = new ArrayList<>();
        parts.add("Order " + order.number() + " from " + channel.name() + " ("
                + channel.platform().wireName() + ")");
        String contact =
                order.customer().flatMap(ChannelOrder.OrderCustomer::name).orElse("")
                        + order.customer()
                                .flatMap(ChannelOrder.OrderCustomer::email)
                                .map(e -> " <" + e + ">")
                                .orElse("")
                        + order.phone().map(p -> ", " + p).orElse("");
        if (!contact.isBlank()) {
            parts.add("Customer: " + contact.trim());
        }
        String delivery = order.fulfillmentType().wireName()
                + order.shippingMethod().map(m -> " by " + m).orElse("")
                + order.deliveryAddress()
                        .map(a -> "\n  " + a.replace("\n", "\n  "))
                        .orElse("");
        parts.add("Delivery: " + delivery);
        order.customerNote().filter(n -> !n.isBlank()).ifPresent(note -> parts.add("Customer's note: " + note.trim()));
        return String.join("\n", parts);
    }
}
