package org.storeline.core.stock;

import java.util.Locale;

/** Why a stock level moved. Every movement in the ledger carries one. */
public enum StockReason {
    IN_STORE_SALE,
    ONLINE_ORDER,
    RETURN,
    ADJUSTMENT,
    CANCELLATION,
    COUNT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StockReason fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
