package org.storeline.channels.api;

import java.util.List;
import java.util.Optional;
import org.storeline.core.channel.ChannelOrder;

/** One page of a platform's order list, and how to ask for the next (empty on the last page). */
public record OrderPage(List<ChannelOrder> orders, Optional<String> nextPage) {
    public OrderPage {
        orders = List.copyOf(orders);
    }
}
