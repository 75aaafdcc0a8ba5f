package org.storeline.core.email;

import java.util.Arrays;
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

    /**
     * Whether a fulfillment that reached {@code status} may call for an email, whatever its type: most changes (a scan,
     * an assignee, a note) leave a status that calls for none, and need not be looked at further.
     */
    public static boolean mayFollow(FulfillmentStatus status) {
        return Arrays.stream(FulfillmentType.values())
                .anyMatch(type -> forStatus(type, status).isPresent());
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EmailKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
