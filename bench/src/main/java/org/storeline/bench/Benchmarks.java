package org.storeline.bench;

import java.util.Arrays;
import java.util.List;
import org.storeline.bench.Options.Option;
import org.storeline.bench.Options.Usage;

/**
 * What {@code bench/run} starts: {@code bench/run [fulfillments|pages|sync] [--name value]...}, the import benchmark
 * without a command. Each benchmark's options are declared here, with their defaults, and checked before it starts:
 * {@code --help} lists them, and an option it does not know ends the run before anything is set up.
 */
public final class Benchmarks {
    private Benchmarks() {}

    private static final Option PG = new Option(
            "pg",
            null,
            "PostgreSQL settings over Storeline's own: name=value,... (initdb.name=value: an initdb option)");

    static final Usage IMPORT = new Usage(
            "bench/run",
            "Signed WooCommerce webhook deliveries imported on loopback: ack latency at a sustained rate, under load"
                    + " with a backlog, the worker's capacity, and set-based SQL's ceiling.\n"
                    + "The other benchmarks: bench/run fulfillments|pages|sync (each with --help).",
            List.of(
                    new Option(
                            "seconds", "60", "length of the under-load and capacity phases (the others: at most 20)"),
                    new Option("rate", "500", "deliveries a second sent while measuring"),
                    new Option("backlog", "90000", "deliveries stored before the under-load and capacity phases"),
                    new Option("only", null, "any value: the under-load phase only (e.g. --only under-load)"),
                    new Option("trace", null, "any value: the under-load latencies second by second"),
                    new Option("prewarm-wal-mb", "0", "MB of WAL written and checkpointed first (recycled segments)"),
                    PG));

    static final Usage FULFILLMENTS = new Usage(
            "bench/run fulfillments",
            "The Fulfillments page's open list and the Scanner's scans on a long history, one request at a time.",
            List.of(
                    new Option("sales", "1000000", "sales in the history, over two years"),
                    new Option("open", "50000", "open fulfillments at the measured outlet"),
                    new Option("open-elsewhere", "2000", "open fulfillments at each of three other outlets"),
                    new Option("requests", "2000", "measured list requests of each kind"),
                    new Option("scans", "3000", "measured scans"),
                    new Option("warm-up", "2000", "requests of each kind sent first, not measured"),
                    new Option("explain", null, "any value: print the list queries' plans first"),
                    PG));

    static final Usage PAGES = new Usage(
            "bench/run pages",
            "The staff web app's pages, server-rendered, on the history of bench/run fulfillments.",
            List.of(
                    new Option("sales", "1000000", "sales in the history, over two years"),
                    new Option("open", "50000", "open fulfillments at the measured outlet"),
                    new Option("requests", "1000", "measured requests of each page"),
                    new Option("warm-up", "1000", "requests of each page sent first, not measured"),
                    PG));

    static final Usage SYNC = new Usage(
            "bench/run sync",
            "Stock out: from a stock change to the request at a simulated store, and a burst of changes per channel.",
            List.of(
                    new Option("products", "1000", "products SYNC-1 ... SYNC-n, sold on every store"),
                    new Option("changes", "10000", "stock counts in the burst, over all products"),
                    new Option("latency-samples", "300", "single stock counts timed one after another"),
                    new Option("pace-ms", "20-50", "interval between two timed counts, in ms (min-max)"),
                    new Option("threads", "4", "client threads sending the burst"),
                    new Option(
                            "platforms",
                            "woocommerce,bigcommerce,ecwid,shopify,lightspeed_ecom",
                            "the stores linked, one channel each (of these)"),
                    new Option("wait-seconds", "300", "longest wait for a store to receive every level"),
                    PG));

    /** A benchmark: its options, and its entry point, given the arguments after its command. */
    record Benchmark(Usage usage, Main main) {}

    @FunctionalInterface
    interface Main {
        void run(String[] args) throws Exception;
    }

    /** The benchmark the arguments name, and the arguments left for it. */
    record Chosen(Benchmark benchmark, String[] args) {}

    static Chosen choose(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        Benchmark named = switch (command) {
            case "fulfillments" -> new Benchmark(FULFILLMENTS, FulfillmentBenchmark::main);
            case "pages" -> new Benchmark(PAGES, PageBenchmark::main);
            case "sync" -> new Benchmark(SYNC, SyncBenchmark::main);
            default -> null;
        };
        return named == null
                ? new Chosen(new Benchmark(IMPORT, ImportBenchmark::main), args)
                : new Chosen(named, Arrays.copyOfRange(args, 1, args.length));
    }

    public static void main(String[] args) throws Exception {
        Chosen chosen = choose(args);
        // Ends the process for --help or an option the benchmark does not take, before it starts anything.
        Options.parse(chosen.args(), chosen.benchmark().usage());
        chosen.benchmark().main().run(chosen.args());
    }
}
