package org.storeline.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A payment processor on loopback that speaks Storeline's refund protocol the way a real one would: it pays a refund
 * back once per idempotency key, however often that key comes again, and counts every request and every payout.
 * Its first answer can be slowed past Storeline's timeout, or be a 503, to test what happens when an answer is lost.
 */
public final class FakeProcessor implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the processor behaves. */
    public enum Mode {
        /** Pays at once and says so. */
        PAY,
        /** Pays on the first request, but answers it only after {@link #slowFirstAnswer}: past the timeout. */
        PAY_BUT_ANSWER_THE_FIRST_LATE,
        /** Answers the first request 503 without paying, then pays. */
        FAIL_FIRST_THEN_PAY,
        /** Refuses with {@link #refusal} (a 200 with status failed). */
        REFUSE
    }

    /** One request as received. */
    public record Received(String idempotencyKey, String authorization, JsonNode body) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> payouts = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Mode mode = Mode.PAY;
    private volatile Duration slowFirstAnswer = Duration.ofSeconds(5);
    private volatile String refusal = "Card expired";

    private FakeProcessor(HttpServer server) {
        this.server = server;
    }

    public static FakeProcessor start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeProcessor fake = new FakeProcessor(server);
            server.createContext("/refunds", fake::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/refunds";
    }

    public FakeProcessor mode(Mode newMode) {
        this.mode = newMode;
        return this;
    }

    public FakeProcessor slowFirstAnswer(Duration delay) {
        this.slowFirstAnswer = delay;
        return this;
    }

    public FakeProcessor refusal(String message) {
        this.refusal = message;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** How many times the refund with this key was paid back: never more than once if the protocol holds. */
    public int payouts(String idempotencyKey) {
        AtomicInteger count = payouts.get(idempotencyKey);
        return count == null ? 0 : count.get();
    }

    public int totalPayouts() {
        return payouts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            received.add(new Received(key, exchange.getRequestHeaders().getFirst("Authorization"), body));
            boolean first = requests.incrementAndGet() == 1;
            switch (mode) {
                case REFUSE -> answer(exchange, 200, Map.of("status", "failed", "message", refusal));
                case FAIL_FIRST_THEN_PAY -> {
                    if (first) {
                        answer(exchange, 503, Map.of("message", "try later"));
                    } else {
                        pay(exchange, key);
                    }
                }
                case PAY_BUT_ANSWER_THE_FIRST_LATE -> {
                    if (first) {
                        payouts.computeIfAbsent(key, k -> new AtomicInteger()).compareAndSet(0, 1);
                        sleep(slowFirstAnswer);
                    }
                    pay(exchange, key);
                }
                case PAY -> pay(exchange, key);
            }
        } catch (IOException e) {
            // The caller gave up waiting (a timeout): the answer goes nowhere, as it would from a real processor.
        }
    }

    /** Pays the key back unless it was paid already: a real processor's idempotency. */
    private void pay(HttpExchange exchange, String key) throws IOException {
        payouts.computeIfAbsent(key, k -> new AtomicInteger()).compareAndSet(0, 1);
        answer(exchange, 200, Map.of("status", "succeeded"));
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
