package org.storeline.core.channel;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A connected online store. Its orders become sales on its online register (whose outlet is the sale's
 * outlet, ORD-2) and are fulfilled by its outlets (ALC-1..5). Credentials and the webhook secrets are
 * decrypted only in memory; never log a Channel ({@link #toString()} hides them).
 *
 * <p>Life cycle: created {@code pending}; registering webhooks on the platform makes it {@code connected}
 * or {@code failed} (retried later); its reconciliation cursor moves forward as polls succeed; unlinking it
 * ({@link #unlink}) ends it for good while its history stays: its connection becomes {@code unlinked} and stays so (a
 * registration finishing later does not change it). Linking the store again makes a new channel, {@code pending}.
 *
 * <p>A channel belongs to a store ({@code storeId}): the line of channels that linked one platform store, one after
 * the other (SOR-5). Imported orders and matched products are keyed by the store, so linking a store again after
 * its channel was unlinked recognises everything imported before. {@code storeIdentity} is how the platform names
 * the store; it is empty only for channels linked before it was recorded, until they are unlinked.
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
        Instant createdAt,
        UUID storeId,
        Optional<String> storeIdentity,
        Optional<PreviousSecret> previousSecret,
        Optional<Instant> unlinkedAt) {

    public Channel {
        credentials = Map.copyOf(credentials);
        outletIds = List.copyOf(outletIds);
        shippingMethodOutlets = Map.copyOf(shippingMethodOutlets);
    }

    /** A linked channel that starts its own store, its identity not recorded, with one webhook secret. */
    public Channel(
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
        this(
                id,
                platform,
                name,
                baseUrl,
                credentials,
                webhookSecret,
                outletIds,
                registerId,
                shippingMethodOutlets,
                notifications,
                connection,
                reconciledUntil,
                createdAt,
                id,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Pending, connected and failed say how the last attempt went; unlinked is final: nothing reaches it any more. */
    public enum ConnectionStatus {
        PENDING,
        CONNECTED,
        FAILED,
        UNLINKED
    }

    /** How the last attempt to reach the platform went, or, once unlinked, when and what that means. */
    public record Connection(ConnectionStatus status, String detail, Optional<Instant> checkedAt) {
        public static Connection pending() {
            return new Connection(ConnectionStatus.PENDING, "not checked yet", Optional.empty());
        }

        /** A channel unlinked at {@code at}: whatever it said before (connected, say) is no longer true. */
        public static Connection unlinked(Instant at) {
            return new Connection(
                    ConnectionStatus.UNLINKED,
                    "unlinked at " + at + ": no orders are received and nothing is sent to the store; its webhooks are"
                            + " removed where the platform allows (see the activity)",
                    Optional.of(at));
        }
    }

    /** The webhook secret before the last rotation, still accepted until {@code until}. Never log it. */
    public record PreviousSecret(String secret, Instant until) {
        @Override
        public String toString() {
            return "PreviousSecret[*** until " + until + "]";
        }
    }

    /** Whether the channel still receives orders: not unlinked. */
    public boolean isLinked() {
        return unlinkedAt.isEmpty();
    }

    /**
     * The secrets a delivery may be signed with at {@code now}: the current one first, then the one it replaced while
     * its window lasts (deliveries the platform signed before it had the new secret, or retries of them).
     */
    public List<String> webhookSecretsAt(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(webhookSecret));
        previousSecret.filter(p -> now.isBefore(p.until())).ifPresent(p -> secrets.add(p.secret()));
        return List.copyOf(secrets);
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
                createdAt,
                storeId,
                storeIdentity,
                previousSecret,
                unlinkedAt);
    }

    /**
     * This channel fulfilling from other outlets, in the given order (ALC-3), recording its sales on another online
     * register, or sending shipping methods to other outlets (ALC-2). The caller has checked that each outlet exists
     * and that the register's outlet is one of them.
     */
    public Channel withFulfillment(List<UUID> outlets, UUID register, Map<String, UUID> methods) {
        return new Channel(
                id,
                platform,
                name,
                baseUrl,
                credentials,
                webhookSecret,
                outlets,
                register,
                methods,
                notifications,
                connection,
                reconciledUntil,
                createdAt,
                storeId,
                storeIdentity,
                previousSecret,
                unlinkedAt);
    }

    /**
     * This channel calling the platform with other credentials (of the same store); its connection is checked again.
     */
    public Channel withCredentials(Map<String, String> newCredentials) {
        return new Channel(
                id,
                platform,
                name,
                baseUrl,
                newCredentials,
                webhookSecret,
                outletIds,
                registerId,
                shippingMethodOutlets,
                notifications,
                checkedAgain(),
                reconciledUntil,
                createdAt,
                storeId,
                storeIdentity,
                previousSecret,
                unlinkedAt);
    }

    /**
     * This channel verifying deliveries with {@code newSecret} from {@code now} on, and with the secret it replaces for
     * {@code overlap} more (zero: not at all). Only one earlier secret is kept: rotating twice within a window ends the
     * older one's. Giving the current secret again changes nothing.
     */
    public Channel rotateWebhookSecret(String newSecret, Instant now, Duration overlap) {
        if (newSecret.equals(webhookSecret)) {
            return this;
        }
        Optional<PreviousSecret> previous = overlap.isZero() || overlap.isNegative()
                ? Optional.empty()
                : Optional.of(new PreviousSecret(webhookSecret, now.plus(overlap)));
        return new Channel(
                id,
                platform,
                name,
                baseUrl,
                credentials,
                newSecret,
                outletIds,
                registerId,
                shippingMethodOutlets,
                notifications,
                checkedAgain(),
                reconciledUntil,
                createdAt,
                storeId,
                storeIdentity,
                previous,
                unlinkedAt);
    }

    /**
     * This channel unlinked at {@code at}: it receives nothing more (deliveries to it are kept, not imported) and its
     * history stays; its connection says so from then on. {@code identity} is recorded so that linking the same store
     * again finds its store.
     */
    public Channel unlink(Instant at, String identity) {
        if (!isLinked()) {
            return this;
        }
        return new Channel(
                id,
                platform,
                name,
                baseUrl,
                credentials,
                webhookSecret,
                outletIds,
                registerId,
                shippingMethodOutlets,
                notifications,
                Connection.unlinked(at),
                reconciledUntil,
                createdAt,
                storeId,
                Optional.of(identity),
                previousSecret,
                Optional.of(at));
    }

    /** Pending, to be checked again; an unlinked channel is never checked again and stays unlinked. */
    private Connection checkedAgain() {
        return isLinked() ? Connection.pending() : connection;
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
