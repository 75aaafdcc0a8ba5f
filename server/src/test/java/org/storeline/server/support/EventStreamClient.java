package org.storeline.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/v1/events} read as a browser's EventSource reads it: a real HTTP connection whose body is parsed
 * line by line into events (id, event, data); a message with an id and no data moves the last event id without being
 * an event. Each event's JSON is held to the OpenAPI document's schema for its kind.
 */
public final class EventStreamClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One event as dispatched, and when it was ({@link System#nanoTime()}). */
    public record Event(long id, String type, JsonNode data, long receivedNanos) {}

    private final HttpResponse<InputStream> response;
    private final boolean checked;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile long lastEventId;
    private volatile boolean opened;
    private volatile boolean ended;

    private EventStreamClient(HttpResponse<InputStream> response, boolean checked) {
        this.response = response;
        this.checked = checked;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Opens a stream as the client's user, resuming after {@code lastEventId} when given. */
    public static EventStreamClient open(ApiClient client, Optional<Long> lastEventId) {
        return open(client, lastEventId, true);
    }

    /** The same, without holding each event to the document when {@code checked} is false (to time the server). */
    public static EventStreamClient open(ApiClient client, Optional<Long> lastEventId, boolean checked) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/v1/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + client.token());
        lastEventId.ifPresent(id -> request.header("Last-Event-ID", Long.toString(id)));
        try {
            HttpResponse<InputStream> response =
                    HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            return new EventStreamClient(response, checked);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer of a request for a stream that is refused: status and error code. */
    public static ApiClient.Response refused(ApiClient client, Optional<String> lastEventId) {
        HttpRequest.Builder request = client.request("/api/v1/events").GET();
        lastEventId.ifPresent(id -> request.header("Last-Event-ID", id));
        return client.send(request);
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            boolean connected = false;
            String type = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (id != null) {
                        lastEventId = Long.parseLong(id);
                    }
                    if (data != null) {
                        events.add(event(type, data.toString()));
                    }
                    opened |= connected;
                    type = null;
                    data = null;
                } else if (line.startsWith(": connected")) {
                    connected = true;
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = data == null
                            ? new StringBuilder(line.substring(6))
                            : data.append('\n').append(line, 6, line.length());
                }
            }
        } catch (IOException closed) {
            // the test closed the stream, or the server ended it
        } finally {
            ended = true;
        }
    }

    private Event event(String type, String data) {
        String kind = type == null ? "message" : type;
        try {
            JsonNode json = JSON.readTree(data);
            String schema = switch (kind) {
                case "fulfillment" -> "Fulfillment";
                case "notification" -> "Notification";
                default -> null;
            };
            if (schema != null && checked) {
                assertThat(OpenApiContract.published().problemsAsSchema(schema, data))
                        .as("event %s as the OpenAPI document's %s", kind, schema)
                        .isEmpty();
            }
            return new Event(lastEventId, kind, json, System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException("event data is not JSON: " + data, e);
        }
    }

    /** The next event, waiting at most {@code limit}; empty when none came. */
    public Optional<Event> next(Duration limit) throws InterruptedException {
        return Optional.ofNullable(events.poll(limit.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The next {@code count} events, failing the test when they do not come within {@code limit}. */
    public List<Event> take(int count, Duration limit) throws InterruptedException {
        List<Event> taken = new ArrayList<>();
        long deadline = System.nanoTime() + limit.toNanos();
        while (taken.size() < count) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(event)
                    .as("event %d of %d within %s; got %s", taken.size() + 1, count, limit, taken)
                    .isNotNull();
            taken.add(event);
        }
        return taken;
    }

    /** Waits for the stream's opening message and answers the last event id it gave (0: none yet). */
    public long awaitOpened(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!opened && System.nanoTime() < deadline && !ended) {
            Thread.sleep(10);
        }
        assertThat(opened).as("the stream's opening message").isTrue();
        return lastEventId;
    }

    /** The last id received, from an event or a message without data: what a reconnect sends back. */
    public long lastEventId() {
        return lastEventId;
    }

    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing anyway
        }
        reader.interrupt();
    }
}
