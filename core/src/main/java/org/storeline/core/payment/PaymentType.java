package org.storeline.core.payment;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.StorelineException;

/** A way of paying, as staff choose it on the sell screen. Integrated types name their processor. */
public record PaymentType(UUID id, String name, PaymentKind kind, Optional<String> processor, Instant createdAt) {
    public PaymentType {
        if (kind == PaymentKind.INTEGRATED && processor.isEmpty()) {
            throw StorelineException.invalid("An integrated payment type needs a processor (for example \"Stripe\").");
        }
    }
}
