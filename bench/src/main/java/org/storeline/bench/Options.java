package org.storeline.bench;

import java.util.HashMap;
import java.util.Map;

/** A benchmark's {@code --name value} pairs. */
final class Options {
    private Options() {}

    static Map<String, String> parse(String[] args) {
        HashMap<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    static int integer(Map<String, String> options, String name, int fallback) {
        return Integer.parseInt(
                options.getOrDefault(name, Integer.toString(fallback)).replace("_", ""));
    }
}
