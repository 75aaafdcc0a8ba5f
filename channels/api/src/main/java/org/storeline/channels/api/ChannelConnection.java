package org.storeline.channels.api;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.storeline.core.error.StorelineException;

/**
 * What a connector needs to talk to one channel: where the platform's API is ({@code baseUrl}, which
 * tests and the demo point at a local server), the credentials and the webhook secret, decrypted.
 * Never log it: {@link #toString()} hides the secrets.
 */
public record ChannelConnection(String channelId, URI baseUrl, Map<String, String> credentials, String webhookSecret) {

    public ChannelConnection {
        credentials = Map.copyOf(credentials);
    }

    public String credential(String name) {
        String value = credentials.get(name);
        if (value == null || value.isBlank()) {
            throw StorelineException.invalid("credentials." + name + " is required for this platform.");
        }
        return value;
    }

    public Optional<String> optionalCredential(String name) {
        return Optional.ofNullable(credentials.get(name)).filter(v -> !v.isBlank());
    }

    /** The base URL with the given path appended, without doubling the slash. */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + (path.startsWith("/") ? path : "/" + path));
    }

    @Override
    public String toString() {
        return "ChannelConnection[" + channelId + " " + baseUrl + ", credentials=" + credentials.keySet() + ", secret=***]";
    }
}
