package org.storeline.db.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;

/**
 * The connection pool, the schema migrations and the jOOQ context every repository shares.
 * Transactions are bound to the calling thread, so repositories join the use case's transaction
 * without passing a connection around.
 */
public final class Database implements AutoCloseable {
    /**
     * Connections of the webhook route's own. A delivery is acknowledged once its row is committed synchronously;
     * with a pool of its own that commit never waits for a connection held by an import or a report.
     */
    private static final int RECEIVING_POOL_SIZE = 8;

    private final HikariDataSource dataSource;
    private final HikariDataSource receivingDataSource;
    private final DSLContext dsl;
    private final DSLContext receivingDsl;

    private Database(HikariDataSource dataSource, HikariDataSource receivingDataSource) {
        this.dataSource = dataSource;
        this.receivingDataSource = receivingDataSource;
        this.receivingDsl = DSL.using(receivingDataSource, SQLDialect.POSTGRES, settings());
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(SQLDialect.POSTGRES);
        configuration.set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(dataSource)));
        configuration.set(settings());
        this.dsl = DSL.using(configuration);
    }

    /** How every statement is rendered, on either pool. */
    private static Settings settings() {
        return new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false);
    }

    /** Connects, migrates the schema to the newest version, and returns the ready database. */
    public static Database connect(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("storeline");
        config.setConnectionTimeout(10_000);
        // Batched inserts become multi-row INSERTs on the wire: one round trip for a whole import batch.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            requireSupportedVersion(dataSource);
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        HikariConfig receiving = new HikariConfig();
        config.copyStateTo(receiving);
        receiving.setPoolName("storeline-receiving");
        receiving.setMaximumPoolSize(RECEIVING_POOL_SIZE);
        return new Database(dataSource, new HikariDataSource(receiving));
    }

    /** The oldest PostgreSQL Storeline is tested against and supports (several processes included). */
    public static final int OLDEST_POSTGRESQL = 15;

    private static void requireSupportedVersion(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            checkVersion(meta.getDatabaseMajorVersion(), meta.getDatabaseProductVersion());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not ask PostgreSQL for its version: " + e.getMessage(), e);
        }
    }

    /** Refuses, before any migration touches it, a server older than {@link #OLDEST_POSTGRESQL}. */
    static void checkVersion(int major, String version) {
        if (major < OLDEST_POSTGRESQL) {
            throw new IllegalStateException("Storeline needs PostgreSQL " + OLDEST_POSTGRESQL
                    + " or newer; the database at " + "--db-url is PostgreSQL " + version
                    + ". Upgrade it, or start without --db-url to use the embedded one.");
        }
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Statements on their own (autocommit, committed synchronously like every other) on the small pool reserved
     * for storing webhook deliveries, so acknowledgements never queue behind the imports for a connection.
     */
    public DSLContext receivingDsl() {
        return receivingDsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A connection of its own, outside both pools, for a session that lasts as long as the process (LISTEN): it
     * takes no connection from the work. The caller closes it.
     */
    public Connection openDedicatedConnection() throws SQLException {
        return DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
    }

    /** Whether the database answers a trivial query within two seconds. */
    public boolean isHealthy() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        receivingDataSource.close();
        dataSource.close();
    }
}
