package org.storeline.server;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.storeline.core.catalog.CatalogService;
import org.storeline.core.customer.CustomerService;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.payment.PaymentTypeService;
import org.storeline.core.register.RegisterService;
import org.storeline.core.sale.InStoreSaleService;
import org.storeline.core.sale.SaleService;
import org.storeline.core.settings.SettingsService;
import org.storeline.core.stock.StockService;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.UserService;
import org.storeline.db.catalog.JooqProductRepository;
import org.storeline.db.customer.JooqCustomerRepository;
import org.storeline.db.outlet.JooqOutletRepository;
import org.storeline.db.payment.JooqPaymentTypeRepository;
import org.storeline.db.postgres.Database;
import org.storeline.db.postgres.EmbeddedPostgresServer;
import org.storeline.db.postgres.JooqTransactions;
import org.storeline.db.register.JooqRegisterRepository;
import org.storeline.db.sale.JooqSaleRepository;
import org.storeline.db.settings.JooqSettingsRepository;
import org.storeline.db.stock.JooqStockLedger;
import org.storeline.db.user.JooqUserRepository;
import org.storeline.web.ApiServer;
import org.storeline.web.catalog.CatalogRoutes;
import org.storeline.web.customer.CustomerRoutes;
import org.storeline.web.operations.OperationsRoutes;
import org.storeline.web.sale.SaleRoutes;
import org.storeline.web.security.Argon2PasswordHasher;
import org.storeline.web.security.Authentication;
import org.storeline.web.setup.SetupRoutes;
import org.storeline.web.user.UserRoutes;

/**
 * The running application and its hand-written wiring: database, repositories, use cases, HTTP.
 * No DI container: every dependency is passed by constructor, here, where it can be read top to bottom.
 */
public final class Storeline implements AutoCloseable {
    private final Optional<EmbeddedPostgresServer> embedded;
    private final Database database;
    private final ApiServer api;
    private final Optional<String> generatedAdminToken;

    private Storeline(Optional<EmbeddedPostgresServer> embedded, Database database, ApiServer api, Optional<String> generatedAdminToken) {
        this.embedded = embedded;
        this.database = database;
        this.api = api;
        this.generatedAdminToken = generatedAdminToken;
    }

    public static Storeline start(StorelineConfig config) {
        Optional<EmbeddedPostgresServer> embedded = config.dbUrl().isPresent()
                ? Optional.empty()
                : Optional.of(EmbeddedPostgresServer.start(config.dataDir().resolve("postgres"), config.postgresSettings()));
        try {
            Database database = embedded
                    .map(pg -> Database.connect(pg.jdbcUrl("postgres"), "postgres", "", 20))
                    .orElseGet(() -> Database.connect(config.dbUrl().get(), config.dbUser().orElse(null), config.dbPassword().orElse(null), 20));
            return wire(config, embedded, database);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }

    private static Storeline wire(StorelineConfig config, Optional<EmbeddedPostgresServer> embedded, Database database) {
        // PostgreSQL keeps microseconds: a clock at that precision makes what we answer equal what we store.
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        DSLContext dsl = database.dsl();
        Transactions tx = new JooqTransactions(dsl);

        var outletRepository = new JooqOutletRepository(dsl);
        var registerRepository = new JooqRegisterRepository(dsl);
        var productRepository = new JooqProductRepository(dsl);
        var settingsRepository = new JooqSettingsRepository(dsl);
        var stockLedger = new JooqStockLedger(dsl);
        var saleRepository = new JooqSaleRepository(dsl);

        var outlets = new OutletService(outletRepository, tx, clock);
        var registers = new RegisterService(registerRepository, outlets, settingsRepository, tx, clock);
        var paymentTypes = new PaymentTypeService(new JooqPaymentTypeRepository(dsl), tx, clock);
        var catalog = new CatalogService(productRepository, tx, clock);
        var stock = new StockService(stockLedger, catalog, outlets, tx, clock);
        var customers = new CustomerService(new JooqCustomerRepository(dsl), tx, clock);
        var users = new UserService(new JooqUserRepository(dsl), outletRepository, new Argon2PasswordHasher(), tx, clock);
        var settings = new SettingsService(settingsRepository, tx);
        var inStoreSales = new InStoreSaleService(saleRepository, productRepository, registerRepository, outletRepository,
                paymentTypes, customers, stockLedger, settingsRepository, tx, clock);
        var sales = new SaleService(saleRepository, registerRepository, paymentTypes, outlets, tx, clock);

        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);

        ApiServer api = ApiServer.start(config.host(), config.port(), new Authentication(users), List.of(
                new OperationsRoutes(database::isHealthy, metrics),
                new SetupRoutes(outlets, registers, paymentTypes, settings),
                new CatalogRoutes(catalog, stock),
                new CustomerRoutes(customers),
                new UserRoutes(users),
                new SaleRoutes(inStoreSales, sales, customers)), metrics);
        // After the server is up, so that a start that fails earlier never consumes the one-time token.
        Optional<String> generated = users.bootstrapAdmin(config.adminToken());
        return new Storeline(embedded, database, api, generated);
    }

    public java.util.List<org.storeline.web.http.RouteTable.Endpoint> endpoints() {
        return api.endpoints();
    }

    public int port() {
        return api.port();
    }

    /** The admin token made on this start, if no token was configured and none existed yet: print it once. */
    public Optional<String> generatedAdminToken() {
        return generatedAdminToken;
    }

    @Override
    public void close() {
        api.close();
        database.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
    }

}
