package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.db.postgres.EmbeddedPostgresServer;
import org.storeline.db.postgres.JsonMaps;

/**
 * Deliveries stored before headers and query became jsonb keep every header through the migration, escapes and
 * all: the old "name: value" lines are read back into the same map.
 */
class DeliveryHeadersMigrationIT {
    private static final String BEFORE = "20261205120000";

    @TempDir
    Path dataDir;

    @Test
    void headersAndQueryStoredAsTextLinesBecomeTheSameJsonObjects() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, Map.of("fsync", "off"))) {
            DataSource db = postgres.adminDataSource();
            flyway(db).target(BEFORE).load().migrate();
            UUID channel = UUID.randomUUID();
            UUID delivery = UUID.randomUUID();
            insertOldRow(db, channel, delivery);
            flyway(db).load().migrate();

            try (Connection c = db.getConnection();
                    PreparedStatement s = c.prepareStatement("select headers::text, query::text, jsonb_typeof(headers) "
                            + "from webhook_delivery where id = ?")) {
                s.setObject(1, delivery);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(JsonMaps.fromJson(rs.getString(1)))
                            .isEqualTo(Map.of(
                                    "x-wc-webhook-signature", "abc+/=", "odd:name", "a: b\nc\\d\re", "empty", ""));
                    assertThat(JsonMaps.fromJson(rs.getString(2))).isEqualTo(Map.of("shop", "my-shop.myshopify.com"));
                    assertThat(rs.getString(3)).isEqualTo("object");
                }
            }
        }
    }

    /** A row as the old code wrote it, its channel's foreign key switched off for the moment. */
    private static void insertOldRow(DataSource db, UUID channel, UUID delivery) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local session_replication_role = replica");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into webhook_delivery (id, channel_id, received_at, headers, query, body, "
                            + "status, available_at) values (?, ?, now(), ?, ?, '\\x7b7d', 'done', now())")) {
                s.setObject(1, delivery);
                s.setObject(2, channel);
                s.setString(3, "x-wc-webhook-signature: abc+/=\nodd\\cname: a: b\\nc\\\\d\\re\nempty: \n");
                s.setString(4, "shop: my-shop.myshopify.com\n");
                s.executeUpdate();
            }
            c.commit();
        }
    }

    private static FluentConfiguration flyway(DataSource db) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration");
    }
}
