package org.storeline.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrafficTest {
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    private static Call call(long arrivedNanos, String method, String path) {
        return new Call(AT, arrivedNanos, method, path, "", 200, 0, "");
    }

    @Test
    void requestsAreCountedAsTheyArriveBeforeTheyAreAnswered() {
        Traffic traffic = new Traffic(10);

        traffic.arrived("PUT", "/api/products/7");
        traffic.arrived("PUT", "/api/products/7");
        traffic.arrived("GET", "/api/products/7");

        assertThat(traffic.arrivals("PUT", "/api/products/7")).isEqualTo(2);
        assertThat(traffic.arrivals("GET", "/api/products/7")).isEqualTo(1);
        assertThat(traffic.arrivals("PUT", "/api/products/8")).isZero();
        assertThat(traffic.received()).as("none answered yet").isEmpty();
    }

    @Test
    void theCallsAreReadNewestFirst() {
        Traffic traffic = new Traffic(10);
        Call first = call(1, "GET", "/a");
        Call webhook = call(2, StoreSimulator.WEBHOOK, "orders/create");
        Call second = call(3, "GET", "/b");

        traffic.add(first);
        traffic.add(webhook);
        traffic.add(second);

        assertThat(traffic.newestFirst()).containsExactly(second, webhook, first);
    }

    @Test
    void theRequestsReceivedLeaveOutTheWebhooksAndComeInTheOrderTheyArrived() {
        Traffic traffic = new Traffic(10);
        Call slow = call(1, "PUT", "/a"); // arrived first, answered last
        Call fast = call(2, "PUT", "/b");
        traffic.add(fast);
        traffic.add(call(3, StoreSimulator.WEBHOOK, "orders/create"));
        traffic.add(slow);

        assertThat(traffic.received()).containsExactly(slow, fast);
    }

    @Test
    void onlyTheLatestCallsAreKeptButEveryArrivalIsCounted() {
        Traffic traffic = new Traffic(2);
        for (int i = 1; i <= 3; i++) {
            traffic.arrived("GET", "/p");
            traffic.add(call(i, "GET", "/p"));
        }

        assertThat(traffic.newestFirst()).extracting(Call::arrivedNanos).containsExactly(3L, 2L);
        assertThat(traffic.arrivals("GET", "/p")).isEqualTo(3);
    }
}
