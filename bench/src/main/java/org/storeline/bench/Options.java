package org.storeline.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark's {@code --name value} pairs, read against the options it declares ({@link Usage}): {@code --help} prints
 * them with their defaults, and an option it does not know stops it before anything starts. A misspelt option used to
 * be dropped without a word, and a run of many minutes then measured the defaults.
 */
final class Options {
    private Options() {}

    /** An option: its name without the dashes, its default ({@code null}: absent unless given), and what it sets. */
    record Option(String name, String fallback, String meaning) {}

    /** A benchmark as {@code bench/run} calls it: its command, what it measures, and its options. */
    record Usage(String command, String summary, List<Option> options) {
        Usage {
            options = List.copyOf(options);
        }
    }

    /**
     * Arguments that are no run: help asked for ({@link #status} 0, said on standard output) or a mistake (status 2,
     * on standard error).
     */
    static final class Stop extends RuntimeException {
        final int status;

        Stop(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /**
     * The options given, and the declared default of each one not given; for {@code --help} or a mistake, says so and
     * ends the process instead.
     */
    static Map<String, String> parse(String[] args, Usage usage) {
        try {
            return read(args, usage);
        } catch (Stop stop) {
            (stop.status == 0 ? System.out : System.err).println(stop.getMessage());
            System.exit(stop.status);
            throw stop;
        }
    }

    /** The options given, with the defaults of the others; throws {@link Stop} for {@code --help} or a mistake. */
    static Map<String, String> read(String[] args, Usage usage) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            throw new Stop(0, help(usage));
        }
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String arg = args[i];
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            if (name == null) {
                throw mistake(usage, "unexpected argument '" + arg + "': options are written --name value");
            }
            if (usage.options().stream().noneMatch(o -> o.name().equals(name))) {
                throw mistake(usage, "unknown option " + arg);
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw mistake(usage, "option " + arg + " needs a value");
            }
            given.put(name, args[i + 1]);
        }
        Map<String, String> options = new HashMap<>();
        usage.options().stream().filter(o -> o.fallback() != null).forEach(o -> options.put(o.name(), o.fallback()));
        options.putAll(given);
        return options;
    }

    /** The usage line, what the benchmark measures, and each option with its default. */
    static String help(Usage usage) {
        int nameWidth = usage.options().stream()
                .mapToInt(o -> o.name().length() + 2)
                .max()
                .orElse(0);
        int fallbackWidth = usage.options().stream()
                .mapToInt(o -> o.fallback() == null ? 1 : o.fallback().length())
                .max()
                .orElse(0);
        StringBuilder text = new StringBuilder("usage: " + usage.command() + " [--name value]...\n")
                .append(usage.summary())
                .append("\n\noptions (name, default, meaning):\n");
        for (Option option : usage.options()) {
            text.append(String.format(
                    "  %-" + nameWidth + "s  %-" + fallbackWidth + "s  %s%n",
                    "--" + option.name(),
                    option.fallback() == null ? "-" : option.fallback(),
                    option.meaning()));
        }
        return text.toString().stripTrailing();
    }

    private static Stop mistake(Usage usage, String what) {
        return new Stop(2, usage.command() + ": " + what + " (" + usage.command() + " --help lists its options)");
    }

    /** An option that has a declared default, as a whole number ({@code 1_000_000} allowed). */
    static int integer(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " has no value and no default");
        }
        return Integer.parseInt(value.replace("_", ""));
    }
}
