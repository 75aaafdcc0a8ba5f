package org.storeline.channels.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.Registration;
import org.storeline.core.error.StorelineException;
import org.storeline.core.sync.PlatformCall;

/**
 * Lightspeed eCom's REST API, always through {@link PlatformHttp}. Every path is
 * {@code {base_url}/{language}/<resource>.json} (base_url is the cluster, e.g. https://api.webshopapp.com for
 * eu1 or https://api.shoplightspeed.com for us1) with HTTP Basic {@code api_key:api_secret}.
 *
 * <p>Mind the quota (300 requests per 5 minutes per key): a thin order costs two calls (order, products).
 */
public final class LightspeedClient {
    /** Lightspeed's shop language when the channel does not give one: the platform started in the Netherlands. */
    static final String DEFAULT_LANGUAGE = "nl";
    /** Lightspeed's largest page. */
    static final int PAGE_SIZE = 250;
    /**
     * Our webhooks, as item group and action: every order event, and variants updated (their stock edited in the back
     * office, or set by our own push: SOR-3 tells the two apart).
     */
    static final List<String[]> WEBHOOKS = List.of(new String[] {"orders", "*"}, new String[] {"variants", "updated"});

    private static final DateTimeFormatter FILTER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PlatformHttp http;

    public LightspeedClient(PlatformHttp http) {
        this.http = http;
    }

    /** {@code GET /{language}/orders/{id}.json}: the {@code order} object. */
    public JsonNode order(String orderId, ChannelConnection connection) {
        String what = "Fetching Lightspeed order " + orderId;
        JsonNode order =
                get(connection, "/orders/" + encode(orderId) + ".json", what).path("order");
        if (!order.isObject()) {
            throw PlatformCallException.unreadable(what + ": the answer holds no order");
        }
        return order;
    }

    /** {@code GET /{language}/orders/{id}/products.json}: the order's {@code orderProducts}. */
    public List<JsonNode> orderProducts(String orderId, ChannelConnection connection) {
        String what = "Fetching the products of Lightspeed order " + orderId;
        return items(get(connection, "/orders/" + encode(orderId) + "/products.json", what), "orderProducts", what);
    }

    /**
     * {@code GET /{language}/orders.json?updated_at_min=...&updated_at_max=...&limit=250&page=N}. The filter takes
     * "YYYY-MM-DD HH:MM:SS" (no zone); we send UTC.
     */
    public List<JsonNode> orders(
            Instant updatedMin, Optional<Instant> updatedMax, int page, ChannelConnection connection) {
        StringBuilder path =
                new StringBuilder("/orders.json?updated_at_min=").append(encode(FILTER_TIME.format(updatedMin)));
        updatedMax.ifPresent(max -> path.append("&updated_at_max=").append(encode(FILTER_TIME.format(max))));
        path.append("&limit=").append(PAGE_SIZE).append("&page=").append(page);
        String what = "Listing Lightspeed orders (page " + page + ")";
        return items(get(connection, path.toString(), what), "orders", what);
    }

    /**
     * Checks the credentials ({@code GET /shop.json}) and makes sure an active JSON webhook of each of
     * {@link #WEBHOOKS} points at {@code webhookUrl}: an existing one is reused, so registering again never doubles
     * deliveries.
     */
    public Registration register(ChannelConnection connection, URI webhookUrl) {
        try {
            JsonNode shop = get(connection, "/shop.json", "Checking the Lightspeed credentials")
                    .path("shop");
            String shopName = LightspeedOrderMapper.text(shop, "mainDomain")
                    .or(() -> PlatformJson.id(shop, "id"))
                    .orElse("the shop");
            List<String> hooks = new ArrayList<>();
            int created = 0;
            for (String[] groupAndAction : WEBHOOKS) {
                String group = groupAndAction[0];
                String action = groupAndAction[1];
                Optional<JsonNode> existing = existingWebhook(connection, webhookUrl, group, action);
                JsonNode webhook =
                        existing.isPresent() ? existing.get() : createWebhook(connection, webhookUrl, group, action);
                hooks.add(group + "/" + action + " -> " + webhookUrl + " (Lightspeed webhook "
                        + PlatformJson.id(webhook, "id").orElse("?") + ")");
                if (existing.isEmpty()) {
                    created++;
                }
            }
            String detail = "Credentials work for " + shopName + "; " + createdOrFound(created, hooks.size());
            return Registration.connected(detail, hooks);
        } catch (PlatformCallException e) {
            return Registration.failed(refusal(e));
        } catch (StorelineException e) {
            return Registration.failed(e.getMessage());
        }
    }

