package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.db.postgres.EmbeddedPostgresServer;

/**
 * Channels, imported orders and product links written before channels belonged to a store: each channel becomes its
 * own store, its orders and links that store's, and the store is what keeps an order from being imported twice. A
 * channel unlinked before unlinked channels had a connection of their own gets it.
 */
class ChannelIdentityMigrationIT {
    private static final String BEFORE = "20261208090000";
    private static final String BEFORE_UNLINKED_CONNECTION = "20261211130000";

    @TempDir
    Path dataDir;

    @Test
    void eachExistingChannelIsItsOwnStoreAndItsImportKeysMoveToIt() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, Map.of("fsync", "off"))) {
            DataSource db = postgres.adminDataSource();
            flyway(db).target(BEFORE).load().migrate();
            UUID channel = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            insertOldRows(db, channel, other);
            flyway(db).target(BEFORE_UNLINKED_CONNECTION).load().migrate();
            update(db, "update channel set unlinked_at = '2026-12-01T09:30:00.123456Z' where id = ?", other);

            flyway(db).load().migrate();

            assertThat(text(db, "select store_id::text from channel where id = ?", channel))
                    .isEqualTo(channel.toString());
            assertThat(text(
                            db,
                            "select coalesce(store_identity, 'none') || ' ' || (unlinked_at is null) "
                                    + "from channel where id = ?",
                            channel))
                    .isEqualTo("none true");
            assertThat(text(db, "select connection_status from channel where id = ?", channel))
                    .isEqualTo("connected");
            assertThat(text(
                            db,
                            "select connection_status || ' ' || (connection_checked_at = unlinked_at) || ' '"
                                    + " || connection_detail from channel where id = ?",
                            other))
                    .startsWith("unlinked true unlinked at 2026-12-01T09:30:00Z: no orders are received")
                    .contains("webhooks are removed where the platform allows");
            assertThatThrownBy(
                            () -> update(db, "update channel set connection_status = 'connected' where id = ?", other))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("channel_connection_unlinked_check");
            assertThat(text(
                            db,
                            "select store_id::text from channel_order where external_order_id = '1001' "
                                    + "and channel_id = ?",
                            channel))
                    .isEqualTo(channel.toString());
            assertThat(text(
                            db,
                            "select store_id::text from channel_order where external_order_id = '1001' "
                                    + "and channel_id = ?",
                            other))
                    .isEqualTo(other.toString());
            assertThat(text(
                            db,
                            "select store_id::text from channel_product_link where platform_key = 'product:501' "
                                    + "and channel_id = ?",
                            channel))
                    .isEqualTo(channel.toString());
            // Another channel of the same store can no longer claim the order.
            assertThatThrownBy(() -> execute(
                            db,
                            "insert into channel_order (store_id, channel_id, external_order_id, sale_id,"
                                    + " platform_updated_at, platform_status, imported_at)"
                                    + " values (?, ?, '1001', gen_random_uuid(), now(), 'processing', now())",
                            channel))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("channel_order_pkey");
        }
    }

    /** Two channels that both imported order 1001, and a product link, as the old code wrote them (keys off). */
    private static void insertOldRows(DataSource db, UUID channel, UUID other) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local session_replication_role = replica");
            }
            for (UUID id : new UUID[] {channel, other}) {
                try (PreparedStatement s = c.prepareStatement("insert into channel (id, platform, name, base_url,"
                        + " credentials, webhook_secret, key_id, register_id, notifications, connection_status,"
                        + " created_at) values (?, 'woocommerce', 'Shop', 'https://shop.example', '\\x00', '\\x00',"
                        + " 'k', gen_random_uuid(), true, 'connected', now())")) {
                    s.setObject(1, id);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("insert into channel_order (channel_id,"
                        + " external_order_id, sale_id, platform_updated_at, platform_status, imported_at)"
                        + " values (?, '1001', gen_random_uuid(), now(), 'processing', now())")) {
                    s.setObject(1, id);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into channel_product_link (channel_id, platform_key,"
                    + " product_id) values (?, 'product:501', gen_random_uuid())")) {
                s.setObject(1, channel);
                s.executeUpdate();
            }
            c.commit();
        }
    }

    private static String text(DataSource db, String sql, UUID parameter) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static void update(DataSource db, String sql, UUID channel) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, channel);
            s.executeUpdate();
        }
    }

    private static void execute(DataSource db, String sql, UUID channel) throws SQLException {
        try (Connection c = db.getConnection();
                Statement replica = c.createStatement();
                PreparedStatement s = c.prepareStatement(sql)) {
            replica.execute("set session_replication_role = replica");
            s.setObject(1, channel);
            s.setObject(2, UUID.randomUUID());
            s.executeUpdate();
        }
    }

    private static FluentConfiguration flyway(DataSource db) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration");
    }
}
