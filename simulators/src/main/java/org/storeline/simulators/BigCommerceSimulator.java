package org.storeline.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BigCommerce store: v2 orders (RFC 2822 dates, {@code status_id}, products and shipping addresses as sub-resources,
 * 204 for an empty list), v2 shipments, v3 hooks with their custom headers, v3 catalog look-ups by SKU, v3 absolute
 * inventory adjustments and price batches; 150 requests per 30 s, then 429 with the {@code X-Rate-Limit-*} headers.
 * Its webhooks are thin ({@code data.id} only) and carry the headers the hook was created with: Storeline fetches the
 * order.
 */
public final class BigCommerceSimulator extends StoreSimulator {
    static final String STORE_HASH = "sl4demo";
    private static final int AWAITING_PAYMENT = 7;
    private static final int AWAITING_PICKUP = 8;
    private static final int AWAITING_FULFILLMENT = 11;
    private static final Map<Integer, String> STATUS = Map.ofEntries(
            Map.entry(0, "Incomplete"),
            Map.entry(1, "Pending"),
            Map.entry(2, "Shipped"),
            Map.entry(3, "Partially Shipped"),
            Map.entry(4, "Refunded"),
            Map.entry(5, "Cancelled"),
            Map.entry(6, "Declined"),
            Map.entry(7, "Awaiting Payment"),
            Map.entry(8, "Awaiting Pickup"),
            Map.entry(9, "Awaiting Shipment"),
            Map.entry(10, "Completed"),
            Map.entry(11, "Awaiting Fulfillment"),
            Map.entry(12, "Manual Verification Required"),
            Map.entry(13, "Disputed"),
            Map.entry(14, "Partially Refunded"));
    private static final Pattern STORE = Pattern.compile("/stores/" + STORE_HASH + "(/v[23]/.*)");
    private static final Pattern ORDER =
            Pattern.compile("/v2/orders/(\\d+)(/products|/shipping_addresses|/shipments)?");
    private static final Pattern HOOK = Pattern.compile("/v3/hooks/(\\d+)");
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private final String token = Signing.secret("bc");
    private final Map<Long, ObjectNode> hooks = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> shipments = new LinkedHashMap<>();
    private final Map<String, String> hookHeaders = new LinkedHashMap<>();
    private final String webhookSecret = Signing.secret("bc-hook-");
    private long hookIds = 24_000;

    public BigCommerceSimulator(Settings settings) {
        super(settings, new RateWindow(150, Duration.ofSeconds(30)));
        // Until Storeline registers its hooks (when the channel is linked), the store's first hook sends the secret
        // header the channel expects, as a hook an app set up would.
        hookHeaders.put("X-Storeline-Webhook-Secret", webhookSecret);
    }

    @Override
    public String platform() {
        return "bigcommerce";
    }

    @Override
    public String displayName() {
        return "BigCommerce";
    }

    @Override
    public Link link() {
        return new Link(baseUrl(), Map.of("store_hash", STORE_HASH, "access_token", token), webhookSecret);
    }

    @Override
    protected long productIdBase() {
        return 110;
    }

    @Override
    protected boolean authorized(Request request) {
        return request.header("X-Auth-Token").filter(token::equals).isPresent();
    }

    @Override
    protected Answer rateLimited(Duration retryAfter) {
        return Answer.status(429, JSON.createObjectNode().put("status", 429).put("title", "Too many requests"))
                .with(Map.of(
                        "X-Rate-Limit-Time-Window-Ms", "30000",
                        "X-Rate-Limit-Time-Reset-Ms", Long.toString(Math.max(1, retryAfter.toMillis())),
                        "X-Rate-Limit-Requests-Quota", "150",
                        "X-Rate-Limit-Requests-Left", "0"));
    }

