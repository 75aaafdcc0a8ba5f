package org.storeline.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultTest {

    @Test
    void aFaultCoversEveryMethodOnItsPathAndBelowIt() {
        Fault fault = Fault.serverErrors("/api/products");

        assertThat(fault.covers("GET", "/api/products")).isTrue();
        assertThat(fault.covers("PUT", "/api/products/7/stock")).isTrue();
        assertThat(fault.covers("GET", "/api/orders")).isFalse();
        assertThat(fault.covers("GET", "/api")).as("a path above it").isFalse();
    }

    @Test
    void aFaultForOneMethodLeavesTheOthersAlone() {
        Fault fault = Fault.serverErrors("/api/products").onlyFor("PUT");

        assertThat(fault.method()).contains("PUT");
        assertThat(fault.covers("PUT", "/api/products/7")).isTrue();
        assertThat(fault.covers("GET", "/api/products/7")).isFalse();
    }

    @Test
    void anOfflineStoreAnswers503ToEveryRequestAtOnce() {
        Fault offline = Fault.offline();

        assertThat(offline.status()).contains(503);
        assertThat(offline.delay()).isZero();
        assertThat(offline.covers("POST", "/anything/at/all")).isTrue();
        assertThat(offline)
                .as("one offline fault is any other: healing or asking finds it")
                .isEqualTo(Fault.offline());
    }

    @Test
    void eachFaultSaysWhatItAnswersAndWhen() {
        assertThat(Fault.serverErrors("/p").status()).contains(500);
        assertThat(Fault.failing("/p", 502).status()).contains(502);
        assertThat(Fault.failing("/p", 502).delay()).isZero();

        Fault throttled = Fault.throttled("/p", Duration.ofSeconds(3));
        assertThat(throttled.status()).contains(429);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(throttled.delay()).isZero();

        Fault late = Fault.answerLate("/p", Duration.ofMillis(800));
        assertThat(late.status()).as("the request takes effect, as usual").isEmpty();
        assertThat(late.delay()).isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void aFaultAnsweredAfterAWaitKeepsWhatItAnswers() {
        Fault hangsThenFails =
                Fault.throttled("/p", Duration.ofSeconds(2)).onlyFor("PUT").after(Duration.ofSeconds(5));

        assertThat(hangsThenFails)
                .isEqualTo(new Fault(
                        Optional.of("PUT"), "/p", Optional.of(429), Duration.ofSeconds(5), Duration.ofSeconds(2)));
    }

    @Test
    void aFaultWaitsNoNegativeTime() {
        assertThatThrownBy(() -> Fault.answerLate("/p", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.throttled("/p", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
