package org.storeline.core.fulfillment;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.Require;

/** A fulfillment note written with the Scanner (FUL-8, SCN-2): "2 mugs damaged", "customer called", ... */
public record FulfillmentNote(UUID id, String text, Optional<UUID> userId, Instant createdAt) {
    public FulfillmentNote {
        text = Require.text("text", text);
    }
}
