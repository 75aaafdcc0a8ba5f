package org.storeline.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One store of one platform on loopback: its catalog, its orders, the API Storeline calls (in the platform's own
 * paths, formats, pagination and rate limit) and the webhooks it delivers (signed as the platform signs them), with
 * the platform's habits: a delivery now and then twice, out of order, or never (the order is then found by
 * reconciliation through the list API). It can be taken offline for a while: its API answers 503 and its webhooks
 * wait, as a platform's retries do, until it is back.
 *
 * <p>Each platform is a subclass: {@link #route} answers its API, {@link #newOrder} writes an order as the platform
 * shows it, {@link #orderDeliveries} the webhooks that tell it. State changes are made under the simulator's lock.
 */
public abstract class StoreSimulator implements AutoCloseable {
    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CALLS_KEPT = 200;

    /** A request the store received, and how it answered. */
    public record Call(Instant at, String method, String path, int status) {}

    /** A request to the store's API. */
    protected record Request(
            String method, String path, Map<String, String> query, byte[] body, Map<String, List<String>> headers) {
        JsonNode json() {
            try {
                return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        String param(String name, String fallback) {
            return query.getOrDefault(name, fallback);
        }
    }

    /** An answer: status, JSON body (or none) and headers. */
    protected record Answer(int status, Optional<JsonNode> body, Map<String, String> headers) {
        static Answer ok(JsonNode body) {
            return new Answer(200, Optional.of(body), Map.of());
        }

        static Answer status(int status, JsonNode body) {
            return new Answer(status, Optional.of(body), Map.of());
        }

        static Answer noContent() {
            return new Answer(204, Optional.empty(), Map.of());
        }

        Answer with(Map<String, String> more) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putAll(more);
            return new Answer(status, body, all);
        }
    }

    /** A webhook delivery as the platform sends it: raw bytes and headers, to the registered address. */
    protected record Delivery(String what, String query, Map<String, String> headers, byte[] body) {}

    /** One product the store sells. Its id is stable: the same catalog gets the same ids in every run. */
    public static final class Product {
        public final long id;
        public final String sku;
        public final String name;
        BigDecimal price;
        long stock;

        Product(long id, String sku, String name, BigDecimal price, long stock) {
            this.id = id;
            this.sku = sku;
            this.name = name;
            this.price = price;
            this.stock = stock;
        }
    }

    /** An order as the store keeps it: the platform's own JSON, changed in place as the order moves on. */
    public static final class Order {
        public final String id;
        public final String number;
        public final Plan plan;
        final ObjectNode json;
        Instant updatedAt;
        boolean announced;

        Order(String id, String number, Plan plan, ObjectNode json, Instant updatedAt) {
            this.id = id;
            this.number = number;
            this.plan = plan;
            this.json = json;
            this.updatedAt = updatedAt;
        }
    }

    /** What the store shows of an order on the simulator page. */
    public record OrderView(String id, String number, String status, String summary, boolean webhookSent) {}

    /** What the store shows of a product. */
    public record ProductView(String sku, String name, String price, long stock) {}

    protected final Clock clock;
    protected final Random random;
    private final Settings settings;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final WebhookSender sender;
    protected final Map<String, Product> bySku = new LinkedHashMap<>();
    protected final Map<Long, Product> byId = new LinkedHashMap<>();
    protected final Map<String, Order> orders = new LinkedHashMap<>();
    private final Deque<Call> calls = new ArrayDeque<>();
    private final RateWindow rate;
    private Instant offlineUntil = Instant.MIN;
    private long sequence;
    private final long idBase;

    protected StoreSimulator(Settings settings, RateWindow rate) {
        this.settings = settings;
        this.clock = settings.clock();
        this.random = new Random(settings.seed());
        this.rate = rate;
        // Order ids only grow from one run to the next (a store linked again must not see an old order's id).
        this.idBase = clock.instant().getEpochSecond() * 100;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        sender = new WebhookSender(this, settings.webhookRetry());
    }

    /** The platform's name as Storeline spells it ({@code shopify}, {@code lightspeed_ecom}...). */
    public abstract String platform();

    /** The platform's name for people. */
    public abstract String displayName();

    /** What the channel linked to this store must hold: base_url, credentials and webhook secret. */
    public abstract Link link();

    /** How a channel reaches this store. */
    public record Link(String baseUrl, Map<String, String> credentials, String webhookSecret) {}

    /** Answers a request of the platform's API, or null for one the platform has no endpoint for (404). */
    protected abstract Answer route(Request request);

    /** Writes a new order as the platform shows it. */
    protected abstract Order newOrder(String id, long sequence, Plan plan, Instant at);

    /** The webhooks that announce an order (created), or a change to it (updated). */
    protected abstract List<Delivery> orderDeliveries(Order order, boolean created);

    /** The order's status in the platform's words ("paid/fulfilled", "processing", "Awaiting Fulfillment"). */
    protected abstract String statusWords(Order order);

    /** The 429 the platform answers when its limit is reached, with its headers. */
    protected abstract Answer rateLimited(Duration retryAfter);

    /** Whether the request carries this store's credentials. */
    protected abstract boolean authorized(Request request);

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Where the store delivers its webhooks: set when Storeline registers them, or by the demo for Ecwid's app. */
    public synchronized void deliverTo(URI webhookUrl) {
        sender.target(webhookUrl);
    }

    /** Adds a product to the catalog (the demo's products, in the same order in every run). */
    public synchronized void addProduct(String sku, String name, BigDecimal price, long stock) {
        Product product = new Product(productIdBase() + bySku.size() + 1, sku, name, price, stock);
        bySku.put(sku, product);
        byId.put(product.id, product);
    }

    /** The first product's id less one: each platform numbers its products its own way. */
    protected long productIdBase() {
        return 100_000;
    }

    public synchronized List<ProductView> products() {
        return bySku.values().stream()
                .map(p -> new ProductView(p.sku, p.name, p.price.toPlainString(), p.stock))
                .toList();
    }

    public synchronized Map<String, Long> stockBySku() {
        Map<String, Long> stock = new LinkedHashMap<>();
        bySku.values().forEach(p -> stock.put(p.sku, p.stock));
        return stock;
    }

    /** The orders, newest first. */
    public synchronized List<OrderView> orders() {
        List<OrderView> views = new ArrayList<>();
        for (Order order : orders.values()) {
            views.add(
                    0,
                    new OrderView(order.id, order.number, statusWords(order), order.plan.summary(), order.announced));
        }
        return views;
    }

    public synchronized Optional<String> orderStatus(String orderId) {
        return Optional.ofNullable(orders.get(orderId)).map(this::statusWords);
    }

    /** The requests received, newest first. */
    public synchronized List<Call> calls() {
        List<Call> list = new ArrayList<>(calls);
        Collections.reverse(list);
        return list;
    }

    /**
     * A customer checks out: the order is placed, its products' stock taken down as the platform does, and its
     * webhook sent, unless the store's habits say otherwise. Answers the order's id, or empty when nothing is left to
     * sell.
     */
    public Optional<String> placeOrder() {
        List<Delivery> deliveries = new ArrayList<>();
        String id;
        synchronized (this) {
            Optional<Plan> plan = Plan.random(random, available(), settings.unknownSkuEvery());
            if (plan.isEmpty()) {
                return Optional.empty();
            }
            sequence++;
            id = orderId(idBase + sequence);
            Instant at = clock.instant();
            Order order = newOrder(id, sequence, plan.get(), at);
            orders.put(id, order);
            for (Plan.Line line : plan.get().lines()) {
                Product product = bySku.get(line.sku());
                if (product != null) {
                    product.stock = Math.max(0, product.stock - line.quantity());
                }
            }
            int habit = random.nextInt(100);
            if (habit < settings.neverSentPercent()) {
                // The platform never sends this one: Storeline's reconciliation must find it in the list API.
                order.announced = false;
            } else {
                order.announced = true;
                List<Delivery> created = orderDeliveries(order, true);
                if (habit < settings.neverSentPercent() + settings.duplicatePercent()) {
                    deliveries.addAll(created);
                    deliveries.addAll(created);
                } else if (habit
                        < settings.neverSentPercent() + settings.duplicatePercent() + settings.outOfOrderPercent()) {
                    // An update overtakes the creation: the later version arrives first.
                    order.updatedAt = at.plusSeconds(1);
                    touched(order);
                    deliveries.addAll(orderDeliveries(order, false));
                    deliveries.addAll(created);
                } else {
                    deliveries.addAll(created);
                }
            }
        }
        deliveries.forEach(sender::send);
        return Optional.of(id);
    }

    /** The platform's order id for the n-th order ever placed here; numeric by default. */
    protected String orderId(long number) {
        return Long.toString(number);
    }

    /** Stamps the order's JSON with its new {@code updatedAt}: each platform names that field its own way. */
    protected abstract void touched(Order order);

    /** Announces a change made to an order on the platform's side (paid or cancelled there). */
    protected void announceChange(Order order) {
        order.updatedAt = clock.instant();
        touched(order);
        orderDeliveries(order, false).forEach(sender::send);
    }

    private List<Product> available() {
        return bySku.values().stream().filter(p -> p.stock > 0).toList();
    }

    /** Takes the store offline for a while: its API answers 503, its webhooks wait until it is back. */
    public synchronized void takeOffline(Duration duration) {
        offlineUntil = clock.instant().plus(duration);
    }

    public synchronized boolean offline() {
        return clock.instant().isBefore(offlineUntil);
    }

    /** Webhooks waiting to be delivered (while offline, or refused by Storeline). */
    public int pendingDeliveries() {
        return sender.pending();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    query(exchange.getRequestURI().getRawQuery()),
                    body,
                    exchange.getRequestHeaders());
            Answer answer = answer(request);
            record(request, answer.status());
            byte[] bytes = answer.body().map(StoreSimulator::bytes).orElse(new byte[0]);
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

    private Answer answer(Request request) {
        if (offline()) {
            return Answer.status(503, JSON.createObjectNode().put("message", "Service Unavailable"));
        }
        Optional<Duration> wait = rate.take(clock.instant());
        if (wait.isPresent()) {
            return rateLimited(wait.get());
        }
        if (!authorized(request)) {
            return Answer.status(401, JSON.createObjectNode().put("message", "Unauthorized: bad credentials"));
        }
        Answer answer;
        synchronized (this) {
            answer = route(request);
        }
        return answer != null
                ? answer
                : Answer.status(
                        404,
                        JSON.createObjectNode()
                                .put("message", "Not Found: " + request.method() + " " + request.path()));
    }

    private synchronized void record(Request request, int status) {
        String query = request.query().isEmpty()
                ? ""
                : "?" + String.join("&", request.query().keySet());
        calls.addLast(new Call(clock.instant(), request.method(), request.path() + query, status));
        while (calls.size() > MAX_CALLS_KEPT) {
            calls.removeFirst();
        }
    }

    /** Records a webhook the store sent, beside the requests it received. */
    synchronized void recordSent(Delivery delivery, int status) {
        calls.addLast(new Call(clock.instant(), "WEBHOOK", delivery.what(), status));
        while (calls.size() > MAX_CALLS_KEPT) {
            calls.removeFirst();
        }
    }

    /** A page of {@code items}: {@code page} counts from 1. */
    protected static <T> List<T> page(List<T> items, int page, int size) {
        int from = Math.max(0, (page - 1) * size);
        return from >= items.size() ? List.of() : items.subList(from, Math.min(items.size(), from + size));
    }

    /** Orders whose last change is in [from, to], oldest change first. */
    protected List<Order> modifiedBetween(Instant from, Optional<Instant> to) {
        return orders.values().stream()
                .filter(o -> !o.updatedAt.isBefore(from))
                .filter(o -> to.map(t -> !o.updatedAt.isAfter(t)).orElse(true))
                .sorted(Comparator.comparing((Order o) -> o.updatedAt))
                .toList();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static byte[] utf8(JsonNode node) {
        return bytes(node);
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
        sender.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
