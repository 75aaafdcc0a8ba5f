package org.storeline.core.sync;

import java.util.Locale;

/** What a sync task sends to a channel: a product's stock level, a product's price, or an order's status. */
public enum SyncKind {
    STOCK,
    PRICE,
    STATUS;

    /** Stock and price tasks name a product whose current value is read when sent: they merge (coalesce). */
    public boolean coalesces() {
        return this != STATUS;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SyncKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
