package org.storeline.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.storeline.core.user.ApiTokens;
import org.storeline.db.crypto.SecretBox;
import org.storeline.server.Storeline;
import org.storeline.server.StorelineConfig;

/**
 * One real Storeline per test JVM: embedded PostgreSQL in a temporary directory, HTTP on a free port.
 * Tests share it, so each test creates the outlets, products and users it needs and never assumes an
 * empty database. PostgreSQL runs without fsync here: the tests check behaviour, not durability.
 */
public final class TestStoreline {
    private static Storeline instance;
    private static ApiClient admin;

    private TestStoreline() {}

    public static synchronized ApiClient admin() {
        if (instance == null) {
            start();
        }
        return admin;
    }

    public static synchronized Storeline instance() {
        admin();
        return instance;
    }

    /** A test configuration: a fresh key, no reconciliation timer (tests call it), PostgreSQL without fsync. */
    public static StorelineConfig config(Path dataDir, String adminToken) {
        return StorelineConfig.inProcess(
                dataDir,
                adminToken,
                Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"),
                SecretBox.newKey());
    }

    private static void start() {
        try {
            Path dataDir = Files.createTempDirectory("storeline-it-");
            String adminToken = ApiTokens.newToken();
            instance = Storeline.start(config(dataDir, adminToken));
            admin = new ApiClient("http://127.0.0.1:" + instance.port(), adminToken);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.close();
                deleteTree(dataDir);
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test database goes with the JVM: every test run would otherwise leave a PostgreSQL cluster behind. */
    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
