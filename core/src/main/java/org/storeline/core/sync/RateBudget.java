package org.storeline.core.sync;

import java.time.Duration;
import java.util.List;

/**
 * How many requests a platform takes from one store: each window allows {@code requests} per {@code per} (Lightspeed:
 * 300 per 5 minutes and 20 per second; BigCommerce 150 per 30 s; Ecwid 600 per minute; Shopify's leaky bucket as its
 * leak rate and its bucket). The sync worker keeps under every window; a platform's own rate-limit answer (429 with
 * {@code Retry-After}) still wins.
 */
public record RateBudget(List<Window> windows) {
    public record Window(int requests, Duration per) {
        public Window {
            if (requests < 1 || per.isZero() || per.isNegative()) {
                throw new IllegalArgumentException("A rate window needs a positive count and duration.");
            }
        }
    }

    public RateBudget {
        windows = List.copyOf(windows);
    }

    public static RateBudget of(Window... windows) {
        return new RateBudget(List.of(windows));
    }
}
