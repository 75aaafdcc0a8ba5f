package org.storeline.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lightspeed eCom (C-Series) shop, its API under a language prefix ({@code /nl/...}): orders ({@code page}/
 * {@code limit}) with their products, shipments and status, variants (counted, listed by page, found by SKU) written
 * one at a time or in bulk ({@code PUT /nl/variants/bulk.json}, all or none), webhooks;
 * 300 requests per 5 minutes, then 429 with {@code X-RateLimit-Remaining}/{@code X-RateLimit-Reset} for its three
 * windows. Its webhooks carry the whole order ({@code {"order": {...}}}, products embedded), signed
 * {@code X-Signature} = md5(body + API secret).
 */
public final class LightspeedSimulator extends StoreSimulator {
    private static final Pattern API = Pattern.compile("/nl(/.*)");
    private static final Pattern ORDER = Pattern.compile("/orders/(\\d+)(/products)?\\.json");
    private static final Pattern VARIANT = Pattern.compile("/variants/(\\d+)\\.json");
    private static final Pattern SHIPMENT = Pattern.compile("/shipments/(\\d+)\\.json");
    private static final Pattern WEBHOOK = Pattern.compile("/webhooks/(\\d+)\\.json");
    private static final DateTimeFormatter FILTER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String apiKey = Signing.secret("");
    private final String apiSecret = Signing.secret("");
    private final Map<Long, ObjectNode> webhooks = new LinkedHashMap<>();
    private long webhookIds = 300;

    public LightspeedSimulator(Settings settings) {
        super(settings, new RateWindow(300, Duration.ofMinutes(5)));
    }

    @Override
    public String platform() {
        return "lightspeed_ecom";
    }

    @Override
    public String displayName() {
        return "Lightspeed eCom";
    }

    @Override
    public Link link() {
        return new Link(
                baseUrl(),
                Map.of("api_key", apiKey, "api_secret", apiSecret, "language", "nl", "shop_id", "318822"),
                apiSecret);
    }

    @Override
    protected long productIdBase() {
        return 3_661_000;
    }

    @Override
    protected boolean authorized(Request request) {
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization").filter(basic::equals).isPresent();
    }

    @Override
    protected Answer rateLimited(Duration retryAfter) {
        long reset = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Answer.status(429, JSON.createObjectNode().put("error", "Too Many Requests"))
                .with(Map.of(
                        "X-RateLimit-Limit", "300/3000/12000",
                        "X-RateLimit-Remaining", "0/2700/11700",
                        "X-RateLimit-Reset", reset + "/3300/86000"));
    }

