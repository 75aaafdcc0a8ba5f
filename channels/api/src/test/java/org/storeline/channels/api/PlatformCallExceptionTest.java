package org.storeline.channels.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
