package org.storeline.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.storeline.server.demo.DemoMode;
import org.storeline.server.demo.SimulatorStores;
import org.storeline.simulators.Settings;
import org.storeline.simulators.Simulators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code storeline demo}: Storeline with a seeded shop and five simulated online stores (Shopify, WooCommerce,
 * BigCommerce, Ecwid, Lightspeed) on loopback whose customers place orders, in a data directory of its own. It takes
 * {@code serve}'s options; the simulators run in this command only (and in tests), never in {@code serve}.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Starts Storeline with a demo shop and five simulated online stores placing orders "
                + "(in data/demo unless --data-dir says otherwise).")
final class DemoCommand extends StorelineCli.Serve {
    static final Path DEMO_DATA = Path.of("data", "demo");

    @Spec
    CommandSpec spec;

    @Option(names = "--reset", description = "Deletes the demo's data directory first: a new shop, from scratch.")
    boolean reset;

    @Option(
            names = "--orders-per-minute",
            defaultValue = "6",
            description = "How many orders the simulated stores' customers place a minute, in all "
                    + "(default: ${DEFAULT-VALUE}; 0 for none but those placed on the /demo page).")
    double ordersPerMinute;

    @Option(
            names = "--reconcile-seconds",
            defaultValue = "60",
            description = "How often each store is polled for orders whose webhook never came "
                    + "(default: ${DEFAULT-VALUE}; replaces --reconcile-minutes in the demo).")
    long reconcileSeconds;

    @Option(
            names = "--offline-seconds",
            defaultValue = "60",
            description = "How long the /demo page's 'take offline' keeps a store offline (default: ${DEFAULT-VALUE}).")
    long offlineSeconds;

    @Option(
            names = "--seed",
            defaultValue = "2026",
            description = "Seeds the customers' choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        boolean ownDir = spec.commandLine().getParseResult().hasMatchedOption("--data-dir");
        Path dir = (ownDir ? dataDir : DEMO_DATA).toAbsolutePath();
        dataDir = dir;
        // The demo's passwords are printed for all to read: it listens on this machine only unless told otherwise.
        String bindHost = spec.commandLine().getParseResult().hasMatchedOption("--host") ? host : "127.0.0.1";
        if (reset && dbUrl == null) {
            delete(dir);
        }
        Optional<URI> publicAddress = Optional.ofNullable(publicUrl)
                .map(URI::create)
                .or(() -> port == 0 ? Optional.empty() : Optional.of(URI.create("http://127.0.0.1:" + port)));
        Optional<Started> config = config(dir, bindHost, publicAddress, Duration.ofSeconds(reconcileSeconds));
        if (config.isEmpty()) {
            return 2;
        }
        Simulators simulators = Simulators.start(seed, Settings::demo);
        Storeline storeline;
        try {
            storeline = Storeline.start(
                    config.get().config(),
                    Optional.of(new SimulatorStores(simulators, Duration.ofSeconds(offlineSeconds))));
        } catch (RuntimeException e) {
            simulators.close();
            throw e;
        }
        URI self = URI.create("http://127.0.0.1:" + storeline.port());
        DemoMode demo = DemoMode.start(storeline.wiring(), simulators, dir, self, ordersPerMinute);
        CountDownLatch stopped = stopOnShutdown(() -> {
            demo.close();
            storeline.close();
        });
        printWelcome(storeline, adminToken().isPresent(), (System.nanoTime() - started) / 1_000_000);
        DemoWelcome.print(storeline.port(), ordersPerMinute);
        stopped.await();
        return 0;
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir + " for --reset", e);
        }
    }
}
