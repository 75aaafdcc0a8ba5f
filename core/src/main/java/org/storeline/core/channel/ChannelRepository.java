package org.storeline.core.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: channels, their secrets encrypted at rest by the adapter. */
public interface ChannelRepository {
    void insert(Channel channel);

    /** A channel, linked or unlinked (an unlinked one keeps its history and its secrets, to verify deliveries). */
    Optional<Channel> findById(UUID id);

    /** The same, its row locked until the transaction ends: changes to one channel are made one at a time. */
    Optional<Channel> findByIdForUpdate(UUID id);

    /** The linked channels: those that receive orders and are reconciled (and sent changes). */
    List<Channel> findAll();

    /** The unlinked channels, whose history stays readable. */
    List<Channel> findUnlinked();

    /** The channel that linked this store last and was unlinked since, if any (SOR-5): its id and its store. */
    Optional<Unlinked> lastUnlinked(Platform platform, String storeIdentity);

    /** An unlinked channel as a channel linking its store again continues it: its id and its store's. */
    record Unlinked(UUID channelId, UUID storeId) {}

    /**
     * Records how the last attempt to reach the platform went, on a linked channel only: an unlinked one keeps its
     * {@code unlinked} connection (a registration may finish after the unlink). False when nothing was changed: the
     * channel was unlinked (or does not exist).
     */
    boolean updateConnection(UUID channelId, Channel.Connection connection);

    /**
     * Persists what can change on a channel: its name, notifications switch, outlets and their order, online register,
     * shipping methods, credentials, webhook secrets, connection, store identity and unlinking.
     */
    void update(Channel channel);

    void updateReconciledUntil(UUID channelId, Instant until);
}
