package org.storeline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.storeline.channels.bigcommerce.BigCommerceOutbound;
import org.storeline.channels.ecwid.EcwidOutbound;
import org.storeline.channels.lightspeed.LightspeedOutbound;
import org.storeline.channels.shopify.ShopifyOutbound;
import org.storeline.channels.woocommerce.WooCommerceOutbound;
import org.storeline.core.sync.RateBudget;
import org.storeline.server.Storeline;
import org.storeline.simulators.Call;

/**
 * Stock out, issue "Sync out" point 5: a real Storeline over loopback HTTP with one channel per platform, each linked
 * to a store of that platform ({@link SyncStore}: the platform's simulator, its real request and answer formats, no
 * rate limit of its own; Storeline's own rate budgets per platform still apply), the products
 * {@code SYNC-1 ... SYNC-n} sold on each.
 *
 * <ol>
 *   <li>Warm-up: every product's level set once, so that each channel has found the products by SKU (the look-ups
 *       are not what is measured) and the code paths are compiled.</li>
 *   <li>Latency: single stock counts ({@code PUT /api/v1/products/{id}/stock/{outlet}}) one after another at a paced
 *       interval, each of another product and a level never sent before; for each, the time from just before its
 *       request was sent (so an upper bound of the time from its commit) to the fake store receiving the request that
 *       carries that level. The interval is never shorter than any store's budget allows for one request a change
 *       (WooCommerce and BigCommerce 200 ms, Ecwid 100 ms, Lightspeed 1 s), and the phase starts once every store's
 *       budget has room for all of it: the latency is the path's, not a queue the benchmark made. Target: p95 at most
 *       500 ms.</li>
 *   <li>Burst: {@code --changes} counts over all products (each product as often, in a shuffled order) from a few
 *       client threads as fast as the API answers; per store: the requests and levels that arrived, whether every
 *       level there is Storeline's, and when the last level arrived after the last change was answered. Targets: at
 *       most one update request per product (a batch endpoint makes fewer; the levels they carry are shown beside),
 *       the last within 5 s, and the requests within the platform's budget (the most in any stretch of each window's
 *       length, as the store received them).</li>
 * </ol>
 * All five platforms are simulated; {@code --platforms} picks some of them.
 */
public final class SyncBenchmark {
    private static final double LATENCY_TARGET_MS = 500;
    private static final double LAST_LEVEL_TARGET_S = 5;
    private static final long LATENCY_LEVELS = 1_000_000;
    private static final long BURST_LEVELS = 2_000_000;
    private static final List<String> FAKED =
            List.of("woocommerce", "bigcommerce", "ecwid", "shopify", "lightspeed_ecom");

