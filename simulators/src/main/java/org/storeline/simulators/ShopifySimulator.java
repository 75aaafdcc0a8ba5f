package org.storeline.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Shopify shop: the Admin REST API (orders with {@code page_info} cursor pages in a {@code Link} header, webhooks,
 * variants, fulfillment orders and fulfillments), the two GraphQL operations Storeline sends (variants by SKU,
 * {@code inventorySetQuantities}), the REST leaky bucket as 40 requests per 20 s answered 429 with
 * {@code Retry-After}, and order webhooks with the full REST order signed {@code X-Shopify-Hmac-Sha256}.
 */
public final class ShopifySimulator extends StoreSimulator {
    static final String DOMAIN = "storeline-demo.myshopify.com";
    static final long LOCATION = 68_842_330_001L;
    private static final long ITEM_OFFSET = 40_000_000_000L;
    private static final Pattern ADMIN = Pattern.compile("/admin/api/([^/]+)(/.*)");
    private static final Pattern ORDER = Pattern.compile("/orders/(\\d+)\\.json");
    private static final Pattern FULFILLMENT_ORDERS = Pattern.compile("/orders/(\\d+)/fulfillment_orders\\.json");
    private static final Pattern VARIANT = Pattern.compile("/variants/(\\d+)\\.json");
    private static final Pattern WEBHOOK = Pattern.compile("/webhooks/(\\d+)\\.json");
    private static final Pattern SKU = Pattern.compile("sku:\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final String token = Signing.secret("shpat_");
    private final String clientSecret = Signing.secret("shpss_");
    private final Map<Long, ObjectNode> webhooks = new LinkedHashMap<>();
    private long webhookIds = 1_000;

    public ShopifySimulator(Settings settings) {
        super(settings, new RateWindow(40, Duration.ofSeconds(20)));
    }

    @Override
    public String platform() {
        return "shopify";
    }

    @Override
    public String displayName() {
        return "Shopify";
    }

    @Override
    public Link link() {
        return new Link(baseUrl(), Map.of("access_token", token), clientSecret);
    }

    @Override
    protected long productIdBase() {
        return 44_000_000_000L;
    }

    @Override
    protected boolean authorized(Request request) {
        return request.header("X-Shopify-Access-Token").filter(token::equals).isPresent();
    }

    @Override
    protected Answer rateLimited(Duration retryAfter) {
        return Answer.status(429, JSON.createObjectNode().put("errors", "Exceeded 2 calls per second for api client."))
                .with(Map.of(
                        "Retry-After",
                        Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)),
                        "X-Shopify-Shop-Api-Call-Limit",
                        "40/40"));
    }

    @Override
    protected Answer route(Request request) {
        Matcher admin = ADMIN.matcher(request.path());
        if (!admin.matches()) {
            return null;
        }
        String path = admin.group(2);
        String method = request.method();
        Matcher m;
        if (method.equals("GET") && path.equals("/shop.json")) {
            ObjectNode answer = JSON.createObjectNode();
            answer.putObject("shop")
                    .put("id", 548_380_009L)
                    .put("name", "Storeline demo shop")
                    .put("myshopify_domain", DOMAIN)
                    .put("currency", "EUR")
                    .put("primary_location_id", LOCATION);
            return Answer.ok(answer);
        }
        if (path.equals("/webhooks.json")) {
            return method.equals("POST") ? createWebhook(request.json()) : listWebhooks(request);
        }
        if (method.equals("DELETE") && (m = WEBHOOK.matcher(path)).matches()) {
            webhooks.remove(Long.parseLong(m.group(1)));
            return Answer.ok(JSON.createObjectNode());
        }
        if (method.equals("GET") && path.equals("/orders.json")) {
            return listOrders(request);
        }
        if (method.equals("GET") && (m = ORDER.matcher(path)).matches()) {
            Order order = orders.get(m.group(1));
            return order == null ? notFound() : Answer.ok(wrap("order", order.json));
        }
        if (method.equals("GET") && (m = FULFILLMENT_ORDERS.matcher(path)).matches()) {
            Order order = orders.get(m.group(1));
            return order == null ? notFound() : Answer.ok(fulfillmentOrders(order));
        }
        if (method.equals("POST") && path.equals("/fulfillments.json")) {
            return fulfil(request.json().path("fulfillment"));
        }
        if (method.equals("PUT") && (m = VARIANT.matcher(path)).matches()) {
            Product product = byId.get(Long.parseLong(m.group(1)));
            if (product == null) {
                return notFound();
            }
            product.price =
                    new BigDecimal(request.json().path("variant").path("price").asText(product.price.toPlainString()));
            return Answer.ok(wrap("variant", variant(product)));
        }
        if (method.equals("POST") && path.equals("/graphql.json")) {
            return graphql(request.json());
        }
        return null;
    }

    private static Answer notFound() {
        return Answer.status(404, JSON.createObjectNode().put("errors", "Not Found"));
    }

    private Answer createWebhook(JsonNode body) {
        JsonNode webhook = body.path("webhook");
        String address = webhook.path("address").asText();
        String topic = webhook.path("topic").asText();
        boolean taken = webhooks.values().stream()
                .anyMatch(w -> w.path("address").asText().equals(address)
                        && w.path("topic").asText().equals(topic));
        if (taken) {
            ObjectNode errors = JSON.createObjectNode();
            errors.putObject("errors").putArray("address").add("for this topic has already been taken");
            return Answer.status(422, errors);
        }
        ObjectNode created = JSON.createObjectNode()
                .put("id", ++webhookIds)
                .put("address", address)
                .put("topic", topic)
                .put("format", "json")
                .put("api_version", "2025-01");
        webhooks.put(webhookIds, created);
        deliverTo(URI.create(address));
        return Answer.status(201, wrap("webhook", created));
    }

    private Answer listWebhooks(Request request) {
        String address = request.param("address", "");
        ArrayNode list = JSON.createArrayNode();
        webhooks.values().stream()
                .filter(w -> address.isEmpty() || w.path("address").asText().equals(address))
                .forEach(list::add);
        ObjectNode answer = JSON.createObjectNode();
        answer.set("webhooks", list);
        return Answer.ok(answer);
    }

    /** Cursor pages: the cursor carries the filters, so a next page takes only {@code page_info} and {@code limit}. */
    private Answer listOrders(Request request) {
        int limit = Math.min(250, Integer.parseInt(request.param("limit", "50")));
        String min;
        String max;
        int offset;
        if (request.query().containsKey("page_info")) {
            String[] cursor = new String(
                            Base64.getUrlDecoder().decode(request.param("page_info", "")), StandardCharsets.UTF_8)
                    .split("\\|", -1);
            min = cursor[0];
            max = cursor[1];
            offset = Integer.parseInt(cursor[2]);
        } else {
            min = request.param("updated_at_min", "1970-01-01T00:00:00Z");
            max = request.param("updated_at_max", "");
            offset = 0;
        }
        List<Order> matching = modifiedBetween(
                OffsetDateTime.parse(min).toInstant(),
                max.isEmpty()
                        ? Optional.empty()
                        : Optional.of(OffsetDateTime.parse(max).toInstant()));
        List<Order> page =
                matching.subList(Math.min(offset, matching.size()), Math.min(matching.size(), offset + limit));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("orders");
        page.forEach(o -> list.add(o.json));
        Answer ok = Answer.ok(answer);
        if (offset + limit < matching.size()) {
            String next = Base64.getUrlEncoder()
                    .encodeToString((min + "|" + max + "|" + (offset + limit)).getBytes(StandardCharsets.UTF_8));
            ok = ok.with(Map.of(
                    "Link",
                    "<" + baseUrl() + "/admin/api/2025-01/orders.json?limit=" + limit + "&page_info=" + next
                            + ">; rel=\"next\""));
        }
        return ok;
    }

    private ObjectNode fulfillmentOrders(Order order) {
        ObjectNode answer = JSON.createObjectNode();
        boolean fulfilled =
                "fulfilled".equals(order.json.path("fulfillment_status").asText());
        answer.putArray("fulfillment_orders")
                .addObject()
                .put("id", fulfillmentOrderId(order))
                .put("order_id", Long.parseLong(order.id))
                .put("assigned_location_id", LOCATION)
                .put("status", fulfilled ? "closed" : "open");
        return answer;
    }

    private static long fulfillmentOrderId(Order order) {
        return Long.parseLong(order.id) + 7_000_000_000_000L;
    }

    private Answer fulfil(JsonNode fulfillment) {
        for (JsonNode byOrder : fulfillment.path("line_items_by_fulfillment_order")) {
            long fulfillmentOrder = byOrder.path("fulfillment_order_id").asLong();
            Optional<Order> order = orders.values().stream()
                    .filter(o -> fulfillmentOrderId(o) == fulfillmentOrder)
                    .findFirst();
            if (order.isEmpty()) {
                return Answer.status(422, JSON.createObjectNode().put("errors", "Fulfillment order does not exist."));
            }
            order.get().json.put("fulfillment_status", "fulfilled");
            JsonNode tracking = fulfillment.path("tracking_info");
            if (tracking.has("number")) {
                order.get()
                        .json
                        .put("note", "Tracking " + tracking.path("number").asText());
            }
            order.get().updatedAt = clock.instant();
            touched(order.get());
        }
        ObjectNode created = JSON.createObjectNode();
        created.putObject("fulfillment").put("id", clock.millis()).put("status", "success");
        return Answer.status(201, created);
    }

    private Answer graphql(JsonNode request) {
        String query = request.path("query").asText();
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode data = answer.putObject("data");
        if (query.contains("inventorySetQuantities")) {
            ObjectNode result = data.putObject("inventorySetQuantities");
            ArrayNode errors = result.putArray("userErrors");
            ArrayNode changes = result.putObject("inventoryAdjustmentGroup")
                    .put("reason", "correction")
                    .putArray("changes");
            for (JsonNode quantity : request.path("variables").path("input").path("quantities")) {
                Product product = itemProduct(quantity.path("inventoryItemId").asText());
                if (product == null) {
                    errors.addObject().put("message", "The specified inventory item could not be found.");
                    continue;
                }
                long level = quantity.path("quantity").asLong();
                changes.addObject().put("name", "available").put("delta", level - product.stock);
                stockWritten(product, level);
            }
            return Answer.ok(answer);
        }
        if (query.contains("productVariants")) {
            ArrayNode edges = data.putObject("productVariants").putArray("edges");
            Matcher skus = SKU.matcher(request.path("variables").path("query").asText());
            while (skus.find()) {
                Product product = bySku.get(skus.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
                if (product != null) {
                    ObjectNode node = edges.addObject().putObject("node");
                    node.put("id", "gid://shopify/ProductVariant/" + product.id).put("sku", product.sku);
                    node.putObject("inventoryItem")
                            .put("id", "gid://shopify/InventoryItem/" + (product.id + ITEM_OFFSET));
                }
            }
            return Answer.ok(answer);
        }
        ObjectNode error = JSON.createObjectNode();
        error.putArray("errors").addObject().put("message", "This simulator answers only two queries");
        return Answer.ok(error);
    }

    private Product itemProduct(String gid) {
        String number = gid.substring(gid.lastIndexOf('/') + 1);
        return number.matches("\\d+") ? byId.get(Long.parseLong(number) - ITEM_OFFSET) : null;
    }

    private static ObjectNode variant(Product product) {
        return JSON.createObjectNode()
                .put("id", product.id)
                .put("product_id", product.id - 1_000_000)
                .put("sku", product.sku)
                .put("price", product.price.toPlainString())
                .put("inventory_item_id", product.id + ITEM_OFFSET);
    }

    private static ObjectNode wrap(String name, JsonNode value) {
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set(name, value);
        return wrapped;
    }

    @Override
    protected String orderId(long number) {
        return Long.toString(5_000_000_000_000L + number);
    }

    @Override
    protected Order newOrder(String id, long sequence, Plan plan, Instant at) {
        String number = "#" + (1000 + sequence);
        ObjectNode order = JSON.createObjectNode()
                .put("id", Long.parseLong(id))
                .put("admin_graphql_api_id", "gid://shopify/Order/" + id)
                .put("name", number)
                .put("order_number", 1000 + sequence)
                .put("email", plan.customer().email())
                .put("created_at", time(at))
                .put("updated_at", time(at))
                .put("processed_at", time(at))
                .put("currency", "EUR")
                .put("presentment_currency", "EUR")
                .put("taxes_included", true)
                .put("test", false)
                .put("source_name", "web")
                .put("financial_status", plan.payment().paid() ? "paid" : "pending")
                .putNull("fulfillment_status")
                .putNull("cancelled_at")
                .put("total_price", plan.total().toPlainString())
                .put("subtotal_price", plan.itemsTotal().toPlainString())
                .put("total_tax", Plan.taxIn(plan.total()).toPlainString())
                .put("total_discounts", "0.00")
                .put(
                        "total_outstanding",
                        plan.payment().paid() ? "0.00" : plan.total().toPlainString());
        order.putArray("payment_gateway_names")
                .add(
                        switch (plan.payment()) {
                            case ONLINE -> "shopify_payments";
                            case BANK_DEPOSIT -> "Bank Deposit";
                            case CASH_ON_PICKUP -> "manual";
                        });
        order.putObject("customer")
                .put("id", 7_000_000_000L + Math.abs(plan.customer().email().hashCode()))
                .put("first_name", plan.customer().firstName())
                .put("last_name", plan.customer().lastName())
                .put("email", plan.customer().email());
        ArrayNode lines = order.putArray("line_items");
        long lineId = Long.parseLong(id) * 10;
        for (Plan.Line line : plan.lines()) {
            Product product = bySku.get(line.sku());
            ObjectNode item = lines.addObject()
                    .put("id", ++lineId)
                    .put("sku", line.sku())
                    .put("title", line.name())
                    .put("name", line.name())
                    .put("quantity", line.quantity())
                    .put("price", line.unitPrice().toPlainString())
                    .put("total_discount", "0.00")
                    .put("requires_shipping", true)
                    .put("fulfillable_quantity", line.quantity());
            if (product != null) {
                item.put("variant_id", product.id).put("product_id", product.id - 1_000_000);
            } else {
                item.putNull("variant_id").putNull("product_id");
            }
            item.putArray("discount_allocations");
            item.putArray("tax_lines")
                    .addObject()
                    .put("title", "BTW")
                    .put("rate", 0.21)
                    .put("price", Plan.taxIn(line.total()).toPlainString());
        }
        ObjectNode shipping = order.putArray("shipping_lines")
                .addObject()
                .put("id", lineId + 1)
                .put("title", plan.shippingMethod())
                .put("code", plan.shippingMethod())
                .put("source", "shopify")
                .put("price", plan.shipping().toPlainString())
                .put("discounted_price", plan.shipping().toPlainString());
        shipping.putArray("tax_lines")
                .addObject()
                .put("title", "BTW")
                .put("rate", 0.21)
                .put("price", Plan.taxIn(plan.shipping()).toPlainString());
        if (!plan.pickup()) {
            order.putObject("shipping_address")
                    .put(
                            "name",
                            plan.customer().firstName() + " " + plan.customer().lastName())
                    .put("address1", plan.customer().street())
                    .put("zip", plan.customer().zip())
                    .put("city", plan.customer().city())
                    .put("country", "Belgium");
        }
        return new Order(id, number, plan, order, at);
    }

    @Override
    protected void touched(Order order) {
        order.json.put("updated_at", time(order.updatedAt));
    }

    @Override
    protected List<Delivery> orderDeliveries(Order order, boolean created) {
        String topic = created ? "orders/create" : "orders/updated";
        byte[] body = utf8(order.json);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Shopify-Topic", topic);
        headers.put("X-Shopify-Hmac-Sha256", Signing.hmacSha256Base64(clientSecret, body));
        headers.put("X-Shopify-Shop-Domain", DOMAIN);
        headers.put("X-Shopify-API-Version", "2025-01");
        headers.put("X-Shopify-Webhook-Id", UUID.randomUUID().toString());
        headers.put("X-Shopify-Event-Id", UUID.randomUUID().toString());
        headers.put("X-Shopify-Triggered-At", time(order.updatedAt));
        return new ArrayList<>(List.of(new Delivery(topic + " " + order.number, "", headers, body)));
    }

    @Override
    protected String statusWords(Order order) {
        String fulfillment = order.json.path("fulfillment_status").isNull()
                ? "unfulfilled"
                : order.json.path("fulfillment_status").asText();
        return order.json.path("financial_status").asText() + " / " + fulfillment;
    }

    private static String time(Instant at) {
        return TIME.format(at.atOffset(ZoneOffset.ofHours(1)));
    }
}
