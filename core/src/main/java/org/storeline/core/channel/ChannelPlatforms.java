package org.storeline.core.channel;

import java.util.List;

/** Port: what core needs to know of the platform connectors when a channel is created. */
public interface ChannelPlatforms {
    /** The credential names the platform's API needs. */
    List<String> requiredCredentials(Platform platform);

    /** The credentials as the platform's connector wants them stored (trimmed, store hashes without prefixes...). */
    java.util.Map<String, String> normalizeCredentials(Platform platform, java.util.Map<String, String> credentials);
}
