package org.storeline.channels.api;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelPlatforms;
import org.storeline.core.channel.Platform;

/** The connectors the server runs, one per platform, and the connection details of a channel for them. */
public final class Connectors implements ChannelPlatforms {
    private final Map<Platform, Connector> byPlatform = new EnumMap<>(Platform.class);

    public Connectors(List<Connector> connectors) {
        connectors.forEach(connector -> byPlatform.put(connector.platform(), connector));
    }

    public Connector of(Platform platform) {
        Connector connector = byPlatform.get(platform);
        if (connector == null) {
            throw new IllegalStateException("No connector is installed for " + platform.wireName());
        }
        return connector;
    }

    @Override
    public List<String> requiredCredentials(Platform platform) {
        return of(platform).requiredCredentials();
    }

    @Override
    public Map<String, String> normalizeCredentials(Platform platform, Map<String, String> credentials) {
        return of(platform).normalizeCredentials(credentials);
    }

    @Override
    public String storeIdentity(Platform platform, URI baseUrl, Map<String, String> normalizedCredentials) {
        return of(platform).storeIdentity(baseUrl, normalizedCredentials);
    }

    @Override
    public boolean isSameStore(Platform platform, String identity, String newIdentity) {
        return of(platform).isSameStore(identity, newIdentity);
    }

    public static ChannelConnection connection(Channel channel) {
        return connection(channel, channel.webhookSecret());
    }

    /** The channel's connection with one of the secrets its deliveries may be signed with. */
    public static ChannelConnection connection(Channel channel, String webhookSecret) {
        return new ChannelConnection(channel.id().toString(), channel.baseUrl(), channel.credentials(), webhookSecret);
    }
}
