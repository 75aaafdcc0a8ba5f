package org.storeline.core.channel;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A webhook delivery as kept in the inbox: raw headers and body, and how many times it was tried. */
public record StoredDelivery(
        UUID id,
        UUID channelId,
        Instant receivedAt,
        Map<String, String> headers,
        Map<String, String> query,
        byte[] body,
        int attempts) {
    public StoredDelivery {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
    }
}
