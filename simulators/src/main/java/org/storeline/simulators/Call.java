package org.storeline.simulators;

import java.time.Instant;

/**
 * A request the store received ({@code query} is its parameters' names), when it arrived ({@link System#nanoTime}),
 * how many stock levels it carried, and how the store answered; or a webhook the store sent
 * ({@link StoreSimulator#WEBHOOK}).
 */
public record Call(
        Instant at, long arrivedNanos, String method, String path, String query, int status, int levels, String body) {}
