package org.storeline.server.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WooCommerce store for the sync tests, played by WireMock and speaking WooCommerce's REST API v3 formats: the
 * products it sells (simple products and variations, found by {@code GET /products?sku=A,B}), their stock and regular
 * price as the batch endpoints set them ({@code POST /products/batch}, {@code /products/{id}/variations/batch}), and
 * orders whose status {@code PUT /orders/{id}} changes. It keeps its own state, so that a test compares the store's
 * stock with Storeline's after whatever happened on the way; faults are stubs laid over it ({@link #fail}).
 */
public final class FakeWooCommerce implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/wp-json/wc/v3";
    private static final Pattern VARIATIONS = Pattern.compile(API + "/products/(\\d+)/variations/batch");
    private static final Pattern ORDER = Pattern.compile(API + "/orders/(\\d+)");
    private static final AtomicLong IDS = new AtomicLong(800);

    /** One product or variation of the store. */
    public static final class Product {
        final long id;
        final long parentId;
        final String sku;
        Long stock;
        String regularPrice = "";
        final List<Long> stockWrites = new ArrayList<>();
        final List<Long> stockWrittenAt = new ArrayList<>();

        Product(long id, long parentId, String sku) {
            this.id = id;
            this.parentId = parentId;
            this.sku = sku;
        }
    }

    private final WireMockServer server;
    private final Map<String, Product> bySku = new LinkedHashMap<>();
    private final Map<Long, Product> byId = new HashMap<>();
    private final Map<Long, String> orders = new HashMap<>();
    private final Map<Long, List<String>> orderWrites = new HashMap<>();
    private int stockBatches;
    private final Map<String, Integer> arrived = new HashMap<>();
    private final List<Long> productRequestsAt = new ArrayList<>();

    private FakeWooCommerce() {
        server = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .extensions(new Store(), new Arrivals())
                .containerThreads(40));
    }

    public static FakeWooCommerce start() {
        FakeWooCommerce store = new FakeWooCommerce();
        store.server.start();
        store.stubStore();
        return store;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public WireMockServer wiremock() {
        return server;
    }

    private void stubStore() {
        ResponseDefinitionBuilder store = aResponse().withTransformers(Store.NAME);
        server.stubFor(get(urlPathEqualTo(API + "/products")).atPriority(5).willReturn(store));
        server.stubFor(
                post(urlPathEqualTo(API + "/products/batch")).atPriority(5).willReturn(store));
        server.stubFor(post(urlPathMatching(API + "/products/\\d+/variations/batch"))
                .atPriority(5)
                .willReturn(store));
        server.stubFor(get(urlPathMatching(API + "/orders/\\d+")).atPriority(5).willReturn(store));
        server.stubFor(put(urlPathMatching(API + "/orders/\\d+")).atPriority(5).willReturn(store));
        // Registration succeeds: the channel shows connected.
        server.stubFor(get(urlPathEqualTo(API + "/system_status"))
                .willReturn(okJson("{\"environment\":{\"version\":\"9.4.0\"}}")));
        server.stubFor(get(urlPathEqualTo(API + "/webhooks")).willReturn(okJson("[]")));
        server.stubFor(post(urlPathEqualTo(API + "/webhooks")).willReturn(okJson("{\"id\":31}")));
    }

    /** A simple product the store sells under this SKU, no stock managed yet; answers its id. */
    public synchronized long product(String sku) {
        Product product = new Product(IDS.incrementAndGet(), 0, sku);
        bySku.put(sku, product);
        byId.put(product.id, product);
        return product.id;
    }

    /** A variation of a variable product, under this SKU; answers the variation's id. */
    public synchronized long variation(long parentId, String sku) {
        Product variation = new Product(IDS.incrementAndGet(), parentId, sku);
        bySku.put(sku, variation);
        byId.put(variation.id, variation);
        return variation.id;
    }

    /** An order in the store, in this status. */
    public synchronized void order(long id, String status) {
        orders.put(id, status);
    }

    public synchronized Optional<Long> stock(long productId) {
        return Optional.ofNullable(byId.get(productId).stock);
    }

    /** Someone edits the product's stock in the store's admin (not one of the levels the store was sent). */
    public synchronized void editStockByHand(long productId, long level) {
        byId.get(productId).stock = level;
    }

    /** Every stock level the store was sent for the product, in the order it took them. */
    public synchronized List<Long> stockWrites(long productId) {
        return List.copyOf(byId.get(productId).stockWrites);
    }

    /** When ({@link System#nanoTime()}) the store took the first write of this level for the product, if it did. */
    public synchronized Optional<Long> firstWriteOf(long productId, long level) {
        Product p = byId.get(productId);
        int at = p.stockWrites.indexOf(level);
        return at < 0 ? Optional.empty() : Optional.of(p.stockWrittenAt.get(at));
    }

    public synchronized String regularPrice(long productId) {
        return byId.get(productId).regularPrice;
    }

    public synchronized int stockBatches() {
        return stockBatches;
    }

    public synchronized String orderStatus(long id) {
        return orders.get(id);
    }

    /** The bodies of the writes to the order, in order. */
    public synchronized List<String> orderWrites(long id) {
        return List.copyOf(orderWrites.getOrDefault(id, List.of()));
    }

    /** Lays a fault over the store (a 500, a slow answer, a 429) until it is {@link #heal healed}. */
    public StubMapping fail(MappingBuilder fault) {
        return server.stubFor(fault.atPriority(1));
    }

    /** Every products request answered 500, as a PHP fatal error or an overloaded host does; nothing changes. */
    public StubMapping failWithServerErrors() {
        return fail(any(urlPathMatching(API + "/products.*"))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"internal_server_error\",\"message\":\"There has been a critical "
                                + "error on this website.\",\"data\":{\"status\":500}}")));
    }

    /** Every products request takes effect, but its answer comes only after {@code delay}. */
    public StubMapping answerLate(Duration delay) {
        return fail(any(urlPathMatching(API + "/products.*"))
                .willReturn(aResponse().withTransformers(Store.NAME).withFixedDelay((int) delay.toMillis())));
    }

    /** Every products request refused with 429 and {@code Retry-After}, as a host's rate limiter does. */
    public StubMapping throttle(int retryAfterSeconds) {
        return fail(any(urlPathMatching(API + "/products.*"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"too_many_requests\",\"message\":\"Slow down.\"}")));
    }

    /** The store's answers (with their status) to requests at this path, oldest first. */
    public List<Integer> answeredStatuses(String path) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().split("\\?")[0].equals(path))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> e.getResponse().getStatus())
                .toList();
    }

    public void heal(StubMapping fault) {
        server.removeStub(fault);
    }

    /**
     * When ({@link System#nanoTime()}) each request to the products endpoints (look-ups and batches: what the sync
     * sends) arrived, in order.
     */
    public synchronized List<Long> productRequestTimes() {
        return List.copyOf(productRequestsAt);
    }

    /** Requests that arrived at this path so far, answered or not yet (a slow answer is still on its way). */
    public synchronized int arrivals(String method, String path) {
        return arrived.getOrDefault(method + " " + path, 0);
    }

    /** Requests that reached the store at this path (whatever their answer). */
    public long requestsTo(String method, String path) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals(method))
                .filter(e -> e.getRequest().getUrl().split("\\?")[0].equals(path))
                .count();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Counts each request as it arrives, before any stub decides its answer. */
    private final class Arrivals implements StubRequestFilterV2 {
        @Override
        public String getName() {
            return "woocommerce-arrivals";
        }

        @Override
        public RequestFilterAction filter(Request request, ServeEvent event) {
            synchronized (FakeWooCommerce.this) {
                if (request.getUrl().startsWith(API + "/products")) {
                    productRequestsAt.add(System.nanoTime());
                }
                arrived.merge(
                        request.getMethod().getName() + " " + request.getUrl().split("\\?")[0], 1, Integer::sum);
            }
            return RequestFilterAction.continueWith(request);
        }
    }

    /** The store's behaviour, behind every stub that answers with it (also behind a slow one: it takes effect). */
    private final class Store implements ResponseDefinitionTransformerV2 {
        static final String NAME = "woocommerce-store";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String method = event.getRequest().getMethod().getName();
            String url = event.getRequest().getUrl();
            String path = url.split("\\?")[0];
            JsonNode answer;
            synchronized (FakeWooCommerce.this) {
                if (method.equals("GET") && path.equals(API + "/products")) {
                    answer = find(query(url).getOrDefault("sku", ""));
                } else if (method.equals("POST")) {
                    answer = batch(path, read(event.getRequest().getBodyAsString()));
                } else {
                    Matcher order = ORDER.matcher(path);
                    order.matches();
                    long id = Long.parseLong(order.group(1));
                    if (!orders.containsKey(id)) {
                        return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                                .withStatus(404)
                                .withBody("{\"code\":\"woocommerce_rest_shop_order_invalid_id\","
                                        + "\"message\":\"Invalid ID.\",\"data\":{\"status\":404}}")
                                .build();
                    }
                    if (method.equals("PUT")) {
                        String body = event.getRequest().getBodyAsString();
                        orderWrites.computeIfAbsent(id, k -> new ArrayList<>()).add(body);
                        orders.put(id, read(body).path("status").asText(orders.get(id)));
                    }
                    answer = JSON.createObjectNode().put("id", id).put("status", orders.get(id));
                }
            }
            return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(answer.toString())
                    .build();
        }

        private JsonNode find(String skus) {
            ArrayNode found = JSON.createArrayNode();
            List<String> wanted = new ArrayList<>(Arrays.asList(skus.split(",")));
            wanted.add(skus);
            for (String sku : wanted) {
                Product p = bySku.get(sku);
                if (p != null) {
                    found.addObject()
                            .put("id", p.id)
                            .put("parent_id", p.parentId)
                            .put("sku", p.sku)
                            .put("type", p.parentId == 0 ? "simple" : "variation");
                }
            }
            return found;
        }

        private JsonNode batch(String path, JsonNode body) {
            Matcher variations = VARIATIONS.matcher(path);
            long parent = variations.matches() ? Long.parseLong(variations.group(1)) : 0;
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode updated = answer.putArray("update");
            boolean stock = false;
            for (JsonNode item : body.path("update")) {
                Product p = byId.get(item.path("id").asLong());
                if (p == null || p.parentId != parent) {
                    updated.addObject()
                            .put("id", item.path("id").asLong())
                            .putObject("error")
                            .put("code", "woocommerce_rest_product_invalid_id")
                            .put("message", "Invalid ID.");
                    continue;
                }
                if (item.has("stock_quantity")) {
                    p.stock = item.path("stock_quantity").asLong();
                    p.stockWrites.add(p.stock);
                    p.stockWrittenAt.add(System.nanoTime());
                    stock = true;
                }
                if (item.has("regular_price")) {
                    p.regularPrice = item.path("regular_price").asText();
                }
                updated.addObject()
                        .put("id", p.id)
                        .put("sku", p.sku)
                        .put("manage_stock", p.stock != null)
                        .put("stock_quantity", p.stock)
                        .put("regular_price", p.regularPrice);
            }
            if (stock) {
                stockBatches++;
            }
            return answer;
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new HashMap<>();
        int at = url.indexOf('?');
        if (at < 0) {
            return params;
        }
        for (String pair : url.substring(at + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
