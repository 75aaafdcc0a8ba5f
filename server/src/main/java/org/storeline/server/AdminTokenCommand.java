package org.storeline.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.storeline.core.error.StorelineException;
import org.storeline.core.user.UserService;
import org.storeline.db.outlet.JooqOutletRepository;
import org.storeline.db.postgres.Database;
import org.storeline.db.postgres.EmbeddedPostgresServer;
import org.storeline.db.postgres.JooqTransactions;
import org.storeline.db.user.JooqUserRepository;
import org.storeline.web.security.Argon2PasswordHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code storeline admin-token}: a new admin API token when the one printed on the first start is lost. It opens the
 * database directly (whoever can do that may do anything already): the running embedded PostgreSQL of a Storeline that
 * is up (found by its {@code postmaster.pid}), or the data directory's own when it is down, or {@code --db-url}.
 */
@Command(
        name = "admin-token",
        mixinStandardHelpOptions = true,
        description = "Prints a new admin API token (when the one printed on the first start is lost), whether "
                + "Storeline is running or not. Earlier tokens keep working.")
final class AdminTokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Option(
            names = "--data-dir",
            defaultValue = "data",
            description = "The data directory that serve uses (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db-url", description = "JDBC URL of the external PostgreSQL that serve uses with --db-url.")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:STORELINE_DB_USER}", description = "User for --db-url.")
    String dbUser;

    @Option(
            names = "--db-password",
            defaultValue = "${env:STORELINE_DB_PASSWORD}",
            description = "Password for --db-url.")
    String dbPassword;

    @Option(
            names = "--label",
            defaultValue = "admin-token command",
            description = "A name for the token, to tell it from others (default: ${DEFAULT-VALUE}).")
    String label;

    @Override
    public Integer call() throws IOException {
        Path postgres = dataDir.toAbsolutePath().resolve("postgres");
        if (dbUrl == null && !Files.exists(postgres.resolve("PG_VERSION"))) {
            err().println("storeline: there is no Storeline database in " + postgres
                    + ". Start Storeline once with ./storeline serve (or give --data-dir or --db-url).");
            return 2;
        }
        OptionalInt running = dbUrl == null ? RunningPostgres.port(postgres) : OptionalInt.empty();
        Optional<EmbeddedPostgresServer> started = dbUrl == null && running.isEmpty()
                ? Optional.of(EmbeddedPostgresServer.start(postgres, Map.of()))
                : Optional.empty();
        try (Database database = connect(running, started)) {
            var dsl = database.dsl();
            UserService users = new UserService(
                    new JooqUserRepository(dsl),
                    new JooqOutletRepository(dsl),
                    new Argon2PasswordHasher(),
                    new JooqTransactions(dsl),
                    Clock.systemUTC());
            String token = users.issueAdminToken(label);
            out().println("A new admin API token (shown this once; keep it safe):");
            out().println("  " + token);
            return 0;
        } catch (StorelineException e) {
            err().println("storeline: " + e.getMessage());
            return 2;
        } finally {
            started.ifPresent(EmbeddedPostgresServer::close);
        }
    }

    private Database connect(OptionalInt running, Optional<EmbeddedPostgresServer> started) {
        if (dbUrl != null) {
            return Database.connect(dbUrl, dbUser, dbPassword, 2);
        }
        String url = started.map(pg -> pg.jdbcUrl("postgres"))
                .orElseGet(() -> "jdbc:postgresql://localhost:" + running.getAsInt() + "/postgres");
        return Database.connect(url, "postgres", "", 2);
    }

    /** The embedded PostgreSQL of a running Storeline, found by the pid file it keeps in its data directory. */
    static final class RunningPostgres {
        private RunningPostgres() {}

        /** Its port, when a live {@code postgres} process holds the directory (line 4 of postmaster.pid). */
        static OptionalInt port(Path dataDirectory) throws IOException {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return OptionalInt.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return OptionalInt.empty();
            }
            try {
                long pid = Long.parseLong(lines.get(0).trim());
                boolean alive = ProcessHandle.of(pid)
                        .filter(p -> p.info()
                                .command()
                                .map(c -> c.endsWith("postgres"))
                                .orElse(false))
                        .isPresent();
                return alive ? OptionalInt.of(Integer.parseInt(lines.get(3).trim())) : OptionalInt.empty();
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
    }
}
