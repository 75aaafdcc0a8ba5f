package org.storeline.db.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries on the classpath, keeping its data in a directory of
 * ours between runs. This is what makes {@code ./storeline serve} work with nothing installed.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String INITDB_PREFIX = "initdb.";
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}, creating the cluster on first use and reusing it after.
     * {@code settings} are extra server settings (the tests turn durability off for speed); a name starting
     * with {@code initdb.} is an {@code initdb} option instead, which only applies when the cluster is created.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, Map<String, String> settings) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // We stop PostgreSQL ourselves, after the HTTP server and the pool: its own hook would race them.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    // The library's defaults suit throw-away test databases (no fsync); this is a system of record.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Sized for a back office with a busy web shop rather than the library's test defaults: more
                    // cache, and fewer checkpoints, so that commits (which wait for the WAL to reach disk) stay quick.
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("wal_buffers", "32MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    // A new 16 MB WAL segment is otherwise zero-filled and synced by whichever backend needs it, while
                    // it holds the WAL write lock: every commit (every webhook acknowledgement) waited ~80 ms for it,
                    // about once a second under import. ext4 and xfs allocate the blocks as WAL is written instead.
                    .setServerConfig("wal_init_zero", "off");
            settings.forEach((name, value) -> {
                if (name.startsWith(INITDB_PREFIX)) {
                    builder.setLocaleConfig(name.substring(INITDB_PREFIX.length()), value);
                } else {
                    builder.setServerConfig(name, value);
                }
            });
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A PostgreSQL left running by a Storeline that was killed (SIGKILL, power cut) still holds the data
     * directory: stop it (a clean shutdown, then a kill if it will not go) so this start can take over.
     */
    static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warn("A PostgreSQL (pid {}) from an earlier run still holds {}; stopping it", pid, dataDirectory);
        ProcessHandle process = orphan.get();
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public DataSource adminDataSource() {
        return postgres.getPostgresDatabase();
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
