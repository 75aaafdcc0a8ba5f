package org.storeline.core.payment;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.StorelineException;

/**
 * A way of paying, as staff choose it on the sell screen. Integrated types name their processor. A type whose
 * refunds Storeline sends itself has a {@code processorUrl} (RET-3), and perhaps credentials to send with them:
 * those are kept sealed and never part of this record, which says only whether there are some.
 */
public record PaymentType(
        UUID id,
        String name,
        PaymentKind kind,
        Optional<String> processor,
        Instant createdAt,
        Optional<URI> processorUrl,
        boolean hasProcessorCredentials) {
    public PaymentType {
        if (kind == PaymentKind.INTEGRATED && processor.isEmpty()) {
            throw StorelineException.invalid("An integrated payment type needs a processor (for example \"Stripe\").");
        }
        if (processorUrl.isPresent() && !kind.canSendRefunds()) {
            throw StorelineException.invalid("processor_url is for card, integrated and other payment types: "
                    + kind.wireName() + " is refunded by hand.");
        }
        if (hasProcessorCredentials && processorUrl.isEmpty()) {
            throw StorelineException.invalid(
                    "processor_credentials are sent with refunds to processor_url: give processor_url too.");
        }
    }

    /** A type whose refunds are made by hand. */
    public PaymentType(UUID id, String name, PaymentKind kind, Optional<String> processor, Instant createdAt) {
        this(id, name, kind, processor, createdAt, Optional.empty(), false);
    }

    /** Who gives the money back, for messages: the processor's name, else the type's. */
    public String refunder() {
        return processor.orElse(name);
    }
}
