package org.storeline.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to run Storeline.
 *
 * @param dataDir          where the embedded PostgreSQL keeps its data (and the generated secret key)
 * @param dbUrl            an external PostgreSQL instead of the embedded one
 * @param adminToken       the admin token from the environment, if any
 * @param postgresSettings extra settings for the embedded PostgreSQL (tests trade durability for speed)
 * @param secretKey        the AES-256 key that seals channel secrets at rest; {@code oldSecretKeys} still open old ones
 * @param publicUrl        where platforms reach this server (webhook URLs we register); default http://localhost:port
 * @param reconcileEvery   how often each channel is polled for orders webhooks missed
 * @param inboxLease       how long a worker holds the deliveries it claimed; a crashed worker's are taken over after it
 * @param inboxBatch       how many deliveries a worker claims and imports in one transaction at most
 */
public record StorelineConfig(
        String host,
        int port,
        Path dataDir,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Optional<String> adminToken,
        Map<String, String> postgresSettings,
        byte[] secretKey,
        List<byte[]> oldSecretKeys,
        Optional<URI> publicUrl,
        Duration reconcileEvery,
        Duration inboxLease,
        int inboxBatch) {
    public static final int DEFAULT_INBOX_BATCH = 500;

    public StorelineConfig {
        postgresSettings = Map.copyOf(postgresSettings);
        oldSecretKeys = List.copyOf(oldSecretKeys);
        if (inboxBatch < 1) {
            throw new IllegalArgumentException("The inbox batch must hold at least one delivery, not " + inboxBatch);
        }
    }
}
