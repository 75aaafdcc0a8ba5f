package org.storeline.core.email;

import java.util.Locale;
import java.util.Optional;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.FulfillmentStatus;

/** What a customer email tells (FUL-6): a delivery has shipped, or a pickup is ready to be picked up. */
public enum EmailKind {
    SHIPPED,
    READY_FOR_PICKUP;

    /**
     * The email a fulfillment's new status calls for: a delivery marked shipped, a pickup marked packed (it waits at
     * the outlet); none for any other status or type.
     */
    public static Optional<EmailKind> forStatus(FulfillmentType type, FulfillmentStatus status) {
        if (type == FulfillmentType.DELIVERY && status == FulfillmentStatus.SHIPPED) {
            return Optional.of(SHIPPED);
        }
        if (type == FulfillmentType.PICKUP && status == FulfillmentStatus.PACKED) {
            return Optional.of(READY_FOR_PICKUP);
        }
        return Optional.empty();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EmailKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
