package org.storeline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.bench.Options.Option;
import org.storeline.bench.Options.Stop;
import org.storeline.bench.Options.Usage;

class OptionsTest {
    private static final Usage USAGE = new Usage(
            "bench/run demo",
            "What the demo benchmark measures.",
            List.of(
                    new Option("sales", "1000000", "sales in the history"),
                    new Option("explain", null, "any value: the plans first")));

    private static Stop stop(String... args) {
        return catchThrowableOfType(Stop.class, () -> Options.read(args, USAGE));
    }

    @Test
    void theOptionsGivenOverTheDefaultsOfTheOthers() {
        assertThat(Options.read(new String[] {}, USAGE)).isEqualTo(Map.of("sales", "1000000"));
        assertThat(Options.read(new String[] {"--sales", "5_000", "--explain", "true"}, USAGE))
                .isEqualTo(Map.of("sales", "5_000", "explain", "true"));
        assertThat(Options.integer(Options.read(new String[] {"--sales", "5_000"}, USAGE), "sales"))
                .isEqualTo(5000);
    }

    @Test
    void helpListsEveryOptionWithItsDefaultAndStartsNothing() {
        Stop help = stop("--sales", "10", "--help");

        assertThat(help.status).isZero();
        assertThat(help.getMessage())
                .startsWith("usage: bench/run demo [--name value]...\nWhat the demo benchmark measures.")
                .containsPattern("--sales +1000000 +sales in the history")
                .containsPattern("--explain +- +any value: the plans first");
        assertThat(stop("-h").status).isZero();
    }

    @Test
    void anUnknownOptionIsNamedAndStopsTheRun() {
        Stop unknown = stop("--sales", "10", "--slaes", "20");

        assertThat(unknown.status).isEqualTo(2);
        assertThat(unknown.getMessage())
                .isEqualTo("bench/run demo: unknown option --slaes (bench/run demo --help lists its options)");
    }

    @Test
    void anOptionWithoutItsValueOrAWordWithoutDashesStopsTheRun() {
        assertThat(stop("--sales").getMessage()).contains("option --sales needs a value");
        assertThat(stop("--sales", "--explain", "true").getMessage()).contains("option --sales needs a value");
        assertThat(stop("sales", "10").getMessage()).contains("unexpected argument 'sales'");
        assertThat(stop("sales", "10").status).isEqualTo(2);
    }

    @Test
    void eachCommandOfBenchRunHasItsOwnOptions() {
        var sync = Benchmarks.choose(new String[] {"sync", "--products", "10"});
        assertThat(sync.benchmark().usage()).isSameAs(Benchmarks.SYNC);
        assertThat(sync.args()).containsExactly("--products", "10");
        assertThat(Benchmarks.choose(new String[] {"--seconds", "5"})
                        .benchmark()
                        .usage())
                .as("no command: the import benchmark")
                .isSameAs(Benchmarks.IMPORT);

        Stop syncHelp = catchThrowableOfType(Stop.class, () -> Options.read(new String[] {"--help"}, Benchmarks.SYNC));
        assertThat(syncHelp.getMessage())
                .contains("usage: bench/run sync")
                .containsPattern("--products +1000 ")
                .containsPattern("--platforms +woocommerce,bigcommerce,ecwid,shopify,lightspeed_ecom ")
                .containsPattern("--pg +- ");
        Stop wrongCommand = catchThrowableOfType(
                Stop.class,
                () -> Options.read(
                        Benchmarks.choose(new String[] {"fulfilments"}).args(), Benchmarks.IMPORT));
        assertThat(wrongCommand.getMessage()).startsWith("bench/run: unexpected argument 'fulfilments'");
    }
}
