package org.storeline.db.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
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
    private static final int UNSYNCED_POOL_SIZE = 8;

    private final HikariDataSource dataSource;
    private final HikariDataSource unsyncedDataSource;
    private final DSLContext dsl;
    private final DSLContext unsyncedDsl;

    private Database(HikariDataSource dataSource, HikariDataSource unsyncedDataSource) {
        this.dataSource = dataSource;
        this.unsyncedDataSource = unsyncedDataSource;
        this.unsyncedDsl = DSL.using(unsyncedDataSource, SQLDialect.POSTGRES, settings());
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(SQLDialect.POSTGRES);
        configuration.set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(dataSource)));
        configuration.set(settings());
        this.dsl = DSL.using(configuration);
    }

    /** How every statement is rendered, on either pool. */
    private static Settings settings() {
        return new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED).withExecuteLogging(false);
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
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        HikariConfig unsynced = new HikariConfig();
        config.copyStateTo(unsynced);
        unsynced.setPoolName("storeline-unsynced");
        unsynced.setMaximumPoolSize(UNSYNCED_POOL_SIZE);
        unsynced.setConnectionInitSql("set synchronous_commit = off");
        return new Database(dataSource, new HikariDataSource(unsynced));
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
     * Statements on their own (autocommit) whose commit does not wait for the WAL to reach the disk. Only for
     * writes that the caller makes durable another way ({@code JournaledWebhookInbox}).
     */
    public DSLContext unsyncedDsl() {
        return unsyncedDsl;
    }

    public DataSource dataSource() {
        return dataSource;
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
        unsyncedDataSource.close();
        dataSource.close();
    }
}
