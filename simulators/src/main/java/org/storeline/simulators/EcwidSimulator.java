package org.storeline.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Ecwid store (REST API v3 under {@code /api/v3/{storeId}}): orders with {@code offset}/{@code limit} pages, order
 * updates in Ecwid's status words ({@code paymentStatus}, {@code fulfillmentStatus}, {@code trackingNumber}), products
 * found by SKU and written one at a time or through the batch API (ticket, then its result); 600 requests a minute,
 * then 429 with {@code Retry-After}. Its webhooks are thin (ids and the new statuses), signed over
 * {@code eventCreated.eventId}: Storeline fetches the order. The owner can mark an unpaid order paid, or cancel one,
 * in the store: that is announced as {@code order.updated}, as Ecwid does.
 */
public final class EcwidSimulator extends StoreSimulator {
    static final String STORE_ID = "91827364";
    private static final Pattern STORE = Pattern.compile("/api/v3/" + STORE_ID + "(/.*)");
    private static final Pattern ORDER = Pattern.compile("/orders/([A-Za-z0-9]+)");
    private static final Pattern PRODUCT = Pattern.compile("/products/(\\d+)");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xx", Locale.ROOT);

    private final String token = Signing.secret("secret_");
    private final String clientSecret = Signing.secret("ecwid-client-");
    private final Map<String, JsonNode> batches = new LinkedHashMap<>();

    public EcwidSimulator(Settings settings) {
        super(settings, new RateWindow(600, Duration.ofMinutes(1)));
    }

    @Override
    public String platform() {
        return "ecwid";
    }

    @Override
    public String displayName() {
        return "Ecwid";
    }

    @Override
    public Link link() {
        return new Link(
                baseUrl(), Map.of("store_id", STORE_ID, "access_token", token, "currency", "EUR"), clientSecret);
    }

    @Override
    protected long productIdBase() {
        return 507_000_000;
    }

    @Override
    protected boolean authorized(Request request) {
        return request.header("Authorization")
                .filter(("Bearer " + token)::equals)
                .isPresent();
    }