    @Override
    protected Answer route(Request request) {
        Matcher api = API.matcher(request.path());
        if (!api.matches()) {
            return null;
        }
        String path = api.group(1);
        String method = request.method();
        Matcher m;
        if (method.equals("GET") && path.equals("/shop.json")) {
            ObjectNode shop = JSON.createObjectNode();
            shop.putObject("shop").put("id", 318_822).put("mainDomain", "storeline-demo.webshopapp.com");
            return Answer.ok(shop);
        }
        if (path.equals("/webhooks.json")) {
            if (method.equals("POST")) {
                ObjectNode webhook =
                        ((ObjectNode) request.json().path("webhook").deepCopy()).put("id", ++webhookIds);
                webhooks.put(webhookIds, webhook);
                deliverTo(URI.create(webhook.path("address").asText()));
                return Answer.ok(wrap("webhook", webhook));
            }
            ArrayNode list = JSON.createArrayNode();
            webhooks.values().forEach(list::add);
            return Answer.ok(wrap("webhooks", list));
        }
        if (method.equals("DELETE") && (m = WEBHOOK.matcher(path)).matches()) {
            webhooks.remove(Long.parseLong(m.group(1)));
            return Answer.noContent();
        }
        if (method.equals("GET") && path.equals("/orders.json")) {
            return listOrders(request);
        }
        if ((m = ORDER.matcher(path)).matches()) {
            Order order = orders.get(m.group(1));
            if (order == null) {
                return notFound();
            }
            if (m.group(2) != null) {
                return Answer.ok(wrap(
                        "orderProducts",
                        order.json.path("products").path("resource").path("embedded")));
            }
            if (method.equals("PUT")) {
                JsonNode changes = request.json().path("order");
                changes.fields().forEachRemaining(e -> order.json.set(e.getKey(), e.getValue()));
                order.updatedAt = clock.instant();
                touched(order);
            }
            return Answer.ok(wrap("order", order.json));
        }
        if (method.equals("GET") && path.equals("/variants/count.json")) {
            return Answer.ok(JSON.createObjectNode().put("count", bySku.size()));
        }
        if (method.equals("GET") && path.equals("/variants.json")) {
            ArrayNode found = JSON.createArrayNode();
            if (request.query().containsKey("sku") || request.query().containsKey("articleCode")) {
                String sku = request.param("sku", request.param("articleCode", ""));
                Optional.ofNullable(bySku.get(sku)).ifPresent(p -> found.add(variant(p)));
            } else {
                int limit = Math.min(250, Integer.parseInt(request.param("limit", "50")));
                int page = Math.max(1, Integer.parseInt(request.param("page", "1")));
                bySku.values().stream()
                        .skip((long) (page - 1) * limit)
                        .limit(limit)
                        .forEach(p -> found.add(variant(p)));
            }
            return Answer.ok(wrap("variants", found));
        }
        if (method.equals("PUT") && path.equals("/variants/bulk.json")) {
            return bulk(request.json().path("variant"));
        }
        if (method.equals("PUT") && (m = VARIANT.matcher(path)).matches()) {
            Product product = byId.get(Long.parseLong(m.group(1)));
            if (product == null) {
                return notFound();
            }
            write(product, request.json().path("variant"));
            return Answer.ok(wrap("variant", variant(product)));
        }
        if (method.equals("GET") && path.equals("/shipments.json")) {
            Order order = orders.get(request.param("order", ""));
            ArrayNode list = JSON.createArrayNode();
            if (order != null) {
                list.add(order.json.path("shipment"));
            }
            return Answer.ok(wrap("shipments", list));
        }
        if (method.equals("PUT") && (m = SHIPMENT.matcher(path)).matches()) {
            long id = Long.parseLong(m.group(1));
            Optional<Order> order = orders.values().stream()
                    .filter(o -> o.json.path("shipment").path("id").asLong() == id)
                    .findFirst();
            if (order.isEmpty()) {
                return notFound();
            }
            ObjectNode shipment = (ObjectNode) order.get().json.path("shipment");
            request.json().path("shipment").fields().forEachRemaining(e -> shipment.set(e.getKey(), e.getValue()));
            order.get().json.put("shipmentStatus", shipment.path("status").asText());
            return Answer.ok(wrap("shipment", shipment));
        }
        return null;
    }

    /** Every variant of the list is known, or none is written (the answer names the first unknown one). */
    private Answer bulk(JsonNode variants) {
        List<Product> products = new ArrayList<>();
        for (JsonNode variant : variants) {
            Product product = byId.get(variant.path("id").asLong());
            if (product == null) {
                return notFound();
            }
            products.add(product);
        }
        ArrayNode written = JSON.createArrayNode();
        for (int i = 0; i < products.size(); i++) {
            write(products.get(i), variants.get(i));
            written.add(variant(products.get(i)));
        }
        return Answer.ok(wrap("variants", written));
    }

    private void write(Product product, JsonNode variant) {
        if (variant.has("stockLevel")) {
            stockWritten(product, variant.path("stockLevel").asLong());
        }
        if (variant.has("priceIncl")) {
            product.price = variant.path("priceIncl").decimalValue();
        }
    }

    private Answer listOrders(Request request) {
        int limit = Math.min(250, Integer.parseInt(request.param("limit", "50")));
        int page = Integer.parseInt(request.param("page", "1"));
        Instant min = LocalDateTime.parse(request.param("updated_at_min", "1970-01-01 00:00:00"), FILTER)
                .toInstant(ZoneOffset.UTC);
        Optional<Instant> max = request.query().containsKey("updated_at_max")
                ? Optional.of(LocalDateTime.parse(request.param("updated_at_max", ""), FILTER)
                        .toInstant(ZoneOffset.UTC)
                        .plusSeconds(1))
                : Optional.empty();
        ArrayNode list = JSON.createArrayNode();
        page(modifiedBetween(min, max), page, limit).forEach(o -> list.add(o.json));
        return Answer.ok(wrap("orders", list));
    }

    private static Answer notFound() {
        return Answer.status(404, JSON.createObjectNode().put("error", "Not found"));
    }

    private static ObjectNode variant(Product product) {
        ObjectNode variant = JSON.createObjectNode()
                .put("id", product.id)
                .put("sku", product.sku)
                .put("articleCode", product.sku)
                .put("title", product.name)
                .put("priceIncl", product.price)
                .put("stockTracking", "enabled")
                .put("stockLevel", product.stock);
        variant.putObject("product").putObject("resource").put("id", product.id - 1_000_000);
        return variant;
    }

