package org.storeline.simulators;

/** A stock level a request wrote, and when that request arrived ({@link System#nanoTime}). */
public record StockWrite(long level, long arrivedNanos) {}
