package org.storeline.simulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A {@link StoreSimulator}'s API on loopback: each request is read, held to the store's faults, rate limit and
 * credentials, routed to the store under its lock (404 where the platform has no endpoint), recorded in its traffic
 * and answered, in JSON where the answer has a body.
 */
final class StoreEndpoint implements AutoCloseable {
    static {
        // Read once, when the first server is made: no answer waits (Nagle) for the ACK of an earlier segment, which
        // would add tens of milliseconds to what the tests and the benchmark measure.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final StoreSimulator store;
    private final Clock clock;
    private final RateWindow rate;
    private final Faults faults;
    private final Traffic traffic;
    private final Stock stock;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    StoreEndpoint(StoreSimulator store, Clock clock, RateWindow rate, Faults faults, Traffic traffic, Stock stock) {
        this.store = store;
        this.clock = clock;
        this.rate = rate;
        this.faults = faults;
        this.traffic = traffic;
        this.stock = stock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long arrived = System.nanoTime();
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    query(exchange.getRequestURI().getRawQuery()),
                    body,
                    exchange.getRequestHeaders());
            traffic.arrived(request.method(), request.path());
            Served served = answer(request, arrived);
            Answer answer = served.answer();
            record(request, arrived, served);
            byte[] bytes = answer.body().map(StoreSimulator::utf8).orElse(new byte[0]);
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (answer.body().isPresent()) {
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    /** An answer, and how many stock levels its request wrote. */
    private record Served(Answer answer, int levels) {}

    private Served answer(Request request, long arrived) {
        Optional<Fault> fault = faults.on(request.method(), request.path());
        if (fault.isPresent() && fault.get().status().isPresent()) {
            pause(fault.get().delay());
            int status = fault.get().status().get();
            return new Served(
                    status == 429 ? store.rateLimited(fault.get().retryAfter()) : store.serverError(status, request),
                    0);
        }
        Served served = serve(request, arrived);
        fault.ifPresent(f -> pause(f.delay()));
        return served;
    }

    private Served serve(Request request, long arrived) {
        Optional<Duration> wait = rate.take(clock.instant());
        if (wait.isPresent()) {
            return new Served(store.rateLimited(wait.get()), 0);
        }
        if (!store.authorized(request)) {
            return new Served(
                    Answer.status(
                            401,
                            StoreSimulator.JSON.createObjectNode().put("message", "Unauthorized: bad credentials")),
                    0);
        }
        synchronized (store) {
            stock.requestArrived(arrived);
            Answer answer = store.route(request);
            return new Served(
                    answer != null
                            ? answer
                            : Answer.status(
                                    404,
                                    StoreSimulator.JSON
                                            .createObjectNode()
                                            .put("message", "Not Found: " + request.method() + " " + request.path())),
                    stock.levelsOfRequest());
        }
    }

    private static void pause(Duration delay) {
        if (delay.isPositive()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void record(Request request, long arrived, Served served) {
        String query = request.query().isEmpty()
                ? ""
                : "?" + String.join("&", request.query().keySet());
        traffic.add(new Call(
                clock.instant(),
                arrived,
                request.method(),
                request.path(),
                query,
                served.answer().status(),
                served.levels(),
                new String(request.body(), StandardCharsets.UTF_8)));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
