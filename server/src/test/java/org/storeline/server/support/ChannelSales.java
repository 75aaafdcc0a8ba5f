package org.storeline.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The sales a channel's orders became, read through the API, for tests that wait for an import to finish. */
public final class ChannelSales {
    private ChannelSales() {}

    /** Every sale of the channel, page after page. */
    public static List<JsonNode> all(ApiClient admin, String channel) {
        List<JsonNode> sales = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = admin.get("/api/v1/sales?limit=500&channel_id=" + channel
                            + (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                    .json();
            page.path("items").forEach(sales::add);
            cursor = page.path("next_cursor").isNull()
                    ? ""
                    : page.path("next_cursor").asText();
        } while (!cursor.isEmpty());
        return sales;
    }

    /**
     * Waits until the channel has {@code expected} sales (or {@code limit} has passed) and answers their platform
     * order ids, checking on the way that no order became two sales.
     */
    public static Set<String> awaitOrders(ApiClient admin, String channel, int expected, Duration limit)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            Set<String> orderIds = new HashSet<>();
            for (JsonNode sale : all(admin, channel)) {
                assertThat(orderIds.add(sale.path("external_order_id").asText()))
                        .as("one sale per order")
                        .isTrue();
            }
            if (orderIds.size() >= expected || Instant.now().isAfter(deadline)) {
                return orderIds;
            }
            Thread.sleep(250);
        }
    }
}
