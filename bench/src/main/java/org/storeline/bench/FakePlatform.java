package org.storeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One store of a platform on loopback, as much of its REST API as Storeline's stock sync uses, in the platform's own
 * request and answer formats, and no rate limit of its own: finding products by SKU, and writing stock levels
 * (WooCommerce's {@code POST /products/batch}, BigCommerce's {@code PUT /v3/inventory/adjustments/absolute}, Ecwid's
 * {@code PUT /products/{id}} and batch API, Shopify's GraphQL {@code productVariants} and
 * {@code inventorySetQuantities}). It sells products {@code SYNC-1 ... SYNC-n}, and notes when each request
 * arrived ({@link System#nanoTime()}, the benchmark runs in the same process) and which levels it carried.
 */
final class FakePlatform implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A product's id on the platform is this plus its number: ids and numbers are never confused. */
    private static final long ID_BASE = 100_000;

    static final String BIGCOMMERCE_STORE = "benchstore";
    static final String ECWID_STORE = "1003";

    private static final Pattern ECWID_PRODUCT = Pattern.compile("/products/(\\d+)");
    private static final Pattern SHOPIFY_SKU = Pattern.compile("sku:\\\"([^\\\"]+)\\\"");
    private static final Pattern SHOPIFY_GRAPHQL = Pattern.compile("/admin/api/[^/]+/graphql\\.json");
    private static final String SHOPIFY_ITEM = "gid://shopify/InventoryItem/";

    /** A request that arrived: when, and how many stock levels it carried (0 for a look-up). */
    record Request(long at, int levels) {}

    final String platform;
    private final int products;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final long[] levels;
    private final long[] changedAt;
    private final int[] writes;
    /** When a product's level first arrived, by {@link #key}. */
    private final Map<Long, Long> firstArrival = new ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Map<String, JsonNode> ecwidBatches = new ConcurrentHashMap<>();
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();

    private FakePlatform(String platform, int products) throws IOException {
        this.platform = platform;
        this.products = products;
        this.levels = new long[products + 1];
        this.changedAt = new long[products + 1];
        this.writes = new int[products + 1];
        Arrays.fill(levels, -1);
        // Read once, when the first server is made: no answer waits (Nagle) for the ACK of an earlier segment.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    static FakePlatform start(String platform, int products) throws IOException {
        FakePlatform fake = new FakePlatform(platform, products);
        fake.server.start();
        return fake;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static String sku(int product) {
        return "SYNC-" + product;
    }

    /** The level the store shows for the product (1-based), -1 before any. */
    synchronized long level(int product) {
        return levels[product];
    }

    /** When the product's level last changed at the store. */
    synchronized long changedAt(int product) {
        return changedAt[product];
    }

    /** How many levels the store has received for each product (by number). */
    synchronized int[] writeCounts() {
        return writes.clone();
    }

    /** When the store first received this level of the product; null if it has not. */
    Long arrivalOf(int product, long level) {
        return firstArrival.get(key(product, level));
    }

    /** Every request received so far, look-ups included, in the order they arrived. */
    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    long unexpectedRequests() {
        return unexpected.get();
    }

    private static long key(int product, long level) {
        return ((long) product << 40) | level;
    }

    private synchronized void wrote(int product, long level, long at) {
        writes[product]++;
        if (levels[product] != level) {
            levels[product] = level;
            changedAt[product] = at;
        }
        firstArrival.putIfAbsent(key(product, level), at);
    }

    private int numberOf(long id) {
        long number = id - ID_BASE;
        return number >= 1 && number <= products ? (int) number : -1;
    }

    private int numberOfSku(String sku) {
        if (!sku.startsWith("SYNC-")) {
            return -1;
        }
        try {
            int number = Integer.parseInt(sku.substring(5));
            return number >= 1 && number <= products ? number : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long at = System.nanoTime();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            JsonNode answer = switch (platform) {
                case "woocommerce" -> wooCommerce(method, path, query, body, at);
                case "bigcommerce" -> bigCommerce(method, path, query, body, at);
                case "ecwid" -> ecwid(method, path, query, body, at);
                case "shopify" -> shopify(method, path, body, at);
                default -> null;
            };
            if (answer == null) {
                unexpected.incrementAndGet();
                send(exchange, 404, JSON.createObjectNode().put("message", "not faked: " + method + " " + path));
            } else {
                send(exchange, 200, answer);
            }
        }
    }

    private JsonNode wooCommerce(String method, String path, Map<String, String> query, byte[] body, long at)
            throws IOException {
        String products = "/wp-json/wc/v3/products";
        if (method.equals("GET") && path.equals(products)) {
            requests.add(new Request(at, 0));
            ArrayNode found = JSON.createArrayNode();
            for (String sku : query.getOrDefault("sku", "").split(",")) {
                int number = numberOfSku(sku);
                if (number > 0) {
                    found.addObject()
                            .put("id", ID_BASE + number)
                            .put("parent_id", 0)
                            .put("sku", sku)
                            .put("type", "simple");
                }
            }
            return found;
        }
        if (method.equals("POST") && path.equals(products + "/batch")) {
            JsonNode update = JSON.readTree(body).path("update");
            requests.add(new Request(at, update.size()));
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode updated = answer.putArray("update");
            for (JsonNode item : update) {
                int number = numberOf(item.path("id").asLong());
                if (number < 0) {
                    updated.addObject()
                            .put("id", item.path("id").asLong())
                            .putObject("error")
                            .put("code", "woocommerce_rest_product_invalid_id")
                            .put("message", "Invalid ID.");
                    continue;
                }
                wrote(number, item.path("stock_quantity").asLong(), at);
                updated.addObject()
                        .put("id", item.path("id").asLong())
                        .put("sku", sku(number))
                        .put("manage_stock", true)
                        .put("stock_quantity", item.path("stock_quantity").asLong());
            }
            return answer;
        }
        return null;
    }

    private JsonNode bigCommerce(String method, String path, Map<String, String> query, byte[] body, long at)
            throws IOException {
        String v3 = "/stores/" + BIGCOMMERCE_STORE + "/v3";
        if (method.equals("GET") && path.equals(v3 + "/catalog/products")) {
            requests.add(new Request(at, 0));
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode data = answer.putArray("data");
            for (String sku : query.getOrDefault("sku:in", "").split(",")) {
                int number = numberOfSku(sku);
                if (number > 0) {
                    data.addObject()
                            .put("id", ID_BASE + number)
                            .put("sku", sku)
                            .put("base_variant_id", 10 * ID_BASE + number)
                            .put("inventory_tracking", "product");
                }
            }
            answer.putObject("meta");
            return answer;
        }
        if (method.equals("GET") && path.equals(v3 + "/catalog/variants")) {
            requests.add(new Request(at, 0));
            ObjectNode answer = JSON.createObjectNode();
            answer.putArray("data");
            answer.putObject("meta");
            return answer;
        }
        if (method.equals("PUT") && path.equals(v3 + "/inventory/adjustments/absolute")) {
            JsonNode items = JSON.readTree(body).path("items");
            requests.add(new Request(at, items.size()));
            for (JsonNode item : items) {
                int number = numberOf(item.path("product_id").asLong());
                if (number > 0) {
                    wrote(number, item.path("quantity").asLong(), at);
                }
            }
            return JSON.createObjectNode().put("transaction_id", "bench-" + tickets.incrementAndGet());
        }
        return null;
    }

    private JsonNode ecwid(String method, String path, Map<String, String> query, byte[] body, long at)
            throws IOException {
        String store = "/api/v3/" + ECWID_STORE;
        if (!path.startsWith(store + "/")) {
            return null;
        }
        String below = path.substring(store.length());
        if (method.equals("GET") && below.equals("/products")) {
            requests.add(new Request(at, 0));
            String sku = query.getOrDefault("sku", "");
            int number = numberOfSku(sku);
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode items = answer.putArray("items");
            if (number > 0) {
                items.addObject().put("id", ID_BASE + number).put("sku", sku);
            }
            return answer.put("total", items.size()).put("count", items.size()).put("offset", 0);
        }
        if (method.equals("PUT")) {
            requests.add(new Request(at, 1));
            return ecwidWrite(below, JSON.readTree(body), at);
        }
        if (method.equals("POST") && below.equals("/batch")) {
            JsonNode writes = JSON.readTree(body);
            requests.add(new Request(at, writes.size()));
            ObjectNode batch = JSON.createObjectNode()
                    .put("status", "COMPLETED")
                    .put("totalRequests", writes.size())
                    .put("completedRequests", writes.size());
            ArrayNode responses = batch.putArray("responses");
            for (JsonNode write : writes) {
                JsonNode written = ecwidWrite(write.path("path").asText(), write.path("body"), at);
                ObjectNode response =
                        responses.addObject().put("id", write.path("id").asText());
                if (written == null) {
                    response.put("status", "FAILED").put("httpStatusCode", 404).put("httpStatusLine", "Not Found");
                } else {
                    response.put("status", "COMPLETED")
                            .put("httpStatusCode", 200)
                            .put("httpStatusLine", "OK");
                    response.set("httpBody", written);
                }
            }
            String ticket = "bench-ticket-" + tickets.incrementAndGet();
            ecwidBatches.put(ticket, batch);
            return JSON.createObjectNode().put("ticket", ticket);
        }
        if (method.equals("GET") && below.equals("/batch")) {
            requests.add(new Request(at, 0));
            return ecwidBatches.remove(query.getOrDefault("ticket", ""));
        }
        return null;
    }

    /** Shopify's GraphQL Admin API: the SKU search of {@code productVariants}, and {@code inventorySetQuantities}. */
    private JsonNode shopify(String method, String path, byte[] body, long at) throws IOException {
        if (!method.equals("POST") || !SHOPIFY_GRAPHQL.matcher(path).matches()) {
            return null;
        }
        JsonNode request = JSON.readTree(body);
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode data = answer.putObject("data");
        if (request.path("query").asText().contains("inventorySetQuantities")) {
            JsonNode quantities = request.path("variables").path("input").path("quantities");
            requests.add(new Request(at, quantities.size()));
            ObjectNode result = data.putObject("inventorySetQuantities");
            ArrayNode errors = result.putArray("userErrors");
            for (JsonNode quantity : quantities) {
                String item = quantity.path("inventoryItemId").asText();
                int number = item.startsWith(SHOPIFY_ITEM)
                        ? numberOf(Long.parseLong(item.substring(SHOPIFY_ITEM.length())))
                        : -1;
                if (number < 0) {
                    errors.addObject().put("message", "The specified inventory item could not be found.");
                } else {
                    wrote(number, quantity.path("quantity").asLong(), at);
                }
            }
            result.putObject("inventoryAdjustmentGroup")
                    .put("reason", "correction")
                    .putArray("changes");
            return answer;
        }
        requests.add(new Request(at, 0));
        ArrayNode edges = data.putObject("productVariants").putArray("edges");
        Matcher skus =
                SHOPIFY_SKU.matcher(request.path("variables").path("query").asText());
        while (skus.find()) {
            int number = numberOfSku(skus.group(1));
            if (number > 0) {
                ObjectNode node = edges.addObject().putObject("node");
                node.put("id", "gid://shopify/ProductVariant/" + (ID_BASE + number))
                        .put("sku", skus.group(1));
                node.putObject("inventoryItem").put("id", SHOPIFY_ITEM + (ID_BASE + number));
            }
        }
        return answer;
    }

    private JsonNode ecwidWrite(String path, JsonNode body, long at) {
        Matcher product = ECWID_PRODUCT.matcher(path);
        if (!product.matches() || !body.has("quantity")) {
            return null;
        }
        int number = numberOf(Long.parseLong(product.group(1)));
        if (number < 0) {
            return null;
        }
        wrote(number, body.path("quantity").asLong(), at);
        return JSON.createObjectNode().put("updateCount", 1);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, JsonNode answer) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
