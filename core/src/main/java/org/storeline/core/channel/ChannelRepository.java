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

    void updateReconciledUntil(UUID channelId, Instant until);
}
