package org.storeline.simulators;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a store received and sent: the requests, counted as they arrive (an answer may still be on its way) and kept
 * once answered, with the webhooks it delivered; the latest {@code kept} of them (see {@link Settings#callsKept}).
 */
final class Traffic {
    private final int kept;
    private final Deque<Call> calls = new ArrayDeque<>();
    private final Map<String, Integer> arrivals = new HashMap<>();

    Traffic(int kept) {
        this.kept = kept;
    }

    synchronized void arrived(String method, String path) {
        arrivals.merge(method + " " + path, 1, Integer::sum);
    }

    synchronized int arrivals(String method, String path) {
        return arrivals.getOrDefault(method + " " + path, 0);
    }

    synchronized void add(Call call) {
        calls.addLast(call);
        while (calls.size() > kept) {
            calls.removeFirst();
        }
    }

    synchronized List<Call> newestFirst() {
        List<Call> list = new ArrayList<>(calls);
        Collections.reverse(list);
        return list;
    }

    /** The requests (not the webhooks), in the order they arrived. */
    synchronized List<Call> received() {
        return calls.stream()
                .filter(c -> !c.method().equals(StoreSimulator.WEBHOOK))
                .sorted(Comparator.comparingLong(Call::arrivedNanos))
                .toList();
    }
}
