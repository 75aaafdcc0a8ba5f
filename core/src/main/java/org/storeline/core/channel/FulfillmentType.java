package org.storeline.core.channel;

import java.util.Locale;

/** How an online order reaches the customer: sent to them, or collected at an outlet. */
public enum FulfillmentType {
    DELIVERY,
    PICKUP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FulfillmentType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
