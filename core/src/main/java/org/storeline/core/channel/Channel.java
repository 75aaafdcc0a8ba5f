package org.storeline.core.channel;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A connected online store. Its orders become sales on its online register (whose outlet is the sale's
 * outlet, ORD-2) and are fulfilled by its outlets (ALC-1..5). Credentials and the webhook secret are
 * decrypted only in memory; never log a Channel ({@link #toString()} hides them).
 *
 * <p>Life cycle: created {@code pending}; registering webhooks on the platform makes it {@code connected}
 * or {@code failed} (retried later); its reconciliation cursor moves forward as polls succeed.
 */
public record Channel(
        UUID id,
        Platform platform,
        String name,
        URI baseUrl,
        Map<String, String> credentials,
        String webhookSecret,
        List<UUID> outletIds,
        UUID registerId,
        Map<String, UUID> shippingMethodOutlets,
        boolean notifications,
        Connection connection,
        Optional<Instant> reconciledUntil,
        Instant createdAt) {

    public Channel {
        credentials = Map.copyOf(credentials);
        outletIds = List.copyOf(outletIds);
        shippingMethodOutlets = Map.copyOf(shippingMethodOutlets);
    }

    public enum ConnectionStatus {
        PENDING,
        CONNECTED,
        FAILED
    }

    /** How the last attempt to reach the platform went. */
    public record Connection(ConnectionStatus status, String detail, Optional<Instant> checkedAt) {
        public static Connection pending() {
            return new Connection(ConnectionStatus.PENDING, "not checked yet", Optional.empty());
        }
    }

    /** This channel under another name, with new orders notifying (NTF-3) or not. */
    public Channel withSettings(String newName, boolean notify) {
        return new Channel(
                id,
                platform,
                newName,
                baseUrl,
                credentials,
                webhookSecret,
                outletIds,
                registerId,
                shippingMethodOutlets,
                notify,
                connection,
                reconciledUntil,
                createdAt);
    }

    /** The outlet of a shipping method, matched without regard to case or surrounding spaces (ALC-2). */
    public Optional<UUID> outletForShippingMethod(String method) {
        String wanted = method.trim();
        return shippingMethodOutlets.entrySet().stream()
                .filter(e -> e.getKey().trim().equalsIgnoreCase(wanted))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    @Override
    public String toString() {
        return "Channel[" + id + " " + platform.wireName() + " '" + name + "' " + baseUrl + ", secrets hidden]";
    }
}