    /** How many of our webhooks are new; the registration's list of webhooks names them. */
    private static String createdOrFound(int created, int all) {
        if (created == 0) {
            return "our webhooks were already there.";
        }
        return created == all
                ? "our webhooks were created."
                : "created " + created + " of our " + all + " webhooks and found the rest already there.";
    }

    private Optional<JsonNode> existingWebhook(
            ChannelConnection connection, URI webhookUrl, String group, String action) {
        String what = "Listing the Lightspeed webhooks";
        for (JsonNode webhook : items(get(connection, "/webhooks.json?limit=" + PAGE_SIZE, what), "webhooks", what)) {
            boolean ours = webhookUrl
                    .toString()
                    .equals(LightspeedOrderMapper.text(webhook, "address").orElse(""));
            boolean orders = group.equals(
                    LightspeedOrderMapper.text(webhook, "itemGroup").orElse(""));
            boolean all = action.equals(
                    LightspeedOrderMapper.text(webhook, "itemAction").orElse(""));
            boolean json =
                    "json".equals(LightspeedOrderMapper.text(webhook, "format").orElse(""));
            if (ours && orders && all && json && webhook.path("isActive").asBoolean(false)) {
                return Optional.of(webhook);
            }
        }
        return Optional.empty();
    }

    private JsonNode createWebhook(ChannelConnection connection, URI webhookUrl, String group, String action) {
        ObjectNode body = PlatformJson.MAPPER.createObjectNode();
        body.putObject("webhook")
                .put("isActive", true)
                .put("itemGroup", group)
                .put("itemAction", action)
                .put("language", language(connection))
                .put("format", "json")
                .put("address", webhookUrl.toString());
        HttpRequest.Builder request = request(connection, "/webhooks.json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        String what = "Creating the Lightspeed " + group + " webhook";
        return PlatformJson.parse(http.send(request, what).body(), what).path("webhook");
    }

    /** What a person can do about a refusal. */
    private static String refusal(PlatformCallException e) {
        return switch (e.status()) {
            case 401 ->
                "Lightspeed refused the API key and secret (401): check credentials.api_key, credentials.api_secret "
                        + "and that base_url is the shop's cluster "
                        + "(api.webshopapp.com for eu1, api.shoplightspeed.com for us1).";
            case 403 ->
                "Lightspeed says this API key may not do that (403): give the key read access to orders and shop, "
                        + "and write access to webhooks.";
            default -> e.getMessage() + (e.retryable() ? " (will be retried)" : "");
        };
    }

    /** One request the outbound sync made: what the activity log shows of it, and the answer's JSON. */
    record Exchange(PlatformCall call, JsonNode json) {}

    /**
     * {@code method /{language}path} with an optional JSON body, for the outbound sync: the answer and the call as the
     * activity log shows it (the path without the host; the key and secret are only ever in the header).
     */
    Exchange exchange(ChannelConnection connection, String method, String path, Optional<JsonNode> body, String what) {
        HttpRequest.Builder request = request(connection, path);
        if (body.isPresent()) {
            request.header("Content-Type", "application/json")
                    .method(
                            method,
                            HttpRequest.BodyPublishers.ofString(body.get().toString(), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        PlatformHttp.Response response = http.send(request, what);
        URI uri = response.raw().uri();
        String shown = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        JsonNode json = response.body() == null || response.body().isBlank()
                ? PlatformJson.MAPPER.missingNode()
                : PlatformJson.parse(response.body(), what);
        return new Exchange(new PlatformCall(method, shown, response.status(), response.body()), json);
    }

    private JsonNode get(ChannelConnection connection, String path, String what) {
        return PlatformJson.parse(
                http.send(request(connection, path).GET(), what).body(), what);
    }

    private static HttpRequest.Builder request(ChannelConnection connection, String path) {
        String auth = connection.credential("api_key") + ":" + connection.credential("api_secret");
        return HttpRequest.newBuilder(connection.resolve("/" + language(connection) + path))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
    }

    /** The URL language prefix ("nl", "us", "en"...): it picks the language of translated fields. */
    static String language(ChannelConnection connection) {
        return connection
                .optionalCredential("language")
                .map(l -> l.trim().toLowerCase(Locale.ROOT))
                .orElse(DEFAULT_LANGUAGE);
    }

    static List<JsonNode> items(JsonNode body, String field, String what) {
        JsonNode array = body.path(field);
        if (array.isMissingNode() || array.isNull()) {
            // Lightspeed leaves the list out when it is empty.
            return List.of();
        }
        // PHP encodes a list with non-sequential keys as an object of objects: its values are the items.
        if (!array.isArray() && !LightspeedOrderMapper.keyedObjects(array)) {
            throw PlatformCallException.unreadable(what + ": '" + field + "' is not a list");
        }
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** Query values: the date filter has a space, sent as %20 rather than '+'. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
