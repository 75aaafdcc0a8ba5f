package org.storeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.storeline.core.user.ApiTokens;
import org.storeline.db.crypto.SecretBox;
import org.storeline.server.Storeline;
import org.storeline.server.StorelineConfig;

/**
 * A real Storeline started in-process on a fresh embedded PostgreSQL (fsync and synchronous commit on, as
 * {@code ./storeline serve} runs it) in a temporary directory. A benchmark's database is gigabytes: it is deleted when
 * the benchmark ends, also on Ctrl-C.
 */
final class BenchStoreline {
    final Storeline storeline;
    final String adminToken;
    final Path dataDir;

    private BenchStoreline(Storeline storeline, String adminToken, Path dataDir) {
        this.storeline = storeline;
        this.adminToken = adminToken;
        this.dataDir = dataDir;
    }

    static BenchStoreline start(String prefix, Map<String, String> pgSettings) throws IOException {
        Path dataDir = Files.createTempDirectory(prefix);
        String token = ApiTokens.newToken();
        StorelineConfig config = StorelineConfig.inProcess(dataDir, token, pgSettings, SecretBox.newKey());
        Storeline started = Storeline.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.close();
            deleteTree(dataDir);
        }));
        return new BenchStoreline(started, token, dataDir);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + storeline.port();
    }

    /** {@code --pg name=value,...}: PostgreSQL settings over Storeline's own, to try a change without a build. */
    static Map<String, String> pgSettings(Map<String, String> options) {
        Map<String, String> pgSettings = new TreeMap<>();
        for (String pair : options.getOrDefault("pg", "").split(",")) {
            if (pair.contains("=")) {
                pgSettings.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return pgSettings;
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
