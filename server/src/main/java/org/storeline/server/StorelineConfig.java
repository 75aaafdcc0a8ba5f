package org.storeline.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How to run Storeline: where to listen, where the embedded PostgreSQL keeps its data (or which
 * external PostgreSQL to use instead), the admin token from the environment if any, and extra
 * settings for the embedded PostgreSQL (tests trade durability for speed there; production passes none).
 */
public record StorelineConfig(String host, int port, Path dataDir, Optional<String> dbUrl, Optional<String> dbUser,
                              Optional<String> dbPassword, Optional<String> adminToken, Map<String, String> postgresSettings) {
    public StorelineConfig {
        postgresSettings = Map.copyOf(postgresSettings);
    }
}
