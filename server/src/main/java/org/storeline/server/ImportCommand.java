package org.storeline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code storeline import}: a channel's order history, fetched from its platform by a running Storeline through its
 * API ({@code POST /api/v1/channels/{id}/import}), one slice of days after another so that a long history shows its
 * progress and a failure loses only its slice. The import itself recognises what it imported before: running the
 * command again makes no second sale.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Imports a channel's orders from its platform into a running Storeline (orders changed from "
                + "--since until --until), with a progress bar. Orders imported before are recognised, not doubled.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BAR = 30;

    @Option(names = "--channel", required = true, description = "The channel's id (GET /api/v1/channels lists them).")
    String channel;

    @Option(
            names = "--since",
            required = true,
            description = "The first day (2026-01-31, read in UTC) or an exact time (2026-01-31T08:00:00Z).")
    String since;

    @Option(names = "--until", description = "The end, the same way (default: now).")
    String until;

    @Option(
            names = "--days-per-call",
            defaultValue = "7",
            description = "How many days each import call covers (default: ${DEFAULT-VALUE}).")
    int daysPerCall;

    @Option(
            names = "--url",
            defaultValue = "http://localhost:8080",
            description = "Where Storeline runs (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(
            names = "--token",
            defaultValue = "${env:STORELINE_ADMIN_TOKEN}",
            description = "An admin API token (default: env STORELINE_ADMIN_TOKEN; ./storeline admin-token makes one).")
    String token;

    @Override
    public Integer call() throws InterruptedException {
        if (token == null || token.isBlank()) {
            err().println("storeline: give an admin API token with --token or STORELINE_ADMIN_TOKEN "
                    + "(./storeline admin-token prints a new one).");
            return 2;
        }
        Instant from;
        Instant to;
        try {
            from = time(since);
            to = until == null ? Instant.now() : time(until);
        } catch (DateTimeParseException e) {
            err().println("storeline: --since and --until take a day (2026-01-31) or a time with its offset "
                    + "(2026-01-31T08:00:00Z); got '" + e.getParsedString() + "'.");
            return 2;
        }
        if (!from.isBefore(to) || daysPerCall < 1) {
            err().println("storeline: --since must come before --until, and --days-per-call be 1 or more.");
            return 2;
        }
        return run(from, to);
    }

    private int run(Instant from, Instant to) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Duration step = Duration.ofDays(daysPerCall);
        long slices = 0;
        for (Instant start = from; start.isBefore(to); start = start.plus(step)) {
            slices++;
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        PrintWriter out = out();
        long done = 0;
        for (Instant start = from; start.isBefore(to); start = start.plus(step)) {
            Instant end = start.plus(step).isBefore(to) ? start.plus(step) : to;
            progress(out, done, slices, start, totals);
            try {
                JsonNode answer = importSlice(http, start, end);
                for (String field : new String[] {"fetched", "imported", "skipped", "duplicates", "failed"}) {
                    totals.merge(field, answer.path(field).asLong(), Long::sum);
                }
            } catch (IOException e) {
                out.println();
                out.flush();
                err().println("storeline: the import from " + start + " to " + end + " failed: " + e.getMessage()
                        + " Run the command again with --since " + start + " to go on.");
                return 1;
            }
            done++;
        }
        progress(out, done, slices, to, totals);
        out.println();
        out.println("Done. Each order's outcome is in the channel's activity log.");
        return totals.getOrDefault("failed", 0L) > 0 ? 1 : 0;
    }

    private JsonNode importSlice(HttpClient http, Instant start, Instant end) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("since", start.toString(), "until", end.toString()));
        HttpResponse<String> answer;
        try {
            answer = http.send(
                    HttpRequest.newBuilder(url.resolve("/api/v1/channels/" + channel + "/import"))
                            .header("Authorization", "Bearer " + token.trim())
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofMinutes(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IOException("Storeline does not answer at " + url + " (is it running? --url says where).", e);
        }
        JsonNode json = answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException(answer.statusCode() + " "
                    + json.path("error").path("code").asText() + ": "
                    + json.path("error").path("message").asText());
        }
        return json;
    }

    /** One line, redrawn: the bar, how far the import is, and what it did so far. */
    private static void progress(PrintWriter out, long done, long slices, Instant at, Map<String, Long> totals) {
        int filled = (int) (BAR * done / slices);
        out.printf(
                "\r[%s%s] %3d%%  %s  imported %d, already here %d, failed %d ",
                "#".repeat(filled),
                ".".repeat(BAR - filled),
                100 * done / slices,
                at.toString().substring(0, 10),
                totals.getOrDefault("imported", 0L),
                totals.getOrDefault("skipped", 0L) + totals.getOrDefault("duplicates", 0L),
                totals.getOrDefault("failed", 0L));
        out.flush();
    }

    static Instant time(String text) {
        String value = text.trim();
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(value).toInstant();
    }
}
