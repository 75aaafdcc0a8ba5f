package org.storeline.core.channel;

import java.util.List;
import java.util.Map;

/** Port: what core needs to know of the platform connectors when a channel is created. */
public interface ChannelPlatforms {
    /** The credential names the platform's API needs. */
    List<String> requiredCredentials(Platform platform);

    /** The credentials as the platform's connector wants them stored (trimmed, store hashes without prefixes...). */
    Map<String, String> normalizeCredentials(Platform platform, Map<String, String> credentials);
}
