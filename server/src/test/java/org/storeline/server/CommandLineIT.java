package org.storeline.server;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.core.user.ApiTokens;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;
import picocli.CommandLine;

/**
 * The owner's commands beside {@code serve}: {@code admin-token} prints a new admin token whether Storeline runs or
 * not, {@code import} brings a channel's history in slices with a progress bar and no duplicate, and every command
 * answers {@code --help}.
 */
class CommandLineIT {
    private static final AtomicLong ORDER_IDS = new AtomicLong(9_100_000_000L + System.nanoTime() % 100_000_000L);
    private static final Pattern TOKEN = Pattern.compile("(?m)^  (\\S{20,})$");

    /** What a command printed and its exit code. */
    record Run(int exit, String out, String err) {}

    @Test
    void adminTokenPrintsATokenThatWorksWhileStorelineRunsAndWhenItIsStopped(@TempDir Path dataDir) {
        Storeline running = Storeline.start(TestStoreline.config(dataDir, ApiTokens.newToken()));
        String whileRunning;
        try {
            Run run = run("admin-token", "--data-dir", dataDir.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            whileRunning = token(run.out());
            assertThat(client(running, whileRunning)
                            .get("/api/v1/settings/email")
                            .status())
                    .isEqualTo(200);
        } finally {
            running.close();
        }

        Run stopped = run("admin-token", "--data-dir", dataDir.toString(), "--label", "lost laptop");
        assertThat(stopped.exit()).as(stopped.err()).isZero();
        String whileStopped = token(stopped.out());
        assertThat(whileStopped).isNotEqualTo(whileRunning);
        try (Storeline again = Storeline.start(TestStoreline.config(dataDir, ApiTokens.newToken()))) {
            assertThat(client(again, whileStopped).get("/api/v1/settings/email").status())
                    .isEqualTo(200);
            assertThat(client(again, whileRunning).get("/api/v1/settings/email").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void adminTokenWithoutADatabaseSaysHowToMakeOne(@TempDir Path empty) {
        Run run = run("admin-token", "--data-dir", empty.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("there is no Storeline database in", "./storeline serve");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void importBringsAChannelsHistoryInSlicesWithAProgressBarAndNoSecondSale() {
        ApiClient admin = TestStoreline.admin();
        Shop shop = new Shop(admin);
        WireMockServer store =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        store.start();
        try {
            String outlet = shop.outlet("Import");
            String sku = Shop.unique("IMP");
            shop.setStock(shop.productWithSku(sku, "10.00"), outlet, 10);
            String channel = shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), false, store.baseUrl());
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<WooCommerceOrders> orders = List.of(order(sku, now.minus(2, ChronoUnit.DAYS)), order(sku, now));
            String body = "[" + orders.get(0).json() + "," + orders.get(1).json() + "]";
            store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders"))
                    .willReturn(okJson(body).withHeader("X-WP-TotalPages", "1")));

            Run run = run(
                    "import",
                    "--channel",
                    channel,
                    "--since",
                    now.minus(3, ChronoUnit.DAYS).toString(),
                    "--days-per-call",
                    "1",
                    "--url",
                    admin.baseUrl(),
                    "--token",
                    admin.token());

            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("[##############################] 100%", "imported 2,", "Done.");
            assertThat(run.out()).contains("[..............................]   0%");
            for (WooCommerceOrders order : orders) {
                String id = ChannelUnlinkIT.id(order);
                assertThat(admin.get("/api/v1/sales?channel_id=" + channel + "&external_order_id=" + id)
                                .json()
                                .path("items"))
                        .hasSize(1);
            }
        } finally {
            store.stop();
        }
    }

    @Test
    void importToAStorelineThatIsNotThereSaysWhereItLookedAndFromWhereToGoOn() {
        Run run =
                run("import", "--channel", "c", "--since", "2026-01-01", "--url", "http://127.0.0.1:9", "--token", "t");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("Storeline does not answer at http://127.0.0.1:9", "--since 2026-01-01");
    }

    @Test
    void everyCommandAnswersHelp() {
        for (String command : List.of("serve", "demo", "admin-token", "import")) {
            Run run = run(command, "--help");
            assertThat(run.exit()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: storeline " + command, "--help");
        }
        assertThat(run("--help").out()).contains("serve", "demo", "admin-token", "import");
    }

    private static WooCommerceOrders order(String sku, Instant modified) {
        return WooCommerceOrders.order(ORDER_IDS.incrementAndGet())
                .status("processing")
                .line(sku, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00")
                .modifiedAt(modified);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new StorelineCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String token(String out) {
        Matcher m = TOKEN.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    private static ApiClient client(Storeline storeline, String token) {
        return new ApiClient("http://127.0.0.1:" + storeline.port(), token);
    }
}