    @Override
    protected Answer route(Request request) {
        Matcher store = STORE.matcher(request.path());
        if (!store.matches()) {
            return null;
        }
        String path = store.group(1);
        String method = request.method();
        Matcher m;
        if (method.equals("GET") && path.equals("/v2/store")) {
            return Answer.ok(JSON.createObjectNode()
                    .put("id", STORE_HASH)
                    .put("name", "Storeline demo store")
                    .put("domain", "storeline-demo.mybigcommerce.com")
                    .put("currency", "EUR"));
        }
        if (path.equals("/v3/hooks")) {
            return method.equals("POST") ? Answer.ok(data(saveHook(++hookIds, request.json()))) : listHooks(request);
        }
        if (method.equals("PUT") && (m = HOOK.matcher(path)).matches()) {
            return Answer.ok(data(saveHook(Long.parseLong(m.group(1)), request.json())));
        }
        if (method.equals("GET") && path.equals("/v2/orders")) {
            return listOrders(request);
        }
        if ((m = ORDER.matcher(path)).matches()) {
            Order order = orders.get(m.group(1));
            if (order == null) {
                return Answer.status(
                        404,
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode()
                                        .put("status", 404)
                                        .put("message", "The requested resource was not found.")));
            }
            return orderResource(request, order, m.group(2) == null ? "" : m.group(2));
        }
        if (method.equals("GET") && path.equals("/v3/catalog/products")) {
            ArrayNode found = JSON.createArrayNode();
            for (String sku : request.param("sku:in", "").split(",")) {
                Product product = bySku.get(sku);
                if (product != null) {
                    found.addObject()
                            .put("id", product.id)
                            .put("sku", product.sku)
                            .put("base_variant_id", product.id + 1_000)
                            .put("inventory_tracking", "product")
                            .put("inventory_level", product.stock)
                            .put("price", product.price);
                }
            }
            return Answer.ok(list(found));
        }
        if (method.equals("GET") && path.equals("/v3/catalog/variants")) {
            return Answer.ok(list(JSON.createArrayNode()));
        }
        if (method.equals("PUT") && path.equals("/v3/inventory/adjustments/absolute")) {
            for (JsonNode item : request.json().path("items")) {
                Product product = byId.get(item.path("product_id").asLong());
                if (product != null) {
                    stockWritten(product, item.path("quantity").asLong());
                }
            }
            return Answer.ok(JSON.createObjectNode().put("transaction_id", "sim-" + clock.millis()));
        }
        if (method.equals("PUT") && path.equals("/v3/catalog/products")) {
            ArrayNode updated = JSON.createArrayNode();
            for (JsonNode entry : request.json()) {
                Product product = byId.get(entry.path("id").asLong());
                if (product != null) {
                    product.price = entry.path("price").decimalValue();
                    updated.addObject().put("id", product.id).put("price", product.price);
                }
            }
            return Answer.ok(list(updated));
        }
        return null;
    }

    private ObjectNode saveHook(long id, JsonNode body) {
        ObjectNode hook = hooks.computeIfAbsent(id, k -> JSON.createObjectNode().put("id", k));
        hook.put("scope", body.path("scope").asText(hook.path("scope").asText()))
                .put(
                        "destination",
                        body.path("destination").asText(hook.path("destination").asText()))
                .put("is_active", body.path("is_active").asBoolean(true));
        body.path("headers")
                .fields()
                .forEachRemaining(e -> hookHeaders.put(e.getKey(), e.getValue().asText()));
        if (hook.hasNonNull("destination")) {
            deliverTo(URI.create(hook.path("destination").asText()));
        }
        return hook;
    }

    private Answer listHooks(Request request) {
        String destination = request.param("destination", "");
        ArrayNode found = JSON.createArrayNode();
        hooks.values().stream()
                .filter(h ->
                        destination.isEmpty() || h.path("destination").asText().equals(destination))
                .forEach(found::add);
        return Answer.ok(list(found));
    }

    private Answer listOrders(Request request) {
        int limit = Math.min(250, Integer.parseInt(request.param("limit", "50")));
        int page = Integer.parseInt(request.param("page", "1"));
        Instant min = request.query().containsKey("min_date_modified")
                ? date(request.param("min_date_modified", ""))
                : Instant.EPOCH;
        Optional<Instant> max = request.query().containsKey("max_date_modified")
                ? Optional.of(date(request.param("max_date_modified", "")))
                : Optional.empty();
        List<Order> found = page(modifiedBetween(min.minusNanos(1), max), page, limit);
        if (found.isEmpty()) {
            return Answer.noContent();
        }
        ArrayNode list = JSON.createArrayNode();
        found.forEach(o -> list.add(o.json));
        return Answer.ok(list);
    }

    private Answer orderResource(Request request, Order order, String sub) {
        String method = request.method();
        switch (sub) {
            case "" -> {
                if (method.equals("PUT")) {
                    setStatus(order, request.json().path("status_id").asInt());
                }
                return Answer.ok(order.json);
            }
            case "/products" -> {
                return subresource(request, products(order));
            }
            case "/shipping_addresses" -> {
                return subresource(request, addresses(order));
            }
            default -> {
                List<ObjectNode> made = shipments.computeIfAbsent(order.id, k -> new ArrayList<>());
                if (method.equals("POST")) {
                    JsonNode body = request.json();
                    ObjectNode shipment = JSON.createObjectNode()
                            .put("id", made.size() + 1)
                            .put("order_id", Long.parseLong(order.id))
                            .put("tracking_number", body.path("tracking_number").asText(""))
                            .put(
                                    "order_address_id",
                                    body.path("order_address_id").asLong());
                    shipment.set("items", body.path("items"));
                    made.add(shipment);
                    order.json.put(
                            "items_shipped", order.json.path("items_total").asLong());
                    setStatus(order, 2);
                    return Answer.status(201, shipment);
                }
                ArrayNode list = JSON.createArrayNode();
                made.forEach(list::add);
                return list.isEmpty() ? Answer.noContent() : Answer.ok(list);
            }
        }
    }

    private void setStatus(Order order, int statusId) {
        order.json.put("status_id", statusId).put("status", STATUS.getOrDefault(statusId, "Pending"));
        order.json.put("custom_status", STATUS.getOrDefault(statusId, "Pending"));
        order.updatedAt = clock.instant();
        touched(order);
    }

    private static Answer subresource(Request request, ArrayNode all) {
        int limit = Integer.parseInt(request.param("limit", "50"));
        int page = Integer.parseInt(request.param("page", "1"));
        List<JsonNode> items = new ArrayList<>();
        all.forEach(items::add);
        List<JsonNode> slice = page(items, page, limit);
        if (slice.isEmpty()) {
            return Answer.noContent();
        }
        ArrayNode list = JSON.createArrayNode();
        slice.forEach(list::add);
        return Answer.ok(list);
    }

    private ArrayNode products(Order order) {
        ArrayNode products = JSON.createArrayNode();
        long lineId = Long.parseLong(order.id) * 10;
        for (Plan.Line line : order.plan.lines()) {
            Product product = bySku.get(line.sku());
            BigDecimal tax = Plan.taxIn(line.total());
            products.addObject()
                    .put("id", ++lineId)
                    .put("order_id", Long.parseLong(order.id))
                    .put("product_id", product == null ? 0 : product.id)
                    .put("variant_id", product == null ? 0 : product.id + 1_000)
                    .put("order_address_id", addressId(order))
                    .put("name", line.name())
                    .put("sku", line.sku())
                    .put("quantity", line.quantity())
                    .put(
                            "quantity_shipped",
                            shipments.getOrDefault(order.id, List.of()).isEmpty() ? 0 : line.quantity())
                    .put("price_inc_tax", money(line.unitPrice()))
                    .put("price_ex_tax", money(line.unitPrice().subtract(Plan.taxIn(line.unitPrice()))))
                    .put("total_inc_tax", money(line.total()))
                    .put("total_ex_tax", money(line.total().subtract(tax)))
                    .put("total_tax", money(tax))
                    .put("discounted_total_inc_tax", money(line.total()))
                    .putArray("applied_discounts");
        }
        return products;
    }

    private ArrayNode addresses(Order order) {
        Plan plan = order.plan;
        Plan.Customer customer = plan.customer();
        ArrayNode addresses = JSON.createArrayNode();
        ObjectNode address = addresses
                .addObject()
                .put("id", addressId(order))
                .put("order_id", Long.parseLong(order.id))
                .put("first_name", customer.firstName())
                .put("last_name", customer.lastName())
                .put("shipping_method", plan.shippingMethod())
                .put("cost_inc_tax", money(plan.shipping()))
                .put("country", "Belgium")
                .put("country_iso2", "BE");
        if (!plan.pickup()) {
            address.put("street_1", customer.street())
                    .put("zip", customer.zip())
                    .put("city", customer.city());
        } else {
            address.put("street_1", "Demo shop, " + plan.pickupPoint()).put("city", plan.pickupPoint());
        }
        return addresses;
    }

    private static long addressId(Order order) {
        return Long.parseLong(order.id) * 10 + 9;
    }

    @Override
    protected Order newOrder(String id, long sequence, Plan plan, Instant at) {
        int status = !plan.payment().paid() ? AWAITING_PAYMENT : plan.pickup() ? AWAITING_PICKUP : AWAITING_FULFILLMENT;
        BigDecimal tax = Plan.taxIn(plan.total());
        Plan.Customer customer = plan.customer();
        long items = plan.lines().stream().mapToLong(Plan.Line::quantity).sum();
        ObjectNode order = JSON.createObjectNode()
                .put("id", Long.parseLong(id))
                .put("customer_id", 0)
                .put("date_created", rfc2822(at))
                .put("date_modified", rfc2822(at))
                .put("date_shipped", "")
                .put("status_id", status)
                .put("status", STATUS.get(status))
                .put("custom_status", STATUS.get(status))
                .put("subtotal_inc_tax", money(plan.itemsTotal()))
                .put("base_shipping_cost", money(plan.shipping()))
                .put("shipping_cost_inc_tax", money(plan.shipping()))
                .put("shipping_cost_tax", money(Plan.taxIn(plan.shipping())))
                .put("total_ex_tax", money(plan.total().subtract(tax)))
                .put("total_inc_tax", money(plan.total()))
                .put("total_tax", money(tax))
                .put("items_total", items)
                .put("items_shipped", 0)
                .put(
                        "payment_method",
                        switch (plan.payment()) {
                            case ONLINE -> "Credit Card";
                            case BANK_DEPOSIT -> "Bank Deposit";
                            case CASH_ON_PICKUP -> "Pay in Store";
                        })
                .put("payment_status", plan.payment().paid() ? "captured" : "")
                .put("currency_code", "EUR")
                .put("default_currency_code", "EUR")
                .put("order_is_digital", false)
                .put("shipping_address_count", 1)
                .put("customer_message", "")
                .put("is_deleted", false);
        order.putObject("billing_address")
                .put("first_name", customer.firstName())
                .put("last_name", customer.lastName())
                .put("email", customer.email())
                .put("street_1", customer.street())
                .put("zip", customer.zip())
                .put("city", customer.city())
                .put("country_iso2", "BE");
        String base = baseUrl() + "/stores/" + STORE_HASH + "/v2/orders/" + id;
        order.putObject("products").put("url", base + "/products").put("resource", "/orders/" + id + "/products");
        order.putObject("shipping_addresses")
                .put("url", base + "/shipping_addresses")
                .put("resource", "/orders/" + id + "/shipping_addresses");
        return new Order(id, id, plan, order, at);
    }

    @Override
    protected void touched(Order order) {
        order.json.put("date_modified", rfc2822(order.updatedAt));
    }

    @Override
    protected List<Delivery> orderDeliveries(Order order, boolean created) {
        String scope = created ? "store/order/created" : "store/order/updated";
        ObjectNode body = JSON.createObjectNode().put("scope", scope).put("store_id", "1025646");
        body.putObject("data").put("type", "order").put("id", Long.parseLong(order.id));
        body.put("created_at", order.updatedAt.getEpochSecond()).put("producer", "stores/" + STORE_HASH);
        body.put("hash", Signing.sha1Hex(utf8(body)));
        Map<String, String> headers = new LinkedHashMap<>(hookHeaders);
        headers.put("Content-Type", "application/json");
        return List.of(new Delivery(scope + " " + order.id, "", headers, utf8(body)));
    }

    @Override
    protected String statusWords(Order order) {
        return order.json.path("status").asText() + " ("
                + order.json.path("status_id").asInt() + ")";
    }

    private static ObjectNode data(JsonNode value) {
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("data", value);
        wrapped.putObject("meta");
        return wrapped;
    }

    private static ObjectNode list(ArrayNode items) {
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("data", items);
        wrapped.putObject("meta")
                .putObject("pagination")
                .put("total", items.size())
                .put("count", items.size())
                .put("current_page", 1)
                .put("total_pages", 1);
        return wrapped;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static String rfc2822(Instant at) {
        return RFC_2822.format(at.atOffset(ZoneOffset.UTC));
    }

    private static Instant date(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        }
    }
}
