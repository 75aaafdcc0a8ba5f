package org.storeline.channels.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.storeline.core.channel.ChannelOrder;

/**
 * One page of a platform's order list: the orders read from it, the listed orders that could not be read
 * (each with the reason, so that it is logged and the rest imported), and how to ask for the next page
 * (empty on the last page).
 */
public record OrderPage(List<ChannelOrder> orders, List<UnreadableOrder> unreadable, Optional<String> nextPage) {
    public OrderPage {
        orders = List.copyOf(orders);
        unreadable = List.copyOf(unreadable);
    }

    public OrderPage(List<ChannelOrder> orders, Optional<String> nextPage) {
        this(orders, List.of(), nextPage);
    }

    /**
     * A listed order that could not become a {@link ChannelOrder}: its platform id when it has one (to fetch it
     * again once it is fixed on the platform) and the mapper's reason.
     */
    public record UnreadableOrder(Optional<String> externalId, String reason) {}

    /**
     * Reads a page of listed orders one at a time. {@code read} answers the order, or empty when it is outside the
     * query's range. An order whose own data cannot be read (a final {@link PlatformCallException}) is reported in
     * {@link #unreadable} under the id {@code idOf} finds, and the others are kept; a failure that may pass (the
     * platform unavailable while a part of one order is fetched) fails the page, which is asked for again later.
     */
    public static <T> OrderPage read(
            List<T> listed,
            Function<T, Optional<String>> idOf,
            Function<T, Optional<ChannelOrder>> read,
            Optional<String> nextPage) {
        List<ChannelOrder> orders = new ArrayList<>();
        List<UnreadableOrder> unreadable = new ArrayList<>();
        for (T order : listed) {
            try {
                read.apply(order).ifPresent(orders::add);
            } catch (PlatformCallException e) {
                if (e.retryable()) {
                    throw e;
                }
                unreadable.add(new UnreadableOrder(idOf.apply(order), e.getMessage()));
            }
        }
        return new OrderPage(orders, unreadable, nextPage);
    }
}
