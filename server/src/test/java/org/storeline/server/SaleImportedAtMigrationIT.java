package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.db.postgres.EmbeddedPostgresServer;

/**
 * Online sales stored before imported_at existed were created when they were imported: that time becomes their
 * imported_at, and an in-store sale has none.
 */
class SaleImportedAtMigrationIT {
    private static final String BEFORE = "20261205130000";
    private static final Instant IMPORTED = Instant.parse("2026-11-30T08:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void anOnlineSaleKeepsItsDateAndGetsItAsItsImportTimeAnInStoreSaleGetsNone() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, Map.of("fsync", "off"))) {
            DataSource db = postgres.adminDataSource();
            flyway(db).target(BEFORE).load().migrate();
            UUID online = UUID.randomUUID();
            UUID inStore = UUID.randomUUID();
            insertOldSale(db, online, "online", UUID.randomUUID());
            insertOldSale(db, inStore, "in_store", null);
            flyway(db).load().migrate();

            assertThat(dates(db, online)).isEqualTo(IMPORTED + " " + IMPORTED);
            assertThat(dates(db, inStore)).isEqualTo(IMPORTED + " null");
        }
    }

    private static String dates(DataSource db, UUID sale) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select created_at, imported_at from sale where id = ?")) {
            s.setObject(1, sale);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Timestamp imported = rs.getTimestamp(2);
                return rs.getTimestamp(1).toInstant() + " " + (imported == null ? "null" : imported.toInstant());
            }
        }
    }

    /** A sale row as the old code wrote it, its foreign keys switched off for the moment. */
    private static void insertOldSale(DataSource db, UUID id, String source, UUID channel) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local session_replication_role = replica");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into sale (id, receipt_number, created_at, outlet_id, register_id, source, channel_id,"
                            + " external_order_id, external_order_number, status, currency)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 'EUR')")) {
                s.setObject(1, id);
                s.setString(2, "W-" + id);
                s.setTimestamp(3, Timestamp.from(IMPORTED));
                s.setObject(4, UUID.randomUUID());
                s.setObject(5, UUID.randomUUID());
                s.setString(6, source);
                s.setObject(7, channel);
                s.setString(8, channel == null ? null : "1001");
                s.setString(9, channel == null ? null : "#1001");
                s.executeUpdate();
            }
            c.commit();
        }
    }

    private static FluentConfiguration flyway(DataSource db) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration");
    }
}
