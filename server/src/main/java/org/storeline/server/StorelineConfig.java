package org.storeline.server;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to run Storeline: where to listen, where the embedded PostgreSQL keeps its data (or which
 * external PostgreSQL to use instead), and the admin token from the environment, if any.
 */
public record StorelineConfig(String host, int port, Path dataDir, Optional<String> dbUrl, Optional<String> dbUser,
                              Optional<String> dbPassword, Optional<String> adminToken) {

    /** The embedded database's extra settings; empty for production use. */
    public java.util.Map<String, String> embeddedPostgresSettings() {
        return java.util.Map.of();
    }
}
