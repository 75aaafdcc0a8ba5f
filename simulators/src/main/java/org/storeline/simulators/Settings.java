package org.storeline.simulators;

import java.time.Clock;
import java.time.Duration;

/**
 * How a simulated store behaves: how often it shows each of its platform's habits (in percent of the orders it places),
 * how often an order carries a SKU Storeline does not sell (one in {@code unknownSkuEvery}), how soon it delivers a
 * webhook again that did not arrive, whether it keeps its platform's rate limit ({@code rateLimit}; the sync
 * benchmark measures Storeline's own budgets against a store without one), and how many of the requests it received it
 * keeps to show ({@code callsKept}: the demo's page shows the latest; the tests and the benchmark read them all).
 */
public record Settings(
        Clock clock,
        long seed,
        int neverSentPercent,
        int duplicatePercent,
        int outOfOrderPercent,
        int unknownSkuEvery,
        Duration webhookRetry,
        boolean rateLimit,
        int callsKept) {
    public Settings {
        if (neverSentPercent + duplicatePercent + outOfOrderPercent > 100) {
            throw new IllegalArgumentException("The habits add up to more than every order");
        }
        if (unknownSkuEvery < 1) {
            throw new IllegalArgumentException("unknownSkuEvery must be at least 1");
        }
        if (callsKept < 1) {
            throw new IllegalArgumentException("callsKept must be at least 1");
        }
    }

    /** The settings of each store, by its seed. */
    @FunctionalInterface
    public interface Factory {
        Settings of(long seed);
    }

    /** Lively but mostly well-behaved: one order in twenty per habit, one in twelve with an unknown SKU. */
    public static Settings demo(long seed) {
        return new Settings(Clock.systemUTC(), seed, 5, 5, 5, 12, Duration.ofSeconds(5), true, 200);
    }

    /**
     * No habit at all: every order announced once, in order; no unknown SKU; every request kept, for a test to read.
     */
    public static Settings wellBehaved(long seed) {
        return new Settings(
                Clock.systemUTC(), seed, 0, 0, 0, Integer.MAX_VALUE, Duration.ofSeconds(1), true, Integer.MAX_VALUE);
    }

    /** The same store without its platform's rate limit: it answers every request. */
    public Settings withoutRateLimit() {
        return new Settings(
                clock,
                seed,
                neverSentPercent,
                duplicatePercent,
                outOfOrderPercent,
                unknownSkuEvery,
                webhookRetry,
                false,
                callsKept);
    }
}
