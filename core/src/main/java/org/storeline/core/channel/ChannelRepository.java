package org.storeline.core.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: channels, their secrets encrypted at rest by the adapter. */
public interface ChannelRepository {
    void insert(Channel channel);

    Optional<Channel> findById(UUID id);

    List<Channel> findAll();

    void updateConnection(UUID channelId, Channel.Connection connection);

    /** Persists the settings a PATCH changes: the name and the notifications switch. */
    void updateSettings(UUID channelId, String name, boolean notifications);

    void updateReconciledUntil(UUID channelId, Instant until);
}
