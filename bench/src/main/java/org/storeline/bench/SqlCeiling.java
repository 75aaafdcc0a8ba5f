package org.storeline.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The same writes the import makes for an order (inbox row done, import key, sale, 3 lines, payment,
 * stock levels and 3 movements, a fulfillment with its items, a notification for the outlet, an activity
 * entry), done set-based with INSERT ... SELECT over generate_series, a batch of orders per transaction:
 * the ceiling of this SQL on this machine, with no HTTP, JSON, Java mapping or planning in the way.
 */
final class SqlCeiling {
    /** Time spent per statement, to say where the ceiling comes from. */
    static final Map<String, Long> TIME = new ConcurrentHashMap<>();

    private SqlCeiling() {}

    static double ordersPerSecond(
            DataSource db, String channel, String outlet, String register, int batch, double seconds)
            throws SQLException {
        long orders = 0;
        long start = System.nanoTime();
        int round = 0;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create temp table if not exists ceil_o (sale_id uuid, fulfillment_id uuid, n int) "
                        + "on commit delete rows");
                s.execute("create temp table if not exists ceil_l "
                        + "(line_id uuid, sale_id uuid, fulfillment_id uuid, k int, product_id uuid) "
                        + "on commit delete rows");
                s.execute("create temp table if not exists ceil_p as select id, row_number() over () as k "
                        + "from product where sku like 'SKU-%'");
            }
            c.commit();
            while ((System.nanoTime() - start) / 1e9 < seconds) {
                round++;
                runBatch(c, channel, outlet, register, batch, "c" + round + "-");
                c.commit();
                orders += batch;
            }
        }
        return orders / ((System.nanoTime() - start) / 1e9);
    }

    private static void runBatch(Connection c, String channel, String outlet, String register, int batch, String prefix)
            throws SQLException {
        UUID channelId = UUID.fromString(channel);
        UUID outletId = UUID.fromString(outlet);
        UUID registerId = UUID.fromString(register);
        List<String> statements = List.of(
                "insert into ceil_o select uuidv7(), uuidv7(), g from generate_series(1, " + batch + ") g",
                "insert into ceil_l select uuidv7(), o.sale_id, o.fulfillment_id, j.k, p.id "
                        + "from ceil_o o cross join generate_series(0, 2) as j(k) "
                        + "join ceil_p p on p.k = 1 + ((o.n * 3 + j.k) * 7919) % 10000",
                "insert into webhook_delivery (id, channel_id, received_at, headers, body, status, available_at) "
                        + "select uuidv7(), ?, now(), '{\"x-wc-webhook-topic\": \"order.created\"}', '\\x7b7d'::bytea, "
                        + "'done', now() from ceil_o",
                "insert into channel_order (channel_id, external_order_id, sale_id, platform_updated_at, "
                        + "platform_status, imported_at, store_id) select c.id, '" + prefix
                        + "' || n, sale_id, now(), 'processing', now(), c.store_id from ceil_o, channel c "
                        + "where c.id = ?",
                "insert into sale (id, receipt_number, created_at, outlet_id, register_id, source, channel_id, "
                        + "external_order_id, external_order_number, "
                        + "status, currency, note) select sale_id, '" + prefix + "' || n, now(), ?, ?, 'online', ?, '"
                        + prefix + "' || n, '" + prefix
                        + "' || n, 'open', 'EUR', 'Order from Bench shop' from ceil_o",
                "insert into sale_line (id, sale_id, position, product_id, sku, name, quantity, "
                        + "unit_price, discount, tax_rate, tax, total) "
                        + "select line_id, sale_id, k, product_id, 'SKU', 'Product', 2, 9.99, 0, 0.21, 4.20, 24.18 "
                        + "from ceil_l",
                "insert into sale_payment (id, sale_id, payment_type_id, amount, currency, paid_at, register_id) "
                        + "select uuidv7(), sale_id, (select id from payment_type limit 1), 77.54, 'EUR', now(), ? "
                        + "from ceil_o",
                "insert into stock_level (product_id, outlet_id, quantity, updated_at) "
                        + "select product_id, ?, -2 * count(*), now() from ceil_l "
                        + "group by product_id order by product_id "
                        + "on conflict (product_id, outlet_id) "
                        + "do update set quantity = stock_level.quantity + excluded.quantity, "
                        + "updated_at = excluded.updated_at",
                "insert into stock_movement (id, product_id, outlet_id, delta, quantity_after, "
                        + "reason, sale_id, created_at) "
                        + "select uuidv7(), product_id, ?, -2, 0, 'online_order', sale_id, now() from ceil_l",
                "insert into fulfillment (id, sale_id, outlet_id, type, status, created_at) "
                        + "select fulfillment_id, sale_id, ?, 'delivery', 'new', now() from ceil_o",
                "insert into fulfillment_item (fulfillment_id, line_id, position, quantity) "
                        + "select fulfillment_id, line_id, k, 2 from ceil_l",
                "insert into notification (id, outlet_id, fulfillment_id, sale_id, message, created_at) "
                        + "select uuidv7(), ?, fulfillment_id, sale_id, 'New online order', now() from ceil_o",
                "insert into channel_activity (id, channel_id, created_at, kind, outcome, "
                        + "external_order_id, sale_id, reason) "
                        + "select uuidv7(), ?, now(), 'import', 'imported', '" + prefix
                        + "' || n, sale_id, 'imported' from ceil_o");
        for (String sql : statements) {
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int parameters = ps.getParameterMetaData().getParameterCount();
                bind(ps, parameters, sql, channelId, outletId, registerId);
                ps.execute();
            }
            TIME.merge(sql.substring(0, Math.min(40, sql.length())), System.nanoTime() - start, Long::sum);
        }
    }

    private static void bind(PreparedStatement ps, int parameters, String sql, UUID channel, UUID outlet, UUID register)
            throws SQLException {
        if (parameters == 0) {
            return;
        }
        if (sql.startsWith("insert into sale (")) {
            ps.setObject(1, outlet);
            ps.setObject(2, register);
            ps.setObject(3, channel);
        } else if (sql.startsWith("insert into sale_payment")) {
            ps.setObject(1, register);
        } else if (sql.startsWith("insert into webhook_delivery")
                || sql.startsWith("insert into channel_order")
                || sql.startsWith("insert into channel_activity")) {
            ps.setObject(1, channel);
        } else {
            ps.setObject(1, outlet);
        }
    }
}
