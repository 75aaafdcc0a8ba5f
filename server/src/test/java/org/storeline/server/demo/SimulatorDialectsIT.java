package org.storeline.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.ChannelOutbound;
import org.storeline.channels.api.Connector;
import org.storeline.channels.api.DeliveryEvent;
import org.storeline.channels.api.OrderPage;
import org.storeline.channels.api.OrderQuery;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.channels.bigcommerce.BigCommerceConnector;
import org.storeline.channels.ecwid.EcwidConnector;
import org.storeline.channels.lightspeed.LightspeedConnector;
import org.storeline.channels.shopify.ShopifyConnector;
import org.storeline.channels.woocommerce.WooCommerceConnector;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.fulfillment.Tracking;
import org.storeline.core.sync.Listing;
import org.storeline.core.sync.StatusChange;
import org.storeline.core.sync.StockLevel;
import org.storeline.simulators.Settings;
import org.storeline.simulators.Simulators;
import org.storeline.simulators.StoreSimulator;

/**
 * Each simulated store speaks its platform as Storeline's own connector for that platform reads and writes it: its
 * webhook verifies and resolves to the order placed, reconciliation lists it, its products are found by SKU, a stock
 * level sent is the store's, and a shipped order shows completed in the platform's words. The demo and the tests that
 * run whole stores rely on this; it runs on loopback only, without a database.
 */
class SimulatorDialectsIT {
    private static final List<String> SKUS = List.of("DEMO-TEA-1", "DEMO-MUG-2", "DEMO-PEN-3");
    private static final Map<String, String> COMPLETED = Map.of(
            "shopify", "paid / fulfilled",
            "woocommerce", "completed",
            "bigcommerce", "Shipped (2)",
            "ecwid", "PAID / SHIPPED",
            "lightspeed_ecom", "completed_shipped / paid / shipped");

    private static Simulators simulators;
    private static HttpServer webhooks;
    private static final LinkedBlockingQueue<WebhookDelivery> DELIVERED = new LinkedBlockingQueue<>();

    @BeforeAll
    static void startStores() throws IOException {
        simulators = Simulators.start(42, Settings::wellBehaved);
        for (int i = 0; i < SKUS.size(); i++) {
            simulators.addProduct(SKUS.get(i), "Product " + i, new BigDecimal("12.50"), 50);
        }
        webhooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        webhooks.createContext("/", exchange -> {
            try (exchange) {
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                DELIVERED.add(new WebhookDelivery(
                        headers,
                        query(exchange.getRequestURI().getRawQuery()),
                        exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        webhooks.start();
    }

    @AfterAll
    static void stopStores() {
        simulators.close();
        webhooks.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shopify", "woocommerce", "bigcommerce", "ecwid", "lightspeed_ecom"})
    void aStoreSpeaksItsPlatformAsTheConnectorReadsAndWritesIt(String platform) throws Exception {
        StoreSimulator store = simulators.store(platform).orElseThrow();
        Connector connector = connector(platform);
        StoreSimulator.Link link = store.link();
        ChannelConnection connection = new ChannelConnection(
                "channel-" + platform, URI.create(link.baseUrl()), link.credentials(), link.webhookSecret());
        DELIVERED.clear();
        store.deliverTo(URI.create("http://127.0.0.1:" + webhooks.getAddress().getPort() + "/webhooks/x"));

        String orderId = placePaidDelivery(store);
        WebhookDelivery delivery = DELIVERED.poll(10, TimeUnit.SECONDS);
        assertThat(delivery).as("the webhook of " + platform).isNotNull();
        assertThat(connector.verify(delivery, connection).outcome()).isEqualTo(Verification.Outcome.VALID);
        DeliveryEvent event = connector.read(delivery);
        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.ORDER);
        assertThat(event.orderId()).contains(orderId);
        ChannelOrder order = connector.resolve(event, delivery, connection);
        assertThat(order.externalId()).isEqualTo(orderId);
        assertThat(order.disposition()).isEqualTo(OrderDisposition.IMPORT_PAID);
        assertThat(order.fulfillmentType()).isEqualTo(FulfillmentType.DELIVERY);
        assertThat(order.shippingMethod()).contains("Standard delivery");
        assertThat(order.lines()).allSatisfy(line -> assertThat(line.sku()).isPresent());
        assertThat(order.lines().stream()
                        .map(line -> line.total().amount())
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .add(order.shipping().stream()
                                .map(s -> s.total().amount())
                                .reduce(BigDecimal.ZERO, BigDecimal::add)))
                .as("lines and shipping add up to the total")
                .isEqualByComparingTo(order.total().amount());

        OrderPage page = connector.listOrders(
                new OrderQuery(Instant.now().minusSeconds(600), Optional.empty(), Optional.empty()), connection);
        assertThat(page.orders()).extracting(ChannelOrder::externalId).contains(orderId);

        ChannelOutbound outbound = connector.outbound().orElseThrow();
        Map<String, Listing> listings = outbound.findListings(SKUS, connection);
        assertThat(listings).containsOnlyKeys(SKUS);
        outbound.setStockLevels(List.of(new StockLevel(listings.get(SKUS.get(0)), 7)), connection);
        assertThat(store.stockBySku()).containsEntry(SKUS.get(0), 7L);

        outbound.sendStatus(
                new StatusChange(
                        orderId,
                        StatusChange.Kind.FULFILLED,
                        FulfillmentType.DELIVERY,
                        List.of(new Tracking(Optional.of("3SDEMO1"), Optional.of("bpost"), Optional.empty())),
                        Optional.empty(),
                        false),
                connection);
        assertThat(store.orderStatus(orderId)).contains(COMPLETED.get(platform));
    }

    /** Places orders until one is paid online and delivered; answers its id, its webhook first in the queue. */
    private static String placePaidDelivery(StoreSimulator store) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            DELIVERED.clear();
            String id = store.placeOrder().orElseThrow();
            StoreSimulator.OrderView view = store.orders().get(0);
            if (view.summary().endsWith("delivery · paid online")) {
                return id;
            }
            DELIVERED.poll(5, TimeUnit.SECONDS);
        }
        throw new AssertionError("no paid delivery among 100 orders");
    }

    private static Connector connector(String platform) {
        PlatformHttp http = PlatformHttp.standard();
        return switch (platform) {
            case "shopify" -> new ShopifyConnector(http);
            case "woocommerce" -> new WooCommerceConnector(http, PlatformHttp.singleAttempt());
            case "bigcommerce" -> new BigCommerceConnector(http);
            case "ecwid" -> new EcwidConnector(http);
            default -> new LightspeedConnector(http);
        };
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(
                            pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}
