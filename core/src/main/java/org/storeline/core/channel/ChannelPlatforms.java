package org.storeline.core.channel;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Port: what core needs to know of the platform connectors when a channel is created or changed. */
public interface ChannelPlatforms {
    /** The credential names the platform's API needs. */
    List<String> requiredCredentials(Platform platform);

    /** The credentials as the platform's connector wants them stored (trimmed, store hashes without prefixes...). */
    Map<String, String> normalizeCredentials(Platform platform, Map<String, String> credentials);

    /**
     * How the platform names the store these settings reach (a shop domain, a site URL, a store hash...), worked out
     * without calling it: linking the same identity again after an unlink continues the same store (SOR-5).
     */
    String storeIdentity(Platform platform, URI baseUrl, Map<String, String> normalizedCredentials);

    /** Whether new credentials still reach the store a channel was linked to (a PATCH may not move it elsewhere). */
    boolean isSameStore(Platform platform, String identity, String newIdentity);
}