    private static ObjectNode wrap(String name, JsonNode value) {
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set(name, value);
        return wrapped;
    }

    @Override
    protected Order newOrder(String id, long sequence, Plan plan, Instant at) {
        String number = "ORD" + String.format("%05d", sequence);
        BigDecimal tax = Plan.taxIn(plan.total());
        Plan.Customer customer = plan.customer();
        ObjectNode order = JSON.createObjectNode()
                .put("id", Long.parseLong(id))
                .put("number", number)
                .put("createdAt", iso(at))
                .put("updatedAt", iso(at))
                .put("status", plan.payment().paid() ? "processing_awaiting_shipment" : "on_hold")
                .put("paymentStatus", plan.payment().paid() ? "paid" : "not_paid")
                .put("shipmentStatus", "not_shipped")
                .put("priceIncl", plan.total())
                .put("priceExcl", plan.total().subtract(tax))
                .put("email", customer.email())
                .put("firstname", customer.firstName())
                .put("lastname", customer.lastName())
                .put("phone", "")
                .put("comment", "")
                .put("shipmentTitle", plan.shippingMethod())
                .put("shipmentIsPickup", plan.pickup())
                .put("shipmentIsCashOnDelivery", false)
                .put("shipmentPriceIncl", plan.shipping())
                .put("shipmentPriceExcl", plan.shipping().subtract(Plan.taxIn(plan.shipping())));
        switch (plan.payment()) {
            case ONLINE -> order.put("paymentId", "mollie").put("paymentTitle", "Mollie - Bancontact");
            case BANK_DEPOSIT -> order.put("paymentId", "banktransfer").put("paymentTitle", "Bank transfer");
            case CASH_ON_PICKUP -> order.put("paymentId", "pickup").put("paymentTitle", "Pay at pickup");
        }
        order.put("addressBillingName", customer.firstName() + " " + customer.lastName());
        if (!plan.pickup()) {
            order.put("addressShippingName", customer.firstName() + " " + customer.lastName())
                    .put("addressShippingStreet", customer.street())
                    .put("addressShippingZipcode", customer.zip())
                    .put("addressShippingCity", customer.city());
            order.putObject("addressShippingCountry").put("code", "be").put("title", "Belgium");
        }
        ObjectNode products = order.putObject("products");
        ObjectNode resource = products.putObject("resource")
                .put("id", false)
                .put("url", "orders/" + id + "/products")
                .put("link", baseUrl() + "/nl/orders/" + id + "/products.json");
        ArrayNode embedded = resource.putArray("embedded");
        long lineId = Long.parseLong(id) * 10;
        for (Plan.Line line : plan.lines()) {
            Product product = bySku.get(line.sku());
            BigDecimal lineTax = Plan.taxIn(line.total());
            ObjectNode item = embedded.addObject()
                    .put("id", ++lineId)
                    .put("productTitle", line.name())
                    .put("variantTitle", line.name())
                    .put("sku", line.sku())
                    .put("articleCode", line.sku())
                    .put("quantityOrdered", line.quantity())
                    .put("basePriceIncl", line.unitPrice())
                    .put("discountIncl", 0)
                    .put("priceIncl", line.total())
                    .put("priceExcl", line.total().subtract(lineTax));
            if (product != null) {
                item.putObject("product").putObject("resource").put("id", product.id - 1_000_000);
                item.putObject("variant").putObject("resource").put("id", product.id);
            }
        }
        order.putObject("shipment")
                .put("id", Long.parseLong(id) * 10 + 9)
                .put("status", "not_shipped")
                .put("trackingCode", "");
        return new Order(id, number, plan, order, at);
    }

    @Override
    protected void touched(Order order) {
        order.json.put("updatedAt", iso(order.updatedAt));
    }

    @Override
    protected List<Delivery> orderDeliveries(Order order, boolean created) {
        String event = created ? "orders/created" : "orders/updated";
        ObjectNode wrapped = wrap("order", order.json);
        byte[] body = utf8(wrapped);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Event", event);
        headers.put("X-Signature", Signing.md5Hex(body, apiSecret));
        return List.of(new Delivery(event + " " + order.number, "", headers, body));
    }

    @Override
    protected String statusWords(Order order) {
        return order.json.path("status").asText() + " / "
                + order.json.path("paymentStatus").asText() + " / "
                + order.json.path("shipmentStatus").asText();
    }

    private static String iso(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.ofHours(1)));
    }
}
