package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * Done sync tasks are kept for the retention (7 days here) and then deleted by the cluster job's work
 * ({@code SyncRetention.prune}), on PostgreSQL: those done longer ago go, and nothing else does (done recently,
 * refused, still to deliver).
 */
class SyncRetentionIT {
    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);

    @Test
    void tasksDoneLongerAgoThanTheRetentionAreDeletedAndNoOtherTask() throws SQLException {
        String outlet = shop.outlet("Retention");
        // A channel no sync worker can reach; none of its tasks below is due anyway.
        String channel = shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), false, "http://127.0.0.1:9");
        Instant now = Instant.now();
        Instant longAgo = now.minus(Duration.ofDays(8));
        UUID doneLongAgo = task(channel, "done", longAgo);
        UUID doneLongAgoToo = task(channel, "done", longAgo.minusSeconds(60));
        UUID doneRecently = task(channel, "done", now.minus(Duration.ofDays(6)));
        UUID refusedLongAgo = task(channel, "refused", longAgo);
        UUID unknownLongAgo = task(channel, "unknown", longAgo);

        int deleted = TestStoreline.instance().wiring().syncRetention().prune();

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(remaining(channel)).containsExactlyInAnyOrder(doneRecently, refusedLongAgo, unknownLongAgo);
        assertThat(remaining(channel)).doesNotContain(doneLongAgo, doneLongAgoToo);
    }

    /** A stock task of a product of its own, in this state since {@code at}, due a day from now. */
    private UUID task(String channel, String state, Instant at) throws SQLException {
        String product = shop.productWithSku(Shop.unique("KEEP"), "1.00");
        UUID id = UUID.randomUUID();
        try (Connection c = TestStoreline.instance().dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement("insert into sync_task (id, channel_id, kind, product_id,"
                        + " state, attempts, next_attempt_at, created_at, updated_at)"
                        + " values (?, ?, 'stock', ?, ?, 1, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.fromString(channel));
            insert.setObject(3, UUID.fromString(product));
            insert.setString(4, state);
            insert.setTimestamp(5, Timestamp.from(Instant.now().plus(Duration.ofDays(1))));
            insert.setTimestamp(6, Timestamp.from(at));
            insert.setTimestamp(7, Timestamp.from(at));
            insert.executeUpdate();
        }
        return id;
    }

    private static List<UUID> remaining(String channel) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = TestStoreline.instance().dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("select id from sync_task where channel_id = ?")) {
            select.setObject(1, UUID.fromString(channel));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }
}
