package org.storeline.server;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.storeline.db.postgres.Database;
import org.storeline.db.postgres.EmbeddedPostgresServer;
import org.storeline.server.jobs.ClusterJobs;
import org.storeline.server.sync.InboxWorker;
import org.storeline.server.sync.Reconciler;
import org.storeline.server.sync.SyncWorker;
import org.storeline.web.ApiServer;
import org.storeline.web.app.demo.DemoStores;
import org.storeline.web.http.RouteTable;

/**
 * The running application: the database (embedded unless a URL is given), the HTTP API and the
 * background workers (inbox, sync outbox, reconciliation). The object graph itself is built in {@link Wiring}.
 */
public final class Storeline implements AutoCloseable {
    private final Optional<EmbeddedPostgresServer> embedded;
    private final Database database;
    private final ApiServer api;
    private final Wiring wiring;
    private final InboxWorker worker;
    private final SyncWorker syncWorker;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Reconciler reconciler;
    private final ClusterJobs jobs;
    private final Optional<String> generatedAdminToken;

    private Storeline(
            Optional<EmbeddedPostgresServer> embedded,
            Database database,
            ApiServer api,
            Wiring wiring,
            InboxWorker worker,
            SyncWorker syncWorker,
            Reconciler reconciler,
            ClusterJobs jobs,
            Optional<String> generatedAdminToken) {
        this.embedded = embedded;
        this.database = database;
        this.api = api;
        this.wiring = wiring;
        this.worker = worker;
        this.syncWorker = syncWorker;
        this.reconciler = reconciler;
        this.jobs = jobs;
        this.generatedAdminToken = generatedAdminToken;
    }

    public static Storeline start(StorelineConfig config) {
        return start(config, Optional.empty());
    }

    /** Storeline with the simulator page of {@code ./storeline demo} at {@code /demo}, when {@code demo} is given. */
    public static Storeline start(StorelineConfig config, Optional<DemoStores> demo) {
        Optional<EmbeddedPostgresServer> embedded = config.dbUrl().isPresent()
                ? Optional.empty()
                : Optional.of(
                        EmbeddedPostgresServer.start(config.dataDir().resolve("postgres"), config.postgresSettings()));
        try {
            Database database = embedded.map(pg -> Database.connect(pg.jdbcUrl("postgres"), "postgres", "", 20))
                    .orElseGet(() -> Database.connect(
                            config.dbUrl().get(),
                            config.dbUser().orElse(null),
                            config.dbPassword().orElse(null),
                            20));
            try {
                return startServices(config, embedded, database, demo);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }

    private static Storeline startServices(
            StorelineConfig config,
            Optional<EmbeddedPostgresServer> embedded,
            Database database,
            Optional<DemoStores> demo) {
        // PostgreSQL keeps microseconds: a clock at that precision makes what we answer equal what we store.
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        PrometheusMeterRegistry metrics = metrics();
        List<Runnable> wakeUps = new ArrayList<>();
        // The port is known only once the server is up (port 0 picks a free one): read it when a channel registers.
        AtomicReference<URI> boundUrl = new AtomicReference<>(URI.create("http://localhost:" + config.port()));
        Wiring wiring = new Wiring(
                database,
                config,
                clock,
                () -> wakeUps.forEach(Runnable::run),
                () -> config.publicUrl().orElse(boundUrl.get()));
        InboxWorker worker = wiring.inboxWorker().start();
        wakeUps.add(worker::wake);
        wiring.eventHub().start();
        SyncWorker syncWorker = wiring.syncWorker().start();
        ApiServer api;
        try {
            api = ApiServer.start(
                    config.host(),
                    config.port(),
                    wiring.authentication(),
                    wiring.routes(database, metrics),
                    Optional.of(
                            demo.map(stores -> wiring.webApp().withDemo(stores)).orElseGet(wiring::webApp)),
                    metrics);
        } catch (RuntimeException e) {
            // Say a port in use: the workers and the event reader started above go with the failed start.
            worker.close();
            syncWorker.close();
            wiring.eventHub().close();
            throw e;
        }
        boundUrl.set(URI.create("http://localhost:" + api.port()));
        Reconciler reconciler = wiring.reconciler();
        List<ClusterJobs.Job> clusterJobs = new ArrayList<>(ClusterJobs.jobs(
                config.reconcileEvery(),
                reconciler::runOnce,
                config.refundRecheckEvery(),
                () -> wiring.refundSender().recheckDue()));
        clusterJobs.add(new ClusterJobs.Job("customer-emails", config.emailEvery(), wiring::sendCustomerEmails));
        clusterJobs.add(new ClusterJobs.Job(
                "prune-sync-tasks",
                ClusterJobs.PRUNE_EVERY,
                () -> wiring.syncRetention().prune()));
        ClusterJobs jobs = ClusterJobs.start(database.dataSource(), clusterJobs);
        // After the server is up, so that a start that fails earlier never consumes the one-time token.
        Optional<String> generated = wiring.users().bootstrapAdmin(config.adminToken());
        wiring.markStarted();
        return new Storeline(embedded, database, api, wiring, worker, syncWorker, reconciler, jobs, generated);
    }

    private static PrometheusMeterRegistry metrics() {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        return metrics;
    }

    public int port() {
        return api.port();
    }

    public List<RouteTable.Endpoint> endpoints() {
        return api.endpoints();
    }

    /** The connection pool, for benchmarks that prepare large data sets with SQL. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** The wired components, for tests that drive the workers directly. */
    public Wiring wiring() {
        return wiring;
    }

    public InboxWorker inboxWorker() {
        return worker;
    }

    public SyncWorker syncWorker() {
        return syncWorker;
    }

    public Reconciler reconciler() {
        return reconciler;
    }

    /** The admin token made on this start, if no token was configured and none existed yet: print it once. */
    public Optional<String> generatedAdminToken() {
        return generatedAdminToken;
    }

    /** Stops everything once; a second call (a shutdown hook after a normal close) does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // The streams end first: the HTTP server then has no request left that waits for events.
        wiring.eventHub().close();
        api.close();
        jobs.close();
        worker.close();
        syncWorker.close();
        wiring.sync().close();
        database.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
    }
}
