package org.storeline.channels.ecwid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.sync.PlatformCall;

/**
 * Ecwid's batch API: {@code POST /batch} takes up to 500 requests and answers a ticket at once; Ecwid runs them in
 * order (batches first in, first out) and {@code GET /batch?ticket=} tells when they are done and how each went.
 * Requests are sent with {@code stopOnFirstFailure=false}, so one product deleted on Ecwid does not hold back the
 * others.
 *
 * <p>The ticket is read back a few times, briefly, so that a burst ends in one call with every answer. When Ecwid has
 * not finished by then, the call ends as unavailable with a short {@code Retry-After}: the outbox sends the same writes
 * again. They are absolute levels and prices, and the new batch runs after the old one, so sending twice changes
 * nothing; no deduplication key is used, because it would also swallow a later push of the same values within the hour
 * Ecwid keeps it.
 */
final class EcwidBatch {
    /** One write Ecwid runs for us: the SKU it is for, and the request ({@code path} below the store). */
    record Write(String sku, String method, String path, ObjectNode body) {}

    /** Waits between reads of the ticket; a test passes one that does not sleep. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Ecwid takes up to 500; smaller batches finish sooner and fail smaller. */
    static final int MAX_WRITES = 100;
    /** When Ecwid has not finished: how soon to ask again. */
    static final Duration STILL_RUNNING = Duration.ofSeconds(2);
    /** The waits before the second and later reads of a ticket (the first read is immediate). */
    static final List<Duration> POLLS =
            List.of(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1000));

    private final EcwidClient client;
    private final List<Duration> polls;
    private final Sleeper sleeper;

    EcwidBatch(EcwidClient client, List<Duration> polls, Sleeper sleeper) {
        this.client = client;
        this.polls = List.copyOf(polls);
        this.sleeper = sleeper;
    }

    /** Runs the writes in batches of {@link #MAX_WRITES}: the calls made, and Ecwid's answer to each write. */
    List<PlatformCall> run(List<Write> writes, ChannelConnection connection) {
        List<PlatformCall> calls = new ArrayList<>();
        for (int from = 0; from < writes.size(); from += MAX_WRITES) {
            List<Write> part = writes.subList(from, Math.min(writes.size(), from + MAX_WRITES));
            // A failure carries the batches sent before it: they took effect, and the activity log shows them.
            calls.addAll(PlatformCallException.following(calls, () -> runOne(part, connection)));
        }
        return calls;
    }

    private List<PlatformCall> runOne(List<Write> writes, ChannelConnection connection) {
        ArrayNode requests = PlatformJson.MAPPER.createArrayNode();
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            requests.addObject()
                    .put("id", String.valueOf(i))
                    .put("path", write.path())
                    .put("method", write.method())
                    .set("body", write.body());
        }
        String what = "Sending " + writes.size() + " changes to Ecwid in one batch";
        // Ecwid accepts 600 requests a minute per token, and a batch is one of them (see docs/platforms/ecwid.md).
        EcwidClient.Exchange created =
                client.exchange(connection, "POST", createPath(writes), Optional.of(requests), what);
        String ticket = PlatformJson.text(created.json(), "ticket")
                .orElseThrow(() -> PlatformCallException.unreadable(what + ": Ecwid answered no ticket"));
        List<PlatformCall> calls = new ArrayList<>(List.of(created.call()));
        for (int read = 0; read <= polls.size(); read++) {
            if (read > 0) {
                pause(polls.get(read - 1));
            }
            EcwidClient.Exchange status = PlatformCallException.following(
                    calls,
                    () -> client.exchange(
                            connection,
                            "GET",
                            "/batch?ticket=" + EcwidClient.encode(ticket),
                            Optional.empty(),
                            "Reading Ecwid batch " + ticket));
            calls.add(status.call());
            if ("COMPLETED".equals(PlatformJson.text(status.json(), "status").orElse(""))) {
                calls.addAll(PlatformCallException.following(
                        calls, () -> answers(writes, status.json(), ticket, connection)));
                return calls;
            }
        }
        throw PlatformCallException.unavailable(
                        "Ecwid has not yet run batch " + ticket + " (" + writes.size()
                                + " changes); they are sent again",
                        0,
                        Optional.of(STILL_RUNNING))
                .after(calls);
    }

    /**
     * {@code POST /batch}, never stopping at a failed write; in parallel (up to 100 at a time, where Ecwid otherwise
     * runs them one after another) when no two writes touch the same product, so that the order of writes within a
     * product, which parallel runs would not keep, cannot matter.
     */
    static String createPath(List<Write> writes) {
        Set<String> products = new HashSet<>();
        boolean distinct = writes.stream().allMatch(write -> products.add(product(write.path())));
        return "/batch?stopOnFirstFailure=false" + (distinct ? "&allowParallelMode=true" : "");
    }

    /** The product a write's path is below: {@code /products/{id}} and its combinations. */
    private static String product(String path) {
        String[] parts = path.split("[/?]");
        return parts.length > 2 && parts[1].equals("products") ? parts[2] : path;
    }

    /** Ecwid's answer to each write, as calls for the activity log; a failed write fails the whole call. */
    private static List<PlatformCall> answers(
            List<Write> writes, JsonNode batch, String ticket, ChannelConnection connection) {
        List<PlatformCall> calls = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean retryable = false;
        int firstFailure = 0;
        JsonNode[] byWrite = new JsonNode[writes.size()];
        for (JsonNode response : batch.path("responses")) {
            int index = PlatformJson.text(response, "id").map(EcwidBatch::index).orElse(-1);
            if (index >= 0 && index < writes.size()) {
                byWrite[index] = response;
            }
        }
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            JsonNode response = byWrite[i] == null ? PlatformJson.MAPPER.missingNode() : byWrite[i];
            int status = statusCode(response);
            String outcome = PlatformJson.text(response, "status").orElse("NO_ANSWER");
            String answer = "batch " + ticket + ", " + outcome + ": " + body(response);
            calls.add(
                    new PlatformCall(write.method(), EcwidClient.storePath(connection, write.path()), status, answer));
            if (!"COMPLETED".equals(outcome) || status < 200 || status >= 300) {
                retryable |= status == 0 || status == 429 || status >= 500;
                firstFailure = firstFailure == 0 ? status : firstFailure;
                failures.add("SKU " + write.sku() + " (" + write.method() + " " + write.path() + "): " + outcome + " "
                        + (status == 0 ? "" : status + " ") + statusLine(response) + " " + body(response));
            }
        }
        if (failures.isEmpty()) {
            return calls;
        }
        String message = "Ecwid did not apply " + failures.size() + " of " + writes.size() + " changes of batch "
                + ticket + ": " + String.join("; ", failures.subList(0, Math.min(5, failures.size())))
                + (failures.size() > 5 ? "; ..." : "");
        throw retryable
                ? PlatformCallException.unavailable(message, firstFailure)
                : PlatformCallException.refused(message, firstFailure);
    }

    private static int index(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }

    // Ecwid's docs name the fields in camelCase now (httpStatusCode) and in snake_case in older pages.
    private static int statusCode(JsonNode response) {
        for (String field : List.of("httpStatusCode", "http_status_code", "http_code")) {
            if (response.path(field).canConvertToInt()) {
                return response.path(field).asInt();
            }
            Optional<String> text = PlatformJson.text(response, field);
            if (text.isPresent() && text.get().matches("\\d{3}")) {
                return Integer.parseInt(text.get());
            }
        }
        return 0;
    }

    private static String statusLine(JsonNode response) {
        return PlatformJson.text(response, "httpStatusLine")
                .or(() -> PlatformJson.text(response, "http_status_line"))
                .orElse("");
    }

    private static String body(JsonNode response) {
        for (String field : List.of("httpBody", "http_body", "escapedHttpBody", "escaped_http_body")) {
            JsonNode body = response.path(field);
            if (!body.isMissingNode() && !body.isNull()) {
                return body.isTextual() ? body.asText() : body.toString();
            }
        }
        return "";
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformCallException.unreachable("interrupted while waiting for an Ecwid batch", e);
        }
    }
}
