package org.storeline.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Two years of a shop's history written by set-based SQL ({@code INSERT ... SELECT} over {@code generate_series}, a
 * batch of sales per transaction), in the rows the order import and the till write: sales with their lines (a
 * shipping line on deliveries), payments and customers; online sales with their import key, fulfillment and items.
 * Then the open fulfillments: the newest ones of each outlet but the last (which has nothing left to fulfil) and a few
 * forgotten older ones, new, in progress (partly picked, assigned) or packed, a fifth of their sales not paid yet, a
 * few with notes.
 *
 * <p>Online sales are recorded at the outlet of the channel's register (the first), as the import records them, and
 * fulfilled at one outlet each: the first outlet fulfils 40 % of them, each other outlet 15 %. In-store sales are
 * spread evenly over the outlets' tills. Not written: what the measured requests never read (stock movements,
 * notifications, the channel's activity log and deliveries, the outbox of past events).
 */
final class FulfillmentHistory {
    private static final int BATCH = 100_000;
    private static final int CUSTOMERS = 250_000;
    private static final String SPAN = "interval '730 days'";

    private final DataSource db;
    private final BenchSetup setup;
    /** The online payment type, then the till's. */
    private final List<UUID> paymentTypes = new ArrayList<>();

    FulfillmentHistory(DataSource db, BenchSetup setup) {
        this.db = db;
        this.setup = setup;
    }

    /** The figures of what was written, for the benchmark's output. */
    record Written(long sales, long lines, long fulfillments, long openHere, long openElsewhere, String size) {}

