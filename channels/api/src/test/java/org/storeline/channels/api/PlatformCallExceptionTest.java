package org.storeline.channels.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.storeline.core.sync.PlatformCall;

class PlatformCallExceptionTest {

    @Test
    void eachFactorySaysWhetherTheSameCallMayWorkLater() {
        assertThat(PlatformCallException.refused("no", 404)).satisfies(e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.status()).isEqualTo(404);
        });
        assertThat(PlatformCallException.unavailable("busy", 429)).satisfies(e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.status()).isEqualTo(429);
        });
        assertThat(PlatformCallException.unreachable("timeout", null)).satisfies(e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.status()).isZero();
        });
        assertThat(PlatformCallException.unreadable("not JSON")).satisfies(e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.status()).isZero();
        });
    }

    @Test
    void aFailureCarriesTheCallsMadeBeforeItNestedOperationsInTheOrderMade() {
        PlatformCall read = new PlatformCall("GET", "/orders/1", 200, "{}");
        PlatformCall shipment = new PlatformCall("PUT", "/shipments/7", 200, "{}");

        assertThatThrownBy(() -> PlatformCallException.following(
                        List.of(read),
                        () -> PlatformCallException.following(List.of(shipment), () -> {
                            throw PlatformCallException.unavailable("busy", 503);
                        })))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.madeBefore()).containsExactly(read, shipment);
                    assertThat(e.status()).isEqualTo(503);
                });
        assertThat(PlatformCallException.following(List.of(read), () -> "answered"))
                .isEqualTo("answered");
        assertThat(PlatformCallException.refused("no", 404).madeBefore()).isEmpty();
    }
}