    private SyncBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, Benchmarks.SYNC);
        int productCount = Options.integer(options, "products");
        int changes = Options.integer(options, "changes");
        int samples = Options.integer(options, "latency-samples");
        int threads = Options.integer(options, "threads");
        Duration wait = Duration.ofSeconds(Options.integer(options, "wait-seconds"));
        String[] pace = options.get("pace-ms").split("-");
        int paceMin = Integer.parseInt(pace[0]);
        int paceMax = Integer.parseInt(pace[pace.length - 1]);
        List<String> platforms = Arrays.stream(options.get("platforms").split(","))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .toList();
        for (String platform : platforms) {
            if (!FAKED.contains(platform)) {
                throw new IllegalArgumentException("--platforms takes some of " + FAKED + ", not " + platform);
            }
        }
        Map<String, String> pgSettings = BenchStoreline.pgSettings(options);
        System.out.printf(
                "Storeline sync-out benchmark: %d cores, %s, JDK %s, load average %s; %,d products, %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"),
                Runtime.version(),
                loadAverage(),
                productCount,
                platforms);
        List<SyncStore> fakes = new ArrayList<>();
        for (String platform : platforms) {
            fakes.add(SyncStore.start(platform, productCount, 7 + fakes.size()));
        }
        List<String> verdicts = new ArrayList<>();
        BenchStoreline started = BenchStoreline.start("storeline-syncbench-", pgSettings);
        try (Storeline storeline = started.storeline) {
            String baseUrl = started.baseUrl();
            DataSource db = storeline.dataSource();
            BenchClient admin = new BenchClient(baseUrl, started.adminToken);
            long setupStart = System.nanoTime();
            SyncShop shop = SyncShop.create(admin, productCount, fakes);
            System.out.printf(
                    "set up through the API in %.1f s: an outlet, %,d products, %d channels linked to it%n",
                    (System.nanoTime() - setupStart) / 1e9, productCount, fakes.size());

            warmUp(baseUrl, started.adminToken, shop, fakes, threads, wait);
            // A connection of its own: the admin's has been idle through the warm-up, and the server may close it.
            latency(new BenchClient(baseUrl, started.adminToken), shop, fakes, samples, paceMin, paceMax, verdicts);
            burst(baseUrl, started.adminToken, db, shop, fakes, changes, threads, wait, verdicts);
        } finally {
            fakes.forEach(SyncStore::close);
        }
        System.out.printf("%nsummary (load average %s):%n", loadAverage());
        verdicts.forEach(v -> System.out.println("target: " + v));
    }

    /** Every product's level once: the channels find the products by SKU and send their first levels. */
    private static void warmUp(
            String baseUrl, String token, SyncShop shop, List<SyncStore> fakes, int threads, Duration wait)
            throws Exception {
        int n = shop.products.length - 1;
        int[] products = new int[n];
        long[] levels = new long[n];
        for (int p = 1; p <= n; p++) {
            products[p - 1] = p;
            levels[p - 1] = p;
        }
        SyncBurst.Sent sent = SyncBurst.send(baseUrl, token, shop, products, levels, threads);
        failOnErrors("warm-up", sent);
        long[] expected = SyncBurst.finalLevels(n, products, levels);
        for (SyncStore fake : fakes) {
            boolean done = SyncBurst.converge(fake, expected, wait);
            double seconds = (System.nanoTime() - sent.startedAt()) / 1e9;
            SyncBurst.BudgetUse use = SyncBurst.budgetUse(fake, budgetOf(fake.platform), sent.startedAt());
            System.out.printf(
                    "warm-up, %s: %,d products found by SKU and their first levels %s %.1f s after the first change;"
                            + " %d requests, at most %s%n",
                    fake.platform,
                    n,
                    done ? "there" : "NOT all there",
                    seconds,
                    fake.requests().size(),
                    String.join(", ", use.windows()));
        }
    }

    private static void latency(
            BenchClient admin,
            SyncShop shop,
            List<SyncStore> fakes,
            int samples,
            int paceMin,
            int paceMax,
            List<String> verdicts)
            throws Exception {
        int n = shop.products.length - 1;
        long[] sentAt = new long[samples];
        Random random = new Random(13);
        Duration least = leastPace(fakes, samples);
        Duration quiet = roomFor(fakes, samples, least);
        System.out.printf(
                "%nlatency: %d single stock counts, one every %d-%d ms but no more often than every %d ms (1.5 times"
                        + " the tightest budget's share of a request), each of another product, after waiting %.1f s"
                        + " for every store's budget to have room for the whole phase; load average %s%n",
                samples, paceMin, paceMax, least.toMillis(), quiet.toMillis() / 1e3, loadAverage());
        long next = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            for (long now = System.nanoTime(); now - next < 0; now = System.nanoTime()) {
                LockSupport.parkNanos(next - now);
            }
            sentAt[i] = System.nanoTime();
            BenchClient.Answer answer = admin.send(shop.setStock(1 + i % n, LATENCY_LEVELS + i));
            if (answer.status() != 200) {
                throw new IllegalStateException("A stock count answered " + answer.status() + ": " + answer.text());
            }
            next = sentAt[i]
                    + Math.max(
                            least.toNanos(),
                            Duration.ofMillis(paceMin + random.nextInt(paceMax - paceMin + 1))
                                    .toNanos());
        }
        for (SyncStore fake : fakes) {
            Histogram latency = new Histogram(3);
            int missing = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (int i = 0; i < samples; i++) {
                Long arrived = fake.arrivalOf(1 + i % n, LATENCY_LEVELS + i);
                while (arrived == null && System.nanoTime() - deadline < 0) {
                    Thread.sleep(5);
                    arrived = fake.arrivalOf(1 + i % n, LATENCY_LEVELS + i);
                }
                if (arrived == null) {
                    missing++;
                } else {
                    latency.recordValue(Math.max(1, (arrived - sentAt[i]) / 1000));
                }
            }
            double p95 = latency.getValueAtPercentile(95) / 1000.0;
            String figures = String.format(
                    "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%s",
                    latency.getValueAtPercentile(50) / 1000.0,
                    p95,
                    latency.getValueAtPercentile(99) / 1000.0,
                    latency.getMaxValue() / 1000.0,
                    missing == 0 ? "" : "; " + missing + " never arrived within 60 s");
            System.out.printf("latency, %s: %s%n", fake.platform, figures);
            verdicts.add(String.format(
                    "%s, change to request at the store p95 <= %.0f ms: %s (%s)",
                    fake.platform,
                    LATENCY_TARGET_MS,
                    missing == 0 && p95 <= LATENCY_TARGET_MS ? "MET" : "NOT MET",
                    figures));
        }
        System.out.printf("load average after the latency run: %s%n", loadAverage());
    }

    private static void burst(
            String baseUrl,
            String token,
            DataSource db,
            SyncShop shop,
            List<SyncStore> fakes,
            int changes,
            int threads,
            Duration wait,
            List<String> verdicts)
            throws Exception {
        int n = shop.products.length - 1;
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < changes; j++) {
            order.add(1 + j % n);
        }
        Collections.shuffle(order, new Random(17));
        int[] products = order.stream().mapToInt(Integer::intValue).toArray();
        long[] levels = new long[changes];
        for (int j = 0; j < changes; j++) {
            levels[j] = BURST_LEVELS + j;
        }
        long[] expected = SyncBurst.finalLevels(n, products, levels);
        // A burst on a channel whose budget the latency phase left mostly spent (Lightspeed: 200 of its 300 per 5
        // minutes) would measure that phase: it starts once every window has half its budget or more left.
        Duration halfFree = roomFor(fakes, window -> window.requests() - window.requests() / 2);
        System.out.printf(
                "%nburst: %,d stock counts over %,d products from %d client threads, after waiting %.1f s for every"
                        + " store's budget to be at least half free; load average %s%n",
                changes, n, threads, halfFree.toMillis() / 1e3, loadAverage());
        Map<String, int[]> before = new HashMap<>();
        fakes.forEach(fake -> before.put(fake.platform, fake.writeCounts(n)));
        SyncBurst.Sent sent = SyncBurst.send(baseUrl, token, shop, products, levels, threads);
        failOnErrors("burst", sent);
        System.out.printf(
                "burst: %,d changes answered in %.1f s (%,.0f a second)%n",
                sent.count(), sent.seconds(), sent.count() / sent.seconds());
        for (SyncStore fake : fakes) {
            boolean converged = SyncBurst.converge(fake, expected, wait);
            long left = SyncBurst.drain(db, shop.channels.get(fake.platform), Duration.ofSeconds(30));
            SyncBurst.Received got = SyncBurst.received(fake, sent.startedAt(), before.get(fake.platform), expected);
            int differing = SyncBurst.differing(db, shop, fake);
            double lastAfter = (got.lastChangeAt() - sent.lastAnsweredAt()) / 1e9;
            SyncBurst.BudgetUse use = SyncBurst.budgetUse(fake, budgetOf(fake.platform), sent.startedAt());
            System.out.printf(
                    "burst, %s: %,d stock requests carrying %,d levels (at most %d for one product), %d other"
                            + " requests (look-ups, ticket reads);"
                            + " every level there is "
                            + "Storeline's: %s; the last arrived %.2f s after the last change was answered%s; "
                            + "requests at most %s%n",
                    fake.platform,
                    got.writes(),
                    got.levels(),
                    got.mostOfOneProduct(),
                    got.lookups(),
                    converged && differing == 0 ? "yes" : "NO (" + differing + " differ)",
                    lastAfter,
                    left == 0 ? "" : "; " + left + " tasks still in the outbox",
                    String.join(", ", use.windows()));
            // Counted in update requests: a batch endpoint makes fewer of them, never fewer levels (each request
            // carries
            // the products that changed since the last one went), so the levels are shown beside them.
            verdicts.add(String.format(
                    "%s, %,d changes over %,d products reach the store as at most %,d level updates (fewer with a"
                            + " batch endpoint): %s (%,d update requests carrying %,d levels, at most %d for one"
                            + " product)",
                    fake.platform,
                    changes,
                    n,
                    n,
                    got.writes() <= n ? "MET" : "NOT MET",
                    got.writes(),
                    got.levels(),
                    got.mostOfOneProduct()));
            verdicts.add(String.format(
                    "%s, the last level within %.0f s of the last change: %s (%s)",
                    fake.platform,
                    LAST_LEVEL_TARGET_S,
                    converged && differing == 0 && lastAfter <= LAST_LEVEL_TARGET_S ? "MET" : "NOT MET",
                    converged ? String.format("%.2f s", lastAfter) : "not all there after " + wait.toSeconds() + " s"));
            verdicts.add(String.format(
                    "%s, within the platform's rate budget (no more requests in any stretch of a window's length than"
                            + " it allows): %s (at most %s)",
                    fake.platform, use.withinEveryWindow() ? "MET" : "NOT MET", String.join(", ", use.windows())));
        }
        System.out.printf("load average after the burst: %s%n", loadAverage());
    }

    /**
     * The least time between two latency samples: each change is one request to every store, so a change every
     * {@code per / requests} of each store's tightest window keeps every store within its budget, and the latency
     * measures the path, not a queue the benchmark caused. Half as much again: at exactly that share, a sample whose
     * request went a little late leaves the next one waiting for the window (Shopify's 2 a second, a change every
     * 500 ms: p50 268 ms, p95 524 ms, all of it the wait), which measures the budget's edge instead of the path. A
     * window that holds the whole phase twice over (Lightspeed's 3,000 an hour and 12,000 a day) sets no pace:
     * {@link #roomFor} waits, before the phase, until it has room for it.
     */
    private static Duration leastPace(List<SyncStore> fakes, int samples) {
        Duration least = Duration.ZERO;
        for (SyncStore fake : fakes) {
            for (RateBudget.Window window : budgetOf(fake.platform).windows()) {
                Duration share = window.per().dividedBy(window.requests());
                if (samples * 2L > window.requests() && share.compareTo(least) > 0) {
                    least = share;
                }
            }
        }
        return least.plus(least.dividedBy(2));
    }

    /**
     * Waits until every store's budget has room for the whole latency phase: in each window, the requests of the last
     * window's length (the warm-up's) plus those the phase can send within one window's length, at {@code pace}, fit
     * the window. The phase's requests then never wait for the budget, and the latency is the path's. Answers how long
     * it waited.
     */
    private static Duration roomFor(List<SyncStore> fakes, int samples, Duration pace) throws InterruptedException {
        return roomFor(fakes, window -> Math.min(samples, window.per().toNanos() / pace.toNanos() + 1));
    }

    /** Waits until every window of every store has room for {@code phase} of it more requests. */
    private static Duration roomFor(List<SyncStore> fakes, ToLongFunction<RateBudget.Window> needs)
            throws InterruptedException {
        long started = System.nanoTime();
        for (SyncStore fake : fakes) {
            for (RateBudget.Window window : budgetOf(fake.platform).windows()) {
                long phase = needs.applyAsLong(window);
                long per = window.per().toNanos();
                while (true) {
                    long now = System.nanoTime();
                    List<Long> recent = fake.requests().stream()
                            .map(Call::arrivedNanos)
                            .filter(at -> now - at < per)
                            .sorted()
                            .toList();
                    long over = recent.size() + phase - window.requests();
                    if (over <= 0) {
                        break;
                    }
                    // The oldest requests leave the window first: wait until enough of them have.
                    long left = recent.get((int) Math.min(over, recent.size()) - 1) + per - now;
                    Thread.sleep(Math.max(1, Math.min(left / 1_000_000 + 1, 1_000)));
                }
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The budget Storeline keeps to for the platform: its module's own. */
    private static RateBudget budgetOf(String platform) {
        return switch (platform) {
            case "woocommerce" -> new WooCommerceOutbound(null).budget();
            case "bigcommerce" -> new BigCommerceOutbound(null).budget();
            case "ecwid" -> new EcwidOutbound(null).budget();
            case "shopify" -> new ShopifyOutbound(null).budget();
            case "lightspeed_ecom" -> new LightspeedOutbound(null, Duration.ofSeconds(1)).budget();
            default -> throw new IllegalArgumentException(platform);
        };
    }

    private static void failOnErrors(String what, SyncBurst.Sent sent) {
        if (sent.errors() > 0) {
            throw new IllegalStateException(
                    what + ": " + sent.errors() + " changes failed (first: " + sent.firstError() + ")");
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
