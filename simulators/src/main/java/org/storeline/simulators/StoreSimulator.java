package org.storeline.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One store of one platform on loopback: its catalog, its orders, the API Storeline calls (in the platform's own
 * paths, formats, pagination and rate limit) and the webhooks it delivers (signed as the platform signs them), with
 * the platform's habits: a delivery now and then twice, out of order, or never (the order is then found by
 * reconciliation through the list API). It can be taken offline for a while: its API answers 503 and its webhooks
 * wait, as a platform's retries do, until it is back; and other {@link Fault faults} can be laid over it (500s, late
 * answers, 429s). It keeps what it received ({@link #received}: when each request arrived, the stock levels it carried,
 * how it was answered) and every stock level written ({@link #stockWrites}), for the tests and the benchmark that play
 * a whole store with it. It is started only by {@code ./storeline demo} and by tests and benchmarks, never by
 * {@code ./storeline serve}.
 *
 * <p>Each platform is a subclass: {@link #route} answers its API, {@link #newOrder} writes an order as the platform
 * shows it, {@link #orderDeliveries} the webhooks that tell it, {@link #stockWritten} each stock level a request
 * writes. State changes are made under the simulator's lock. {@link StoreEndpoint} serves the API over HTTP.
 */
public abstract class StoreSimulator implements AutoCloseable {
    protected static final ObjectMapper JSON = new ObjectMapper();
    /** The method of a {@link Call} that is a webhook the store sent. */
    public static final String WEBHOOK = "WEBHOOK";

    /** A webhook delivery as the platform sends it: raw bytes and headers, to the registered address. */
    protected record Delivery(String what, String query, Map<String, String> headers, byte[] body) {}

    /** What the store shows of an order on the simulator page. */
    public record OrderView(String id, String number, String status, String summary, boolean webhookSent) {}

    /** What the store shows of a product. */
    public record ProductView(String sku, String name, String price, long stock) {}

    protected final Clock clock;
    protected final Random random;
    private final Settings settings;
    private final StoreEndpoint endpoint;
    private final WebhookSender sender;
    protected final Map<String, Product> bySku = new LinkedHashMap<>();
    protected final Map<Long, Product> byId = new LinkedHashMap<>();
    protected final Map<String, Order> orders = new LinkedHashMap<>();
    private final Traffic traffic;
    private final Faults faults;
    private final Stock stock = new Stock(bySku);
    private long sequence;
    private final long idBase;

    protected StoreSimulator(Settings settings, RateWindow rate) {
        this.settings = settings;
        this.clock = settings.clock();
        this.random = new Random(settings.seed());
        this.traffic = new Traffic(settings.callsKept());
        this.faults = new Faults(clock);
        // Order ids only grow from one run to the next (a store linked again must not see an old order's id).
        this.idBase = clock.instant().getEpochSecond() * 100;
        this.endpoint = new StoreEndpoint(
                this, clock, settings.rateLimit() ? rate : RateWindow.unlimited(), faults, traffic, stock);
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
        return "http://127.0.0.1:" + endpoint.port();
    }

    /** Where the store delivers its webhooks: set when Storeline registers them, or by the demo for Ecwid's app. */
    public synchronized void deliverTo(URI webhookUrl) {
        sender.target(webhookUrl);
    }

    /** Adds a product to the catalog (the demo's products, in the same order in every run); answers its id. */
    public synchronized long addProduct(String sku, String name, BigDecimal price, long stock) {
        return add(sku, name, price, stock, true).id;
    }

    /**
     * Adds a product whose stock the store does not count until a level is written for it ({@link #stock} is empty
     * until then), as a product newly listed; answers its id.
     */
    public synchronized long addProduct(String sku, String name, BigDecimal price) {
        return add(sku, name, price, 0, false).id;
    }

    protected Product add(String sku, String name, BigDecimal price, long stock, boolean stockTracked) {
        Product product = new Product(productIdBase() + bySku.size() + 1, sku, name, price, stock, stockTracked);
        bySku.put(sku, product);
        byId.put(product.id, product);
        return product;
    }

    /** Sets a product's stock as a request asked: counted as a level the request carried, and kept in its writes. */
    protected void stockWritten(Product product, long level) {
        stock.written(product, level);
    }

    /** The level the store shows for the product; empty when it does not count its stock. */
    public synchronized Optional<Long> stock(String sku) {
        return stock.level(sku);
    }

    /** Every stock level requests wrote for the product, in the order the store took them. */
    public synchronized List<StockWrite> stockWrites(String sku) {
        return stock.writes(sku);
    }

    /** The levels of {@link #stockWrites}. */
    public List<Long> levelsWritten(String sku) {
        return stockWrites(sku).stream().map(StockWrite::level).toList();
    }

    /** Someone edits the product's stock in the store's admin: not a level the store was sent, and no webhook. */
    public synchronized void editStock(String sku, long level) {
        stock.edited(sku, level);
    }

    /** The product's price as the store shows it. */
    public synchronized BigDecimal price(String sku) {
        return bySku.get(sku).price;
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
        return stock.levels();
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

    /** The requests received and the webhooks sent, newest first. */
    public List<Call> calls() {
        return traffic.newestFirst();
    }

    /** The requests received and answered (not the webhooks), in the order they arrived. */
    public List<Call> received() {
        return traffic.received();
    }

    /** The requests received and answered at this path (without its query). */
    public List<Call> received(String method, String path) {
        return received().stream()
                .filter(c -> c.method().equals(method) && c.path().equals(path))
                .toList();
    }

    /** The requests that arrived at this path, answered or not yet (a slow answer may still be on its way). */
    public int arrivals(String method, String path) {
        return traffic.arrivals(method, path);
    }

    /** The requests that wrote at least one stock level. */
    public long stockRequests() {
        return received().stream().filter(c -> c.levels() > 0).count();
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
            Optional<Plan> plan = Plan.random(random, stock.inStock(), settings.unknownSkuEvery());
            if (plan.isEmpty()) {
                return Optional.empty();
            }
            sequence++;
            id = orderId(idBase + sequence);
            Instant at = clock.instant();
            Order order = place(id, plan.get(), at);
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

    /**
     * An order placed with this id and these lines, and announced by no webhook: for a test that plays the platform's
     * webhook itself and needs the store to know the order when Storeline asks it.
     */
    public synchronized void placeOrder(String id, Plan plan) {
        sequence++;
        place(id, plan, clock.instant()).announced = false;
    }

    private Order place(String id, Plan plan, Instant at) {
        Order order = newOrder(id, sequence, plan, at);
        orders.put(id, order);
        stock.sold(plan.lines());
        return order;
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

    /** Takes the store offline for a while ({@link Fault#offline}): its webhooks wait until it is back. */
    public void takeOffline(Duration duration) {
        faults.lay(Fault.offline(), clock.instant().plus(duration));
    }

    public boolean offline() {
        return faults.active(Fault.offline());
    }

    /** Lays a fault over the store's API until it is {@link #heal healed}; the newest fault covering a path wins. */
    public Fault lay(Fault fault) {
        faults.lay(fault, Instant.MAX);
        return fault;
    }

    /** Lifts a fault {@link #lay laid}: the store answers as before. */
    public void heal(Fault fault) {
        faults.heal(fault);
    }

    /** Webhooks waiting to be delivered (while offline, or refused by Storeline). */
    public int pendingDeliveries() {
        return sender.pending();
    }

    /** What the platform answers when it fails with this status (500, 503...); each platform may say it its way. */
    protected Answer serverError(int status, Request request) {
        return Answer.status(
                status, JSON.createObjectNode().put("message", status == 503 ? "Service Unavailable" : "Server Error"));
    }

    /** Records a webhook the store sent, beside the requests it received. */
    void recordSent(Delivery delivery, int status) {
        traffic.add(new Call(clock.instant(), System.nanoTime(), WEBHOOK, delivery.what(), "", status, 0, ""));
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

    /** The JSON the store sends: an answer's body or a webhook's. */
    protected static byte[] utf8(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        sender.close();
        endpoint.close();
    }
}
