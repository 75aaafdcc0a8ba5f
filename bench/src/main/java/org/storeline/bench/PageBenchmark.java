package org.storeline.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.storeline.bench.FulfillmentBenchmark.Session;
import org.storeline.server.Storeline;

/**
 * The staff web app's pages on a shop with a long history (the same as {@code bench/run fulfillments}: a million
 * sales, 50,000 open fulfillments at the measured outlet), server-rendered for a staff user of that outlet signed in
 * with email and password: the whole HTML page as a browser asks for it, one request at a time, on loopback. The pages
 * the issue names: Fulfillments (two tabs, a fulfillment), the Scanner (its list, picking one), Sales history's default
 * view and a sale's page.
 *
 * <p>Each page kind is warmed up, then measured; a page that does not answer 200 stops the run (a page that renders
 * an error quickly measures nothing). The target is every page's p95 within 100 ms.
 */
public final class PageBenchmark {
    private static final double TARGET_MS = 100;
    private static final String PASSWORD = "bench pages password";

    /** A page to measure: its label, the route Storeline's timer names it by, and its path for the i-th request. */
    record Page(String label, String route, IntFunction<String> path) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, Benchmarks.PAGES);
        int sales = Options.integer(options, "sales");
        int open = Options.integer(options, "open");
        int requests = Options.integer(options, "requests");
        int warmUp = Options.integer(options, "warm-up");
        Map<String, String> pgSettings = BenchStoreline.pgSettings(options);
        System.out.printf(
                "Storeline web app pages benchmark: %d cores, %s, JDK %s, load average %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"),
                Runtime.version(),
                FulfillmentBenchmark.loadAverage());
        BenchStoreline started = BenchStoreline.start("storeline-pbench-", pgSettings);
        try (Storeline storeline = started.storeline) {
            String baseUrl = started.baseUrl();
            DataSource db = storeline.dataSource();
            BenchSetup setup = BenchSetup.create(baseUrl, started.adminToken, db, 5, 10_000, "bench-webhook-secret");
            long seedStart = System.nanoTime();
            FulfillmentHistory.Written written = new FulfillmentHistory(db, setup).write(sales, open, 2_000);
            System.out.printf(
                    "seed: %,d sales, %,d fulfillments, %,d open at the measured outlet; database %s; %.0f s%n",
                    written.sales(),
                    written.fulfillments(),
                    written.openHere(),
                    written.size(),
                    (System.nanoTime() - seedStart) / 1e9);
            String outlet = setup.outlets.get(0);
            String email = "pages@bench.example";
            BenchSetup.createUser(baseUrl, started.adminToken, email, PASSWORD, outlet);
            Session staff = new Session(
                    BenchClient.withCookie(baseUrl, signIn(baseUrl, email)), started.dataDir.resolve("postgres"));
            List<String> fulfillments = openFulfillments(db, UUID.fromString(outlet), warmUp + requests);
            List<String> saleIds = salesOf(db, fulfillments);
            List<Page> pages = List.of(
                    new Page("Fulfillments, New tab", "/fulfillments", i -> "/fulfillments?outlet=" + outlet),
                    new Page(
                            "Fulfillments, Packed tab",
                            "/fulfillments",
                            i -> "/fulfillments?outlet=" + outlet + "&status=packed"),
                    new Page(
                            "a fulfillment's page",
                            "/fulfillments/{id}",
                            i -> "/fulfillments/" + fulfillments.get(i % fulfillments.size())),
                    new Page("Scanner, the open list", "/scanner", i -> "/scanner?outlet=" + outlet),
                    new Page(
                            "Scanner, picking one",
                            "/scanner/{id}",
                            i -> "/scanner/" + fulfillments.get(i % fulfillments.size())),
                    new Page("Sales history, default view", "/sales", i -> "/sales"),
                    new Page("a sale's page", "/sales/{id}", i -> "/sales/" + saleIds.get(i % saleIds.size())));
            System.out.printf(
                    "%nmeasuring as a staff user of the measured outlet signed in with a session cookie, one page at "
                            + "a time: the client's round trip on loopback, and Storeline's own mean time%n");
            Histogram worst = null;
            for (Page page : pages) {
                Histogram h = measured(staff, page, warmUp, requests);
                if (worst == null || h.getValueAtPercentile(95) > worst.getValueAtPercentile(95)) {
                    worst = h;
                }
            }
            System.out.printf("load average after measuring: %s%n%n", FulfillmentBenchmark.loadAverage());
            System.out.println(
                    FulfillmentBenchmark.verdict("every page's p95 <= " + (int) TARGET_MS + " ms", worst, TARGET_MS));
        }
    }

    private static Histogram measured(Session session, Page page, int warmUp, int count) throws Exception {
        BenchClient.Answer first = session.client().send(Call.get(page.path().apply(0)));
        if (first.status() != 200) {
            throw new IllegalStateException(page.label() + " answered " + first.status() + ": " + first.text());
        }
        FulfillmentBenchmark.measure(
                session,
                page.label() + " (warm-up)",
                page.route(),
                warmUp,
                i -> Call.get(page.path().apply(i)));
        Histogram h = FulfillmentBenchmark.measure(
                session,
                page.label(),
                page.route(),
                count,
                i -> Call.get(page.path().apply(warmUp + i)));
        System.out.printf("%s: %,d bytes of HTML%n", page.label(), first.body().length);
        return h;
    }

    /** Signs in through the sign-in form as a browser does; answers the session cookie ({@code name=value}). */
    private static String signIn(String baseUrl, String email) throws Exception {
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return answer.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("storeline_session=") && c.length() > "storeline_session=".length())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Signing in answered " + answer.statusCode() + " without a session: " + answer.body()));
    }

    /** The sales of those fulfillments (sales the staff user may see), in the same order. */
    private static List<String> salesOf(DataSource db, List<String> fulfillments) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select sale_id from fulfillment where id = ?::uuid")) {
            for (String f : fulfillments) {
                ps.setString(1, f);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
        }
        return ids;
    }

    /** Open fulfillments of the outlet, in random order (each page request shows another). */
    private static List<String> openFulfillments(DataSource db, UUID outlet, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select id from fulfillment where outlet_id = ? "
                        + "and status in ('new', 'in_progress', 'packed') order by random() limit ?")) {
            ps.setObject(1, outlet);
            ps.setInt(2, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
