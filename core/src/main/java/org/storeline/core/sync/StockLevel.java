package org.storeline.core.sync;

/**
 * The stock a channel shows for one product: an absolute level (never a difference, so that a retried or repeated
 * push cannot count twice), the on-hand summed over the channel's linked outlets, never below zero.
 */
public record StockLevel(Listing listing, long level) {
    public StockLevel {
        if (level < 0) {
            throw new IllegalArgumentException("A stock level sent to a channel is never below zero: " + level);
        }
    }
}