    @Override
    protected Answer rateLimited(Duration retryAfter) {
        return Answer.status(429, JSON.createObjectNode().put("errorMessage", "Too many requests"))
                .with(Map.of("Retry-After", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000))));
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
        if (method.equals("GET") && path.equals("/profile")) {
            ObjectNode profile = JSON.createObjectNode();
            profile.putObject("generalInfo").put("storeId", Long.parseLong(STORE_ID));
            profile.putObject("formatsAndUnits").put("currency", "EUR");
            return Answer.ok(profile);
        }
        if (method.equals("GET") && path.equals("/orders")) {
            return listOrders(request);
        }
        if ((m = ORDER.matcher(path)).matches()) {
            Order order = orders.get(m.group(1));
            if (order == null) {
                return Answer.status(404, JSON.createObjectNode().put("errorMessage", "Order not found"));
            }
            if (method.equals("PUT")) {
                JsonNode changes = request.json();
                for (String field : List.of("paymentStatus", "fulfillmentStatus", "trackingNumber")) {
                    if (changes.has(field)) {
                        order.json.put(field, changes.path(field).asText());
                    }
                }
                order.updatedAt = clock.instant();
                touched(order);
                return Answer.ok(JSON.createObjectNode().put("updateCount", 1));
            }
            return Answer.ok(order.json);
        }
        if (method.equals("GET") && path.equals("/products")) {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode items = answer.putArray("items");
            Optional.ofNullable(bySku.get(request.param("sku", ""))).ifPresent(p -> items.add(product(p)));
            return Answer.ok(answer.put("total", items.size())
                    .put("count", items.size())
                    .put("offset", 0)
                    .put("limit", 100));
        }
        if ((m = PRODUCT.matcher(path)).matches()) {
            Product product = byId.get(Long.parseLong(m.group(1)));
            if (product == null) {
                return Answer.status(404, JSON.createObjectNode().put("errorMessage", "Product not found"));
            }
            if (method.equals("PUT")) {
                return Answer.ok(write(product, request.json()));
            }
            return Answer.ok(product(product));
        }
        if (method.equals("POST") && path.equals("/batch")) {
            return Answer.ok(batch(request.json()));
        }
        if (method.equals("GET") && path.equals("/batch")) {
            JsonNode batch = batches.get(request.param("ticket", ""));
            return batch == null
                    ? Answer.status(404, JSON.createObjectNode().put("errorMessage", "Ticket not found"))
                    : Answer.ok(batch);
        }
        return null;
    }

    private Answer listOrders(Request request) {
        long offset = Long.parseLong(request.param("offset", "0"));
        int limit = Math.min(100, Integer.parseInt(request.param("limit", "100")));
        Instant from = Instant.ofEpochSecond(Long.parseLong(request.param("updatedFrom", "0")));
        Optional<Instant> to = request.query().containsKey("updatedTo")
                ? Optional.of(Instant.ofEpochSecond(Long.parseLong(request.param("updatedTo", "0")) + 1)
                        .minusNanos(1))
                : Optional.empty();
        List<Order> matching = modifiedBetween(from, to);
        List<Order> slice = matching.subList(
                (int) Math.min(offset, matching.size()), (int) Math.min(matching.size(), offset + limit));
        ObjectNode answer = JSON.createObjectNode()
                .put("total", matching.size())
                .put("count", slice.size())
                .put("offset", offset)
                .put("limit", limit);
        ArrayNode items = answer.putArray("items");
        slice.forEach(o -> items.add(o.json));
        return Answer.ok(answer);
    }

    private ObjectNode batch(JsonNode requests) {
        ObjectNode batch = JSON.createObjectNode()
                .put("status", "COMPLETED")
                .put("totalRequests", requests.size())
                .put("completedRequests", requests.size());
        ArrayNode responses = batch.putArray("responses");
        for (JsonNode request : requests) {
            ObjectNode response =
                    responses.addObject().put("id", request.path("id").asText());
            Matcher product = PRODUCT.matcher(request.path("path").asText());
            Product found = product.matches() ? byId.get(Long.parseLong(product.group(1))) : null;
            if (found == null || !"PUT".equals(request.path("method").asText())) {
                response.put("status", "FAILED").put("httpStatusCode", 404).put("httpStatusLine", "Not Found");
            } else {
                response.put("status", "COMPLETED").put("httpStatusCode", 200).put("httpStatusLine", "OK");
                response.set("httpBody", write(found, request.path("body")));
            }
        }
        String ticket = UUID.randomUUID().toString();
        batches.put(ticket, batch);
        return JSON.createObjectNode().put("ticket", ticket);
    }

    private ObjectNode write(Product product, JsonNode body) {
        if (body.has("quantity")) {
            stockWritten(product, body.path("quantity").asLong());
        }
        if (body.has("price")) {
            product.price = body.path("price").decimalValue();
        }
        return JSON.createObjectNode().put("updateCount", 1);
    }

    private static ObjectNode product(Product product) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", product.id)
                .put("sku", product.sku)
                .put("name", product.name)
                .put("price", product.price)
                .put("quantity", product.stock)
                .put("unlimited", false)
                .put("inStock", product.stock > 0);
        node.putArray("combinations");
        return node;
    }

    /** Ecwid's order ids are short, upper-case letters and digits ("K8XTQ"). */
    @Override
    protected String orderId(long number) {
        return Long.toString(number, 36).toUpperCase(Locale.ROOT);
    }

    @Override
    protected Order newOrder(String id, long sequence, Plan plan, Instant at) {
        String number = "SL-" + (1000 + sequence);
        BigDecimal tax = Plan.taxIn(plan.total());
        ObjectNode order = JSON.createObjectNode()
                .put("id", id)
                .put("orderNumber", 1000 + sequence)
                .put("vendorOrderNumber", number)
                .put("email", plan.customer().email())
                .put("paymentStatus", plan.payment().paid() ? "PAID" : "AWAITING_PAYMENT")
                .put("fulfillmentStatus", "AWAITING_PROCESSING")
                .put("pricesIncludeTax", true)
                .put("subtotal", plan.itemsTotal())
                .put("total", plan.total())
                .put("tax", tax)
                .put("createDate", DATE.format(at.atOffset(ZoneOffset.UTC)))
                .put("createTimestamp", at.getEpochSecond())
                .put("orderComments", "");
        switch (plan.payment()) {
            case ONLINE -> order.put("paymentMethod", "Credit or debit card").put("paymentModule", "Stripe");
            case BANK_DEPOSIT -> order.put("paymentMethod", "Bank transfer");
            case CASH_ON_PICKUP -> order.put("paymentMethod", "Pay by cash at pickup");
        }
        ArrayNode items = order.putArray("items");
        long itemId = sequence * 100;
        for (Plan.Line line : plan.lines()) {
            Product product = bySku.get(line.sku());
            ObjectNode item = items.addObject()
                    .put("id", ++itemId)
                    .put("sku", line.sku())
                    .put("name", line.name())
                    .put("quantity", line.quantity())
                    .put("price", line.unitPrice())
                    .put("tax", Plan.taxIn(line.total()))
                    .put("couponAmount", 0);
            if (product != null) {
                item.put("productId", product.id);
            }
        }
        ObjectNode option = order.putObject("shippingOption")
                .put("shippingMethodName", plan.shippingMethod())
                .put("shippingRate", plan.shipping())
                .put("isPickup", plan.pickup())
                .put("fulfillmentType", plan.pickup() ? "PICKUP" : "SHIPPING");
        option.put("pickupInstruction", plan.pickup() ? "Collect at our " + plan.pickupPoint() + " shop" : "");
        order.putArray("taxesOnShipping").addObject().put("name", "BTW").put("total", Plan.taxIn(plan.shipping()));
        Plan.Customer customer = plan.customer();
        order.putObject("billingPerson")
                .put("name", customer.firstName() + " " + customer.lastName())
                .put("street", customer.street())
                .put("postalCode", customer.zip())
                .put("city", customer.city())
                .put("countryCode", "BE");
        if (!plan.pickup()) {
            order.set("shippingPerson", order.path("billingPerson").deepCopy());
        }
        Order made = new Order(id, number, plan, order, at);
        touched(made);
        return made;
    }

    /** The owner marks an order that awaits payment paid, in the store's admin. */
    public synchronized boolean markPaid(String orderId) {
        Order order = orders.get(orderId);
        if (order == null
                || !"AWAITING_PAYMENT".equals(order.json.path("paymentStatus").asText())) {
            return false;
        }
        order.json.put("paymentStatus", "PAID");
        announceChange(order);
        return true;
    }

    /** The owner cancels an order in the store's admin: Ecwid puts its items back in stock. */
    public synchronized boolean cancel(String orderId) {
        Order order = orders.get(orderId);
        if (order == null || "CANCELLED".equals(order.json.path("paymentStatus").asText())) {
            return false;
        }
        order.json.put("paymentStatus", "CANCELLED");
        for (Plan.Line line : order.plan.lines()) {
            Product product = bySku.get(line.sku());
            if (product != null) {
                product.stock += line.quantity();
            }
        }
        announceChange(order);
        return true;
    }

    @Override
    protected void touched(Order order) {
        order.json.put("updateDate", DATE.format(order.updatedAt.atOffset(ZoneOffset.UTC)));
        order.json.put("updateTimestamp", order.updatedAt.getEpochSecond());
    }

    @Override
    protected List<Delivery> orderDeliveries(Order order, boolean created) {
        String type = created ? "order.created" : "order.updated";
        String eventId = UUID.randomUUID().toString();
        long eventCreated = order.updatedAt.getEpochSecond();
        ObjectNode body = JSON.createObjectNode()
                .put("eventId", eventId)
                .put("eventCreated", eventCreated)
                .put("storeId", Long.parseLong(STORE_ID))
                .put("entityId", order.json.path("orderNumber").asLong())
                .put("eventType", type);
        ObjectNode data = body.putObject("data").put("orderId", order.id);
        data.put("newPaymentStatus", order.json.path("paymentStatus").asText());
        data.put("newFulfillmentStatus", order.json.path("fulfillmentStatus").asText());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=UTF-8");
        headers.put(
                "X-Ecwid-Webhook-Signature",
                Signing.hmacSha256Base64(
                        clientSecret, (eventCreated + "." + eventId).getBytes(StandardCharsets.UTF_8)));
        return List.of(new Delivery(type + " " + order.number, "eventtype=" + type, headers, utf8(body)));
    }

    @Override
    protected String statusWords(Order order) {
        return order.json.path("paymentStatus").asText() + " / "
                + order.json.path("fulfillmentStatus").asText();
    }
}
