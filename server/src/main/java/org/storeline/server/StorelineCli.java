package org.storeline.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code storeline} command line. */
@Command(
        name = "storeline",
        mixinStandardHelpOptions = true,
        version = "Storeline 0.1",
        description = "The system of record for a shop's outlets and online stores.",
        subcommands = {StorelineCli.Serve.class, DemoCommand.class, AdminTokenCommand.class, ImportCommand.class})
public final class StorelineCli implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new StorelineCli()).execute(args));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    @Command(
            name = "serve",
            mixinStandardHelpOptions = true,
            description = "Starts Storeline on the embedded PostgreSQL (or --db-url) and serves the HTTP API.")
    static class Serve implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(
                names = "--host",
                defaultValue = "0.0.0.0",
                description = "Address to listen on (default: ${DEFAULT-VALUE}).")
        String host;

        @Option(
                names = "--data-dir",
                defaultValue = "data",
                description = "Where the embedded PostgreSQL keeps its data (default: ./${DEFAULT-VALUE}; "
                        + "./data/demo for the demo).")
        Path dataDir;

        @Option(
                names = "--db-url",
                description = "JDBC URL of an external PostgreSQL to use instead of the embedded one.")
        String dbUrl;

        @Option(
                names = "--db-user",
                defaultValue = "${env:STORELINE_DB_USER}",
                description = "User for --db-url (env STORELINE_DB_USER).")
        String dbUser;

        @Option(
                names = "--db-password",
                defaultValue = "${env:STORELINE_DB_PASSWORD}",
                description = "Password for --db-url (env STORELINE_DB_PASSWORD).")
        String dbPassword;

        @Option(
                names = "--public-url",
                defaultValue = "${env:STORELINE_PUBLIC_URL}",
                description = "Where the platforms reach this server, for the webhooks it registers "
                        + "(env STORELINE_PUBLIC_URL; default http://localhost:PORT).")
        String publicUrl;

        @Option(
                names = "--reconcile-minutes",
                defaultValue = "5",
                description = "How often each channel is polled for missed orders (default: ${DEFAULT-VALUE}).")
        long reconcileMinutes;

        @Option(
                names = "--inbox-lease-seconds",
                defaultValue = "60",
                description = "How long a worker holds the deliveries it claimed before another may take them over "
                        + "(default: ${DEFAULT-VALUE}).")
        long inboxLeaseSeconds;

        @Option(
                names = "--inbox-batch",
                defaultValue = "500",
                description =
                        "How many deliveries a worker imports in one transaction at most (default: ${DEFAULT-VALUE}).")
        int inboxBatch;

        @Option(
                names = "--sync-timeout-seconds",
                defaultValue = "20",
                description = "How long a call that sends stock, prices or order status to a platform waits for its "
                        + "answer; a crashed process's sync work is taken over after seven times this "
                        + "(default: ${DEFAULT-VALUE}).")
        long syncTimeoutSeconds;

        @Option(
                names = "--sync-retention-days",
                defaultValue = "7",
                description = "How long stock, price and order-status changes sent to the platforms are kept once done "
                        + "(the channels' activity logs keep what was sent; default: ${DEFAULT-VALUE}).")
        long syncRetentionDays;

        private static Optional<String> env(String name) {
            return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
        }

        @Override
        public Integer call() throws InterruptedException {
            long started = System.nanoTime();
            Optional<String> adminToken = adminToken();
            Optional<Started> config = config(
                    dataDir,
                    host,
                    Optional.ofNullable(publicUrl).map(URI::create),
                    Duration.ofMinutes(reconcileMinutes));
            if (config.isEmpty()) {
                return 2;
            }
            Storeline storeline = Storeline.start(config.get().config());
            CountDownLatch stopped = stopOnShutdown(storeline::close);
            printWelcome(storeline, adminToken.isPresent(), (System.nanoTime() - started) / 1_000_000);
            System.out.println("Channel secrets are sealed with the key from "
                    + config.get().keyOrigin() + ".");
            stopped.await();
            return 0;
        }

        static Optional<String> adminToken() {
            return Optional.ofNullable(System.getenv("STORELINE_ADMIN_TOKEN")).filter(t -> !t.isBlank());
        }

        /** The configuration and where its secret key came from. */
        record Started(StorelineConfig config, String keyOrigin) {}

        /** The configuration these options make, in {@code dir}; empty (the reason printed) when it cannot be made. */
        Optional<Started> config(Path dir, String bindHost, Optional<URI> publicAddress, Duration reconcileEvery) {
            SecretKeys.Loaded keys;
            try {
                keys = SecretKeys.load(
                        env("STORELINE_SECRET_KEY"),
                        env("STORELINE_SECRET_KEYS_OLD"),
                        dir.toAbsolutePath(),
                        dbUrl == null);
            } catch (SecretKeys.MissingSecretKeyException | IllegalArgumentException e) {
                // A configuration mistake: the sentence says what to do, a stack trace would only hide it.
                System.err.println("storeline: " + e.getMessage());
                return Optional.empty();
            }
            return Optional.of(new Started(
                    new StorelineConfig(
                            bindHost,
                            port,
                            dir.toAbsolutePath(),
                            Optional.ofNullable(dbUrl),
                            Optional.ofNullable(dbUser),
                            Optional.ofNullable(dbPassword),
                            adminToken(),
                            Map.of(),
                            keys.current(),
                            keys.old(),
                            publicAddress,
                            reconcileEvery,
                            Duration.ofSeconds(inboxLeaseSeconds),
                            inboxBatch,
                            StorelineConfig.DEFAULT_PROCESSOR_TIMEOUT,
                            StorelineConfig.DEFAULT_REFUND_RECHECK,
                            StorelineConfig.DEFAULT_EMAIL_EVERY,
                            StorelineConfig.DEFAULT_EMAIL_RETRY,
                            Duration.ofSeconds(syncTimeoutSeconds),
                            Duration.ofDays(syncRetentionDays)),
                    keys.origin()));
        }

        /** A latch that opens once {@code close} has run, when the process is asked to stop (Ctrl-C, SIGTERM). */
        static CountDownLatch stopOnShutdown(Runnable close) {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                close.run();
                                stopped.countDown();
                            },
                            "storeline-shutdown"));
            return stopped;
        }

        void printWelcome(Storeline storeline, boolean tokenFromEnvironment, long millis) {
            String base = "http://localhost:" + storeline.port();
            System.out.println();
            System.out.println("Storeline is running at " + base + " (started in " + millis + " ms)");
            System.out.println("  database: "
                    + (dbUrl != null
                            ? dbUrl
                            : "embedded PostgreSQL in "
                                    + dataDir.toAbsolutePath().resolve("postgres")));
            System.out.println("  web app:  " + base + "/"
                    + (storeline.wiring().users().isSetUp()
                            ? ""
                            : " (nobody can sign in yet: open " + base
                                    + "/setup and give the admin token to choose your sign-in)"));
            System.out.println("  health:   " + base + "/health");
            System.out.println("  API docs: " + base + "/api/v1/openapi.json");
            System.out.println();
            if (storeline.generatedAdminToken().isPresent()) {
                System.out.println("Admin API token (shown this once; keep it safe):");
                System.out.println("  " + storeline.generatedAdminToken().get());
            } else if (tokenFromEnvironment) {
                System.out.println("Authenticate with the admin token from STORELINE_ADMIN_TOKEN.");
            } else {
                System.out.println(
                        "Authenticate with the admin token printed on the first start, or set STORELINE_ADMIN_TOKEN.");
            }
            System.out.println("Send it as 'Authorization: Bearer <token>'. Create users and their tokens with:");
            System.out.println(
                    "  curl -H 'Authorization: Bearer <token>' -d '{\"name\":\"Ann\",\"email\":\"ann@example.com\","
                            + "\"role\":\"staff\",\"outlet_ids\":[\"<outlet id>\"]}' " + base + "/api/v1/users");
            System.out.println(
                    "  curl -H 'Authorization: Bearer <token>' -X POST " + base + "/api/v1/users/<user id>/tokens");
            System.out.println();
        }
    }
}
