package org.storeline.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

    private final MovingClock clock = new MovingClock();
    private final Faults faults = new Faults(clock);

    @Test
    void noFaultLaidLeavesEveryRequestAlone() {
        assertThat(faults.on("GET", "/api/products")).isEmpty();
        assertThat(faults.active(Fault.offline())).isFalse();
    }

    @Test
    void theNewestFaultCoveringARequestAnswersIt() {
        Fault everything = Fault.serverErrors("/");
        Fault products = Fault.throttled("/api/products", Duration.ofSeconds(1));
        faults.lay(everything, Instant.MAX);
        faults.lay(products, Instant.MAX);

        assertThat(faults.on("PUT", "/api/products/7")).contains(products);
        assertThat(faults.on("GET", "/api/orders"))
                .as("the newer fault does not cover it")
                .contains(everything);
    }

    @Test
    void aHealedFaultLetsTheOneUnderItAnswerAgain() {
        Fault under = Fault.serverErrors("/api");
        Fault over = Fault.failing("/api", 502);
        faults.lay(under, Instant.MAX);
        faults.lay(over, Instant.MAX);

        faults.heal(over);

        assertThat(faults.on("GET", "/api/products")).contains(under);
        faults.heal(under);
        assertThat(faults.on("GET", "/api/products")).isEmpty();
    }

    @Test
    void healingAFaultLaidTwiceLiftsOneOfThem() {
        Fault fault = Fault.serverErrors("/api");
        faults.lay(fault, Instant.MAX);
        faults.lay(fault, Instant.MAX);

        faults.heal(fault);

        assertThat(faults.on("GET", "/api")).contains(fault);
        faults.heal(fault);
        assertThat(faults.on("GET", "/api")).isEmpty();
    }

    @Test
    void aFaultLaidForAWhileRunsOutAtItsEnd() {
        faults.lay(Fault.offline(), START.plusSeconds(30));

        clock.move(Duration.ofSeconds(29));
        assertThat(faults.active(Fault.offline())).isTrue();
        assertThat(faults.on("GET", "/api")).contains(Fault.offline());

        clock.move(Duration.ofSeconds(1));
        assertThat(faults.active(Fault.offline())).isFalse();
        assertThat(faults.on("GET", "/api")).isEmpty();
    }

    @Test
    void aFaultThatRanOutNoLongerHidesAnOlderOneStillInForce() {
        Fault lasting = Fault.serverErrors("/");
        faults.lay(lasting, Instant.MAX);
        faults.lay(Fault.offline(), START.plusSeconds(10));

        clock.move(Duration.ofSeconds(10));

        assertThat(faults.on("GET", "/api")).contains(lasting);
    }

    @Test
    void onlyTheFaultAskedAboutIsActive() {
        faults.lay(Fault.serverErrors("/"), Instant.MAX);

        assertThat(faults.active(Fault.offline())).isFalse();
        assertThat(faults.active(Fault.serverErrors("/"))).isTrue();
    }

    /** A clock the test moves on. */
    private static final class MovingClock extends Clock {
        private Instant now = START;

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
