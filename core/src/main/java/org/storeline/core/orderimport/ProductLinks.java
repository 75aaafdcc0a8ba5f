package org.storeline.core.orderimport;

import java.util.ArrayList;
import java.util.List;
import org.storeline.core.channel.ChannelOrder;

/** The keys under which a platform line's product is remembered: its variant id, else its product id. */
final class ProductLinks {
    private ProductLinks() {}

    static List<String> keys(ChannelOrder.OrderLine line) {
        List<String> keys = new ArrayList<>();
        line.platformVariantId().ifPresent(id -> keys.add("variant:" + id));
        if (line.platformVariantId().isEmpty()) {
            line.platformProductId().ifPresent(id -> keys.add("product:" + id));
        }
        return keys;
    }
}
