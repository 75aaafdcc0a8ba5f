package org.storeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.storeline.bench.BenchClient.Call;
import org.storeline.server.Storeline;

/**
 * The Fulfillments page and the Scanner on a shop with a long history: a million sales over two years and 50,000
 * open fulfillments at the measured outlet ({@link FulfillmentHistory}), on a real Storeline over loopback HTTP, as a
 * staff user of that outlet with their own API token.
 *
 * <ol>
 *   <li>The open list: {@code GET /api/v1/fulfillments?outlet_id=...}, its first page (the API's default size), and
 *       the same with a status filter and with a type filter.</li>
 *   <li>Scans: {@code POST /api/v1/fulfillments/{id}/scans} with the barcode of a unit still to pick, each on another
 *       open fulfillment.</li>
 * </ol>
 *
 * Requests are sent one at a time after a warm-up of 2,000 of each kind (the JIT compilers are still busy with these
 * paths after a few hundred: a scan then cost nearly twice the CPU of a warm server's); each latency is the client's
 * round trip on loopback (sending, the server's work, reading the whole answer): an upper bound of the server's time.
 * Storeline's own timer of the same requests gives their mean beside it.
 */
public final class FulfillmentBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double LIST_TARGET_MS = 50;
    private static final double SCAN_TARGET_MS = 20;
    private static final String LIST_ROUTE = "/api/v1/fulfillments";
    private static final String SCAN_ROUTE = "/api/v1/fulfillments/{id}/scans";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, Benchmarks.FULFILLMENTS);
        int sales = Options.integer(options, "sales");
        int open = Options.integer(options, "open");
        int openElsewhere = Options.integer(options, "open-elsewhere");
        int requests = Options.integer(options, "requests");
        int scans = Options.integer(options, "scans");
        int warmUp = Options.integer(options, "warm-up");
        Map<String, String> pgSettings = BenchStoreline.pgSettings(options);
        System.out.printf(
                "Storeline fulfillments benchmark: %d cores, %s, JDK %s, load average %s%s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"),
                Runtime.version(),
                loadAverage(),
                pgSettings.isEmpty() ? "" : ", PostgreSQL settings " + pgSettings);
        BenchStoreline started = BenchStoreline.start("storeline-fbench-", pgSettings);
        try (Storeline storeline = started.storeline) {
            String baseUrl = started.baseUrl();
            DataSource db = storeline.dataSource();
            BenchSetup setup = BenchSetup.create(baseUrl, started.adminToken, db, 5, 10_000, "bench-webhook-secret");
            long seedStart = System.nanoTime();
            FulfillmentHistory.Written written = new FulfillmentHistory(db, setup).write(sales, open, openElsewhere);
            System.out.printf(
                    "seed: %,d sales (%,d lines), %,d fulfillments; open: %,d at the measured outlet, %,d at 3 "
                            + "others, none at the fifth; database %s; seeded in %.0f s%n",
                    written.sales(),
                    written.lines(),
                    written.fulfillments(),
                    written.openHere(),
                    written.openElsewhere(),
                    written.size(),
                    (System.nanoTime() - seedStart) / 1e9);

            String outlet = setup.outlets.get(0);
            if (options.containsKey("explain")) {
                ListPlans.print(
                        db,
                        UUID.fromString(outlet),
                        UUID.fromString(setup.outlets.get(1)),
                        UUID.fromString(setup.outlets.get(4)));
            }
            Session staff = new Session(
                    new BenchClient(baseUrl, BenchSetup.tokenOf(baseUrl, started.adminToken, setup.staff.get(0))),
                    started.dataDir.resolve("postgres"));
            String list = "/api/v1/fulfillments?outlet_id=" + outlet;
            System.out.printf(
                    "%nmeasuring as a staff user of the measured outlet, one request at a time: the client's round "
                            + "trip on loopback (p50 ... max), and Storeline's own mean time for the same requests "
                            + "(its http_server_requests timer); load average %s%n",
                    loadAverage());
            List<Histogram> lists = new ArrayList<>();
            lists.add(listed(staff, "list, default (open, oldest first)", list, warmUp, requests));
            lists.add(listed(staff, "list, status=packed", list + "&status=packed", warmUp, requests));
            lists.add(listed(staff, "list, type=pickup", list + "&type=pickup", warmUp, requests));
            lists.add(listed(
                    staff,
                    "list, status=new,in_progress&type=delivery",
                    list + "&status=new,in_progress&type=delivery",
                    warmUp,
                    requests));

            List<Pick> picks = picks(db, UUID.fromString(outlet), warmUp + scans);
            if (picks.size() < warmUp + scans) {
                throw new IllegalStateException("Only " + picks.size() + " open fulfillments to scan");
            }
            measure(staff, "scan (warm-up)", SCAN_ROUTE, warmUp, i -> scan(picks.get(i)));
            Histogram scanned = measure(staff, "scan", SCAN_ROUTE, scans, i -> scan(picks.get(warmUp + i)));
            System.out.printf("load average after measuring: %s%n%n", loadAverage());

            Histogram worstList = lists.stream()
                    .max((a, b) -> Long.compare(a.getValueAtPercentile(95), b.getValueAtPercentile(95)))
                    .orElseThrow();
            System.out.println(verdict(
                    "open-fulfillments list p95 <= " + (int) LIST_TARGET_MS + " ms (every variant)",
                    worstList,
                    LIST_TARGET_MS));
            System.out.println(verdict("scan p95 <= " + (int) SCAN_TARGET_MS + " ms", scanned, SCAN_TARGET_MS));
        }
    }

    /** The list's first page: warmed up, then measured; says how many items a page held. */
    private static Histogram listed(Session session, String label, String path, int warmUp, int count)
            throws Exception {
        BenchClient.Answer first = session.client().send(Call.get(path));
        if (first.status() != 200) {
            throw new IllegalStateException(path + " answered " + first.status() + ": " + first.text());
        }
        JsonNode page = JSON.readTree(first.body());
        measure(session, label + " (warm-up)", LIST_ROUTE, warmUp, i -> Call.get(path));
        Histogram h = measure(session, label, LIST_ROUTE, count, i -> Call.get(path));
        System.out.printf(
                "%s: %d items a page, %,d bytes, a next page: %s%n",
                label,
                page.path("items").size(),
                first.body().length,
                !page.path("next_cursor").isNull());
        return h;
    }

    /**
     * Sends the calls one after another; prints and answers their round trips, with Storeline's mean time for them
     * ({@code route} as its timer names it). A non-2xx answer is an error.
     */
    static Histogram measure(Session session, String label, String route, int count, IntFunction<Call> calls)
            throws Exception {
        BenchClient client = session.client();
        Histogram latency = new Histogram(3);
        int errors = 0;
        String firstError = "";
        String method = calls.apply(0).method();
        BenchClient.ServerTime before = client.serverTime(method, route);
        CpuTime cpuBefore = CpuTime.now(session.postgresData());
        for (int i = 0; i < count; i++) {
            Call call = calls.apply(i);
            long start = System.nanoTime();
            BenchClient.Answer answer = client.send(call);
            latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            if (answer.status() / 100 != 2 && errors++ == 0) {
                firstError = " (first: " + answer.status() + " " + answer.text() + ")";
            }
        }
        String cpu = CpuTime.now(session.postgresData()).perRequest(cpuBefore, count);
        double serverMean = client.serverTime(method, route).meanMillisSince(before);
        if (!label.endsWith("(warm-up)")) {
            System.out.printf(
                    "%s: %,d requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%s; "
                            + "server mean %.1f ms, client mean %.1f ms; %s%n",
                    label,
                    count,
                    latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(95) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0,
                    latency.getMaxValue() / 1000.0,
                    errors,
                    firstError,
                    serverMean,
                    latency.getMean() / 1000.0,
                    cpu);
        } else if (errors > 0) {
            throw new IllegalStateException(label + ": " + errors + " errors" + firstError);
        }
        return latency;
    }

    static String verdict(String target, Histogram latency, double limitMs) {
        double p95 = latency.getValueAtPercentile(95) / 1000.0;
        return String.format(
                "target: %s: %s (p95 %.1f ms, p99 %.1f ms, max %.1f ms)",
                target,
                p95 <= limitMs ? "MET" : "NOT MET",
                p95,
                latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0);
    }

    /** Who measures: the staff user's client, and where the embedded PostgreSQL's data is (for its CPU time). */
    record Session(BenchClient client, Path postgresData) {}

    /** An open fulfillment of the outlet that can be picked, and the barcode of a unit still to pick in it. */
    record Pick(String fulfillment, String barcode) {}

    /** {@code count} different pickable fulfillments (new or in progress, a unit left), in random order. */
    private static List<Pick> picks(DataSource db, UUID outlet, int count) throws Exception {
        List<Pick> picks = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select f.id, b.barcode from fulfillment f "
                        + "join lateral (select pb.barcode from fulfillment_item i "
                        + "join sale_line l on l.id = i.line_id "
                        + "join product_barcode pb on pb.product_id = l.product_id "
                        + "where i.fulfillment_id = f.id and i.picked < i.quantity order by i.position limit 1) b "
                        + "on true where f.outlet_id = ? and f.status in ('new', 'in_progress') "
                        + "order by random() limit ?")) {
            ps.setObject(1, outlet);
            ps.setInt(2, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    picks.add(new Pick(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return picks;
    }

    private static Call scan(Pick pick) {
        return Call.post(
                "/api/v1/fulfillments/" + pick.fulfillment() + "/scans", "{\"barcode\":\"" + pick.barcode() + "\"}");
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
