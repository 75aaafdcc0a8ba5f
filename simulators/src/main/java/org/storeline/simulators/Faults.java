package org.storeline.simulators;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The faults laid over a store's API, newest first, each until it is healed or runs out. */
final class Faults {
    private final Clock clock;
    private final List<Map.Entry<Fault, Instant>> laid = new ArrayList<>();

    Faults(Clock clock) {
        this.clock = clock;
    }

    synchronized void lay(Fault fault, Instant until) {
        laid.addFirst(Map.entry(fault, until));
    }

    synchronized void heal(Fault fault) {
        laid.stream().filter(f -> f.getKey().equals(fault)).findFirst().ifPresent(laid::remove);
    }

    /** Whether this fault is laid and has not run out. */
    synchronized boolean active(Fault fault) {
        Instant now = clock.instant();
        return laid.stream().anyMatch(f -> f.getKey().equals(fault) && now.isBefore(f.getValue()));
    }

    /** The newest fault in force that covers the request. */
    synchronized Optional<Fault> on(String method, String path) {
        Instant now = clock.instant();
        laid.removeIf(f -> !now.isBefore(f.getValue()));
        return laid.stream()
                .map(Map.Entry::getKey)
                .filter(f -> f.covers(method, path))
                .findFirst();
    }
}
