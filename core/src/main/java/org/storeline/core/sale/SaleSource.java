package org.storeline.core.sale;

import java.util.Locale;

/** Where a sale was made. In-store sales are never sent to a channel (SOR-4). */
public enum SaleSource {
    IN_STORE,
    ONLINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SaleSource fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
