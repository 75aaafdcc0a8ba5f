package org.storeline.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WooCommerce store (REST API v3 under {@code /wp-json/wc/v3}): orders with {@code page}/{@code per_page} and the
 * {@code X-WP-Total}/{@code X-WP-TotalPages} headers, {@code PUT /orders/{id}} for the status, products by SKU and
 * written through {@code POST /products/batch} (variations of a variable product through
 * {@code POST /products/{parent}/variations/batch}), webhooks created with their secret; deliveries carry the whole
 * order, signed {@code X-WC-Webhook-Signature}. WooCommerce has no rate limit of its own (the host's), so none here; a
 * host's 429 is a {@link Fault#throttled fault}, and a 500 is answered as WordPress's critical error.
 */
public final class WooCommerceSimulator extends StoreSimulator {
    private static final String API = "/wp-json/wc/v3";
    /** Where the products are read and written: the path the sync's faults are laid on. */
    public static final String PRODUCTS = API + "/products";

    private static final Pattern ORDER = Pattern.compile(API + "/orders/(\\d+)");
    private static final Pattern VARIATIONS = Pattern.compile(PRODUCTS + "/(\\d+)/variations/batch");
    private static final Pattern WEBHOOK = Pattern.compile(API + "/webhooks/(\\d+)");
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final String key = Signing.secret("ck_");
    private final String secret = Signing.secret("cs_");
    private final Map<Long, ObjectNode> webhooks = new LinkedHashMap<>();
    /** The variable product of each variation, by the variation's id. */
    private final Map<Long, Long> parents = new HashMap<>();

    private String webhookSecret = Signing.secret("woo-");
    private long webhookIds = 30;

    public WooCommerceSimulator(Settings settings) {
        super(settings, RateWindow.unlimited());
    }

    @Override
    public String platform() {
        return "woocommerce";
    }

    @Override
    public String displayName() {
        return "WooCommerce";
    }

    @Override
    public Link link() {
        return new Link(baseUrl(), Map.of("consumer_key", key, "consumer_secret", secret), webhookSecret);
    }

    @Override
    protected long productIdBase() {
        return 700;
    }

    @Override
    protected boolean authorized(Request request) {
        String basic =
                "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization").filter(basic::equals).isPresent()
                || (key.equals(request.param("consumer_key", ""))
                        && secret.equals(request.param("consumer_secret", "")));
    }

    /**
     * Adds a variation of the variable product {@code parentId} (added with {@link #addProduct}) under its own SKU, its
     * stock not counted until a level is written; answers the variation's id.
     */
    public synchronized long addVariation(long parentId, String sku, String name, BigDecimal price) {
        if (!byId.containsKey(parentId) || parents.containsKey(parentId)) {
            throw new IllegalArgumentException("No product " + parentId + " to add a variation to");
        }
        Product variation = add(sku, name, price, 0, false);
        parents.put(variation.id, parentId);
        return variation.id;
    }

    /**
     * The owner changes an order's status in the store's admin ("cancelled", "on-hold"...), with no webhook: what
     * Storeline finds when it next reads the order.
     */
    public synchronized void changeStatus(String orderId, String status) {
        Order order = orders.get(orderId);
        order.json.put("status", status);
        order.updatedAt = clock.instant();
        touched(order);
    }

    @Override
    protected Answer serverError(int status, Request request) {
        if (status != 500) {
            return super.serverError(status, request);
        }
        ObjectNode error = JSON.createObjectNode()
                .put("code", "internal_server_error")
                .put("message", "There has been a critical error on this website.");
        error.putObject("data").put("status", 500);
        return Answer.status(500, error);
    }

    @Override
    protected Answer rateLimited(Duration retryAfter) {
        return Answer.status(429, JSON.createObjectNode().put("code", "too_many_requests"))
                .with(Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
    }

    @Override
    protected Answer route(Request request) {
        String method = request.method();
        String path = request.path();
        Matcher m;
        if (method.equals("GET") && path.equals(API + "/system_status")) {
            ObjectNode status = JSON.createObjectNode();
            status.putObject("environment").put("version", "9.4.0");
            return Answer.ok(status);
        }
        if (path.equals(API + "/webhooks")) {
            if (method.equals("GET")) {
                ArrayNode list = JSON.createArrayNode();
                webhooks.values().forEach(list::add);
                return Answer.ok(list);
            }
            return Answer.status(201, saveWebhook(++webhookIds, request.json()));
        }
        if ((m = WEBHOOK.matcher(path)).matches()) {
            long id = Long.parseLong(m.group(1));
            if (method.equals("DELETE")) {
                ObjectNode removed = webhooks.remove(id);
                return removed == null ? notFound("woocommerce_rest_shop_webhook_invalid_id") : Answer.ok(removed);
            }
            return Answer.ok(saveWebhook(id, request.json()));
        }
        if (method.equals("GET") && path.equals(API + "/orders")) {
            return listOrders(request);
        }
        if ((m = ORDER.matcher(path)).matches()) {
            Order order = orders.get(m.group(1));
            if (order == null) {
                return notFound("woocommerce_rest_shop_order_invalid_id");
            }
            if (method.equals("PUT")) {
                JsonNode changes = request.json();
                if (changes.has("status")) {
                    order.json.put("status", changes.path("status").asText());
                    if ("completed".equals(changes.path("status").asText())) {
                        order.json.put(
                                "date_completed_gmt", GMT.format(clock.instant().atOffset(ZoneOffset.UTC)));
                    }
                    order.updatedAt = clock.instant();
                    touched(order);
                }
            }
            return Answer.ok(order.json);
        }
        if (method.equals("GET") && path.equals(PRODUCTS)) {
            ArrayNode found = JSON.createArrayNode();
            String skus = request.param("sku", "");
            // A SKU with a comma in it is looked up alone: the whole parameter is that SKU.
            List<String> wanted =
                    skus.contains(",") && bySku.containsKey(skus) ? List.of(skus) : List.of(skus.split(","));
            for (String sku : wanted) {
                Product product = bySku.get(sku.trim());
                if (product != null) {
                    found.add(product(product));
                }
            }
            return Answer.ok(found);
        }
        if (method.equals("POST") && path.equals(PRODUCTS + "/batch")) {
            return batch(request.json(), 0);
        }
        if (method.equals("POST") && (m = VARIATIONS.matcher(path)).matches()) {
            return batch(request.json(), Long.parseLong(m.group(1)));
        }
        return null;
    }

    private ObjectNode saveWebhook(long id, JsonNode body) {
        ObjectNode webhook =
                webhooks.computeIfAbsent(id, k -> JSON.createObjectNode().put("id", k));
        for (String field : List.of("name", "topic", "delivery_url", "status")) {
            if (body.has(field)) {
                webhook.put(field, body.path(field).asText());
            }
        }
        if (!webhook.has("status")) {
            webhook.put("status", "active");
        }
        if (body.hasNonNull("secret")) {
            // WooCommerce signs every delivery with the secret given when the webhook was made.
            webhookSecret = body.path("secret").asText();
        }
        if (webhook.has("delivery_url")) {
            deliverTo(URI.create(webhook.path("delivery_url").asText()));
        }
        return webhook;
    }

    private Answer listOrders(Request request) {
        int perPage = Math.min(100, Integer.parseInt(request.param("per_page", "10")));
        int page = Integer.parseInt(request.param("page", "1"));
        Instant after = request.query().containsKey("modified_after")
                ? gmt(request.param("modified_after", "")).plusSeconds(1)
                : Instant.EPOCH;
        Optional<Instant> before = request.query().containsKey("modified_before")
                ? Optional.of(gmt(request.param("modified_before", "")).minusNanos(1))
                : Optional.empty();
        List<Order> matching = modifiedBetween(after, before);
        ArrayNode list = JSON.createArrayNode();
        page(matching, page, perPage).forEach(o -> list.add(o.json));
        int pages = (matching.size() + perPage - 1) / perPage;
        return Answer.ok(list)
                .with(Map.of(
                        "X-WP-Total", Integer.toString(matching.size()), "X-WP-TotalPages", Integer.toString(pages)));
    }

    /** A batch of products ({@code parent} 0) or of one variable product's variations. */
    private Answer batch(JsonNode body, long parent) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode updated = answer.putArray("update");
        for (JsonNode item : body.path("update")) {
            Product product = byId.get(item.path("id").asLong());
            if (product == null || parents.getOrDefault(product.id, 0L) != parent) {
                updated.addObject()
                        .put("id", item.path("id").asLong())
                        .putObject("error")
                        .put("code", "woocommerce_rest_product_invalid_id")
                        .put("message", "Invalid ID.");
                continue;
            }
            if (item.has("stock_quantity")) {
                stockWritten(product, item.path("stock_quantity").asLong());
            }
            if (item.has("regular_price")) {
                product.price = new BigDecimal(item.path("regular_price").asText());
            }
            updated.add(product(product));
        }
        return Answer.ok(answer);
    }

    private ObjectNode product(Product product) {
        long parent = parents.getOrDefault(product.id, 0L);
        String type = parent != 0 ? "variation" : parents.containsValue(product.id) ? "variable" : "simple";
        return JSON.createObjectNode()
                .put("id", product.id)
                .put("parent_id", parent)
                .put("sku", product.sku)
                .put("name", product.name)
                .put("type", type)
                .put("manage_stock", product.stockTracked)
                .put("stock_quantity", product.stockTracked ? product.stock : null)
                .put("regular_price", product.price.toPlainString());
    }

    private static Answer notFound(String code) {
        return Answer.status(
                404,
                JSON.createObjectNode()
                        .put("code", code)
                        .put("message", "Invalid ID.")
                        .set("data", JSON.createObjectNode().put("status", 404)));
    }

    @Override
    protected Order newOrder(String id, long sequence, Plan plan, Instant at) {
        String number = Long.toString(1000 + sequence);
        String created = GMT.format(at.atOffset(ZoneOffset.UTC));
        ObjectNode order = JSON.createObjectNode()
                .put("id", Long.parseLong(id))
                .put("number", number)
                .put("order_key", "wc_order_" + UUID.randomUUID().toString().substring(0, 13))
                .put("created_via", "checkout")
                .put("currency", "EUR")
                .put("prices_include_tax", false)
                .put("date_created_gmt", created)
                .put("date_modified_gmt", created)
                .put("customer_note", "");
        switch (plan.payment()) {
            case ONLINE ->
                order.put("status", "processing")
                        .put("payment_method", "stripe")
                        .put("payment_method_title", "Credit card (Stripe)")
                        .put("date_paid_gmt", created);
            case BANK_DEPOSIT ->
                order.put("status", "on-hold")
                        .put("payment_method", "bacs")
                        .put("payment_method_title", "Direct bank transfer")
                        .putNull("date_paid_gmt");
            case CASH_ON_PICKUP ->
                order.put("status", "processing")
                        .put("payment_method", "cod")
                        .put("payment_method_title", "Cash on pickup")
                        .putNull("date_paid_gmt");
        }
        Plan.Customer customer = plan.customer();
        order.putObject("billing")
                .put("first_name", customer.firstName())
                .put("last_name", customer.lastName())
                .put("email", customer.email())
                .put("address_1", customer.street())
                .put("postcode", customer.zip())
                .put("city", customer.city())
                .put("country", "BE");
        ObjectNode shipping = order.putObject("shipping")
                .put("first_name", customer.firstName())
                .put("last_name", customer.lastName());
        if (!plan.pickup()) {
            shipping.put("address_1", customer.street())
                    .put("postcode", customer.zip())
                    .put("city", customer.city())
                    .put("country", "BE");
        }
        ArrayNode lines = order.putArray("line_items");
        long lineId = Long.parseLong(id) * 10;
        BigDecimal tax = BigDecimal.ZERO;
        for (Plan.Line line : plan.lines()) {
            Product product = bySku.get(line.sku());
            BigDecimal lineTax = Plan.taxIn(line.total());
            BigDecimal net = line.total().subtract(lineTax);
            tax = tax.add(lineTax);
            lines.addObject()
                    .put("id", ++lineId)
                    .put("name", line.name())
                    .put("product_id", product == null ? 0 : product.id)
                    .put("variation_id", 0)
                    .put("quantity", line.quantity())
                    .put("subtotal", net.toPlainString())
                    .put("subtotal_tax", lineTax.toPlainString())
                    .put("total", net.toPlainString())
                    .put("total_tax", lineTax.toPlainString())
                    .put("sku", line.sku())
                    .put("price", net.divide(BigDecimal.valueOf(line.quantity()), 4, RoundingMode.HALF_UP));
        }
        BigDecimal shippingTax = Plan.taxIn(plan.shipping());
        tax = tax.add(shippingTax);
        order.putArray("shipping_lines")
                .addObject()
                .put("id", lineId + 1)
                .put("method_id", plan.pickup() ? "local_pickup" : "flat_rate")
                .put("method_title", plan.shippingMethod())
                .put("total", plan.shipping().subtract(shippingTax).toPlainString())
                .put("total_tax", shippingTax.toPlainString());
        order.putArray("fee_lines");
        order.putArray("coupon_lines");
        order.put("total", plan.total().toPlainString()).put("total_tax", tax.toPlainString());
        return new Order(id, number, plan, order, at);
    }

    @Override
    protected void touched(Order order) {
        order.json.put("date_modified_gmt", GMT.format(order.updatedAt.atOffset(ZoneOffset.UTC)));
    }

    @Override
    protected List<Delivery> orderDeliveries(Order order, boolean created) {
        String topic = created ? "order.created" : "order.updated";
        byte[] body = utf8(order.json);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "WooCommerce/9.4.0 Hookshot (WordPress/6.7)");
        headers.put("X-WC-Webhook-Source", baseUrl() + "/");
        headers.put("X-WC-Webhook-Topic", topic);
        headers.put("X-WC-Webhook-Resource", "order");
        headers.put("X-WC-Webhook-Event", created ? "created" : "updated");
        headers.put("X-WC-Webhook-ID", Long.toString(webhookIds));
        headers.put("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString());
        headers.put("X-WC-Webhook-Signature", Signing.hmacSha256Base64(webhookSecret, body));
        return List.of(new Delivery(topic + " #" + order.number, "", headers, body));
    }

    @Override
    protected String statusWords(Order order) {
        return order.json.path("status").asText();
    }

    private static Instant gmt(String text) {
        return LocalDateTime.parse(text.length() > 19 ? text.substring(0, 19) : text)
                .toInstant(ZoneOffset.UTC);
    }
}