    /**
     * {@code sales} sales over two years; {@code open} open fulfillments at the first outlet ({@code openElsewhere} at
     * each other but the last, none there), a tenth of them older ones left open.
     */
    Written write(int sales, int open, int openElsewhere) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            prepare(c);
            c.commit();
            for (int from = 1; from <= sales; from += BATCH) {
                long start = System.nanoTime();
                int to = Math.min(sales, from + BATCH - 1);
                batch(c, from, to, sales);
                c.commit();
                System.out.printf("seed: sales %,d to %,d in %.1f s%n", from, to, (System.nanoTime() - start) / 1e9);
            }
            for (int k = 0; k < setup.outlets.size(); k++) {
                int count = k == 0 ? open : k == setup.outlets.size() - 1 ? 0 : openElsewhere;
                leaveOpen(c, k, count - count / 10, count / 10);
            }
            openState(c);
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("drop table bench_outlet, bench_product, bench_customer, bench_sale, bench_line, bench_open");
            }
            c.commit();
            c.setAutoCommit(true);
            long start = System.nanoTime();
            try (Statement s = c.createStatement()) {
                // What autovacuum would have done by then on a server that has run for two years.
                s.execute("vacuum (analyze)");
            }
            System.out.printf("seed: vacuum and analyze in %.1f s%n", (System.nanoTime() - start) / 1e9);
            return written(c);
        }
    }

    private void prepare(Connection c) throws SQLException {
        exec(c, "select setseed(0.20261206)");
        exec(
                c,
                "insert into register (id, outlet_id, name, created_at) "
                        + "select uuidv7(), id, 'Till', now() from outlet");
        exec(c, "create unlogged table bench_outlet (k int primary key, id uuid, number int, till uuid)");
        for (int k = 0; k < setup.outlets.size(); k++) {
            exec(
                    c,
                    "insert into bench_outlet select ?, o.id, o.number, r.id from outlet o "
                            + "join register r on r.outlet_id = o.id and r.name = 'Till' where o.id = ?",
                    k,
                    UUID.fromString(setup.outlets.get(k)));
        }
        exec(
                c,
                "insert into payment_type (id, name, kind, processor, created_at) values "
                        + "(uuidv7(), 'Bench card', 'card', null, now()), "
                        + "(uuidv7(), 'Bench WooCommerce Payments', 'integrated', 'woocommerce', now())");
        for (String name : List.of("Bench WooCommerce Payments", "Bench card")) {
            try (PreparedStatement ps = c.prepareStatement("select id from payment_type where name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    paymentTypes.add(rs.getObject(1, UUID.class));
                }
            }
        }
        exec(
                c,
                "insert into product (id, sku, name, price, currency, tax_rate, is_shipping_fee, created_at) "
                        + "values (uuidv7(), 'BENCH-SHIPPING', 'Shipping', 4.95, 'EUR', 0.21, true, now())");
        exec(
                c,
                "create unlogged table bench_product as select (row_number() over (order by sku) - 1)::int as k, "
                        + "id, sku, name, price, tax_rate from product where sku like 'SKU-%'");
        exec(c, "alter table bench_product add primary key (k)");
        // Each product has a 13-digit barcode: what the Scanner reads.
        exec(
                c,
                "insert into product_barcode (barcode, product_id) "
                        + "select '20' || lpad(k::text, 11, '0'), id from bench_product");
        exec(
                c,
                "insert into customer (id, name, email, email_key, created_at) "
                        + "select uuidv7(t - now()), 'Customer ' || g, 'customer' || g || '@bench.example', "
                        + "'customer' || g || '@bench.example', t from (select g, now() - " + SPAN
                        + " * (1 - g::float8 / ?) as t from generate_series(1, ?) g) s",
                CUSTOMERS,
                CUSTOMERS);
        exec(
                c,
                "create unlogged table bench_customer as "
                        + "select (row_number() over (order by id) - 1)::int as k, id from customer");
        exec(c, "alter table bench_customer add primary key (k)");
        exec(
                c,
                "create unlogged table bench_sale (n int, id uuid, fulfillment_id uuid, created_at timestamptz, "
                        + "online boolean, pickup boolean, outlet_k int, f_outlet_k int, customer_k int, lines int)");
        exec(
                c,
                "create unlogged table bench_line (sale_id uuid, line_id uuid, j int, product_k int, qty int, "
                        + "price numeric, tax numeric, total numeric)");
    }

    /** Sales {@code from..to} of {@code total}, dated evenly over two years up to now, in one transaction. */
    private void batch(Connection c, int from, int to, int total) throws SQLException {
        UUID channel = UUID.fromString(setup.channel);
        UUID register = UUID.fromString(setup.register);
        int outlets = setup.outlets.size();
        exec(c, "truncate bench_sale, bench_line");
        // 70 % online (30 % of those picked up), fulfilled 40 % at the first outlet and 15 % at each other; a
        // customer on every online sale and on a fifth of the in-store ones; 1 to 4 products.
        exec(
                c,
                "insert into bench_sale select g, uuidv7(t - now()), case when online then uuidv7(t - now()) end, t, "
                        + "online, online and r3 < 0.3, case when online then 0 else floor(r2 * ?)::int end, "
                        + "case when not online then null when r2 < 0.4 then 0 "
                        + "else least(? - 1, 1 + floor((r2 - 0.4) / (0.6 / (? - 1)))::int) end, "
                        + "case when online or r3 < 0.2 then floor(r4 * ?)::int end, 1 + floor(r5 * 4)::int "
                        + "from (select g, now() - " + SPAN
                        + " * ((? - g)::float8 / ?) as t, random() < 0.7 as online, "
                        + "random() as r2, random() as r3, random() as r4, random() as r5 "
                        + "from generate_series(?, ?) g) s",
                outlets,
                outlets,
                outlets,
                CUSTOMERS,
                total,
                total,
                from,
                to);
        exec(
                c,
                "insert into bench_line select l.sale_id, l.line_id, l.j, l.k, l.qty, p.price, "
                        + "round(l.qty * p.price * p.tax_rate, 2), "
                        + "l.qty * p.price + round(l.qty * p.price * p.tax_rate, 2) "
                        + "from (select s.id as sale_id, uuidv7(s.created_at - now()) as line_id, j, "
                        + "floor(random() * 10000)::int as k, 1 + floor(random() * 3)::int as qty "
                        + "from bench_sale s cross join generate_series(0, s.lines - 1) j) l "
                        + "join bench_product p on p.k = l.k");
        // Receipt numbers follow each outlet's own sequence, as the till and the import number them.
        exec(
                c,
                "insert into sale (id, receipt_number, created_at, outlet_id, register_id, source, channel_id, "
                        + "external_order_id, external_order_number, imported_at, status, currency, customer_id, note) "
                        + "select s.id, o.number || '-' || lpad(q::text, greatest(6, length(q::text)), '0'), "
                        + "s.created_at, o.id, case when s.online then ? else o.till end, "
                        + "case when s.online then 'online' else 'in_store' end, case when s.online then ? end, "
                        + "case when s.online then 'B' || s.n end, case when s.online then s.n::text end, "
                        + "case when s.online then s.created_at + interval '4 seconds' end, 'completed', 'EUR', "
                        + "bc.id, case when s.online then 'Order from Bench shop' else '' end "
                        + "from (select s.*, ol.last_receipt_seq "
                        + "+ row_number() over (partition by s.outlet_k order by s.n) as q from bench_sale s "
                        + "join bench_outlet b on b.k = s.outlet_k join outlet ol on ol.id = b.id) s "
                        + "join bench_outlet o on o.k = s.outlet_k left join bench_customer bc on bc.k = s.customer_k",
                register,
                channel);
        exec(
                c,
                "update outlet o set last_receipt_seq = o.last_receipt_seq + n.count from (select b.id, count(*) "
                        + "from bench_sale s join bench_outlet b on b.k = s.outlet_k group by b.id) n "
                        + "where o.id = n.id");
        exec(
                c,
                "insert into sale_line (id, sale_id, position, product_id, sku, name, quantity, unit_price, discount, "
                        + "tax_rate, tax, total) "
                        + "select l.line_id, l.sale_id, l.j, p.id, p.sku, p.name, l.qty, l.price, "
                        + "0, p.tax_rate, l.tax, l.total from bench_line l join bench_product p on p.k = l.product_k");
        exec(
                c,
                "insert into sale_line (id, sale_id, position, product_id, sku, name, quantity, unit_price, discount, "
                        + "tax_rate, tax, total, is_shipping_fee) select uuidv7(s.created_at - now()), s.id, s.lines, "
                        + "p.id, p.sku, p.name, 1, 4.95, 0, 0.21, 1.04, 5.99, true from bench_sale s "
                        + "join product p on p.sku = 'BENCH-SHIPPING' where s.online and not s.pickup");
        exec(
                c,
                "insert into sale_payment (id, sale_id, payment_type_id, amount, currency, paid_at, register_id) "
                        + "select uuidv7(s.created_at - now()), s.id, case when s.online then ? else ? end, "
                        + "t.total + case when s.online and not s.pickup then 5.99 else 0 end, 'EUR', s.created_at, "
                        + "case when s.online then ? else o.till end from bench_sale s "
                        + "join (select sale_id, sum(total) as total from bench_line group by sale_id) t "
                        + "on t.sale_id = s.id join bench_outlet o on o.k = s.outlet_k",
                paymentTypes.get(0),
                paymentTypes.get(1),
                register);
        exec(
                c,
                "insert into channel_order (channel_id, store_id, external_order_id, sale_id, platform_updated_at, "
                        + "platform_status, imported_at) select ?, ?, 'B' || n, id, created_at, 'completed', "
                        + "created_at + interval '4 seconds' from bench_sale where online",
                channel,
                channel);
        exec(
                c,
                "insert into fulfillment (id, sale_id, outlet_id, type, status, created_at, tracking_number, "
                        + "tracking_company) select s.fulfillment_id, s.id, o.id, "
                        + "case when s.pickup then 'pickup' else 'delivery' end, "
                        + "case when s.pickup then 'picked_up' else 'shipped' end, s.created_at, "
                        + "case when not s.pickup then 'TRK' || s.n end, case when not s.pickup then 'bpost' end "
                        + "from bench_sale s join bench_outlet o on o.k = s.f_outlet_k where s.online");
        exec(
                c,
                "insert into fulfillment_item (fulfillment_id, line_id, position, quantity, picked) "
                        + "select s.fulfillment_id, l.line_id, l.j, l.qty, l.qty from bench_line l "
                        + "join bench_sale s on s.id = l.sale_id where s.online");
    }

    /** Marks {@code recent} newest and {@code stale} older fulfillments of outlet {@code k} to be left open. */
    private void leaveOpen(Connection c, int k, int recent, int stale) throws SQLException {
        if (k == 0) {
            exec(
                    c,
                    "create unlogged table bench_open "
                            + "(id uuid primary key, sale_id uuid, outlet_k int, status varchar)");
        }
        UUID outlet = UUID.fromString(setup.outlets.get(k));
        exec(
                c,
                "insert into bench_open (id, sale_id, outlet_k) select id, sale_id, ? from fulfillment "
                        + "where outlet_id = ? order by id desc limit ?",
                k,
                outlet,
                recent);
        exec(
                c,
                "insert into bench_open (id, sale_id, outlet_k) select id, sale_id, ? from (select id, sale_id "
                        + "from fulfillment f where outlet_id = ? and not exists (select 1 from bench_open b "
                        + "where b.id = f.id) order by random() limit ?) f",
                k,
                outlet,
                stale);
    }

    /** Half new, 30 % in progress (partly picked, assigned to the outlet's picker), 20 % packed. */
    private void openState(Connection c) throws SQLException {
        UUID picker = UUID.fromString(setup.staff.get(0));
        exec(
                c,
                "update bench_open set status = (array['new', 'new', 'new', 'new', 'new', 'in_progress', "
                        + "'in_progress', 'in_progress', 'packed', 'packed'])[1 + floor(random() * 10)::int]");
        exec(
                c,
                "update fulfillment f set status = b.status, tracking_number = null, tracking_company = null, "
                        + "assigned_user_id = case when b.status = 'in_progress' and b.outlet_k = 0 then ?::uuid end "
                        + "from bench_open b where f.id = b.id",
                picker);
        // In progress: all but one unit of the first item picked; packed: everything picked.
        exec(
                c,
                "update fulfillment_item i set picked = case b.status when 'new' then 0 when 'packed' then i.quantity "
                        + "else case when i.position = 0 then i.quantity - 1 else 0 end end "
                        + "from bench_open b where i.fulfillment_id = b.id");
        exec(c, "update sale s set status = 'open' from bench_open b where s.id = b.sale_id");
        exec(
                c,
                "update channel_order o set platform_status = 'processing' from bench_open b "
                        + "where o.sale_id = b.sale_id");
        exec(c, "delete from sale_payment p using bench_open b where p.sale_id = b.sale_id and random() < 0.2");
        exec(
                c,
                "insert into fulfillment_note (id, fulfillment_id, text, user_id, created_at) "
                        + "select uuidv7(), id, 'Customer asked us to hold it until Friday', ?, now() "
                        + "from bench_open where outlet_k = 0 and random() < 0.05",
                picker);
    }

    private Written written(Connection c) throws SQLException {
        List<Long> counts = new ArrayList<>();
        UUID here = UUID.fromString(setup.outlets.get(0));
        String open = "status in ('new', 'in_progress', 'packed')";
        for (String sql : List.of(
                "select count(*) from sale",
                "select count(*) from sale_line",
                "select count(*) from fulfillment",
                "select count(*) from fulfillment where outlet_id = ? and " + open,
                "select count(*) from fulfillment where outlet_id <> ? and " + open)) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (sql.contains("?")) {
                    ps.setObject(1, here);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts.add(rs.getLong(1));
                }
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_size_pretty(pg_database_size(current_database()))")) {
            rs.next();
            return new Written(
                    counts.get(0), counts.get(1), counts.get(2), counts.get(3), counts.get(4), rs.getString(1));
        }
    }

    private static void exec(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.execute();
        }
    }
}
