package org.storeline.web.channel;

import static org.storeline.web.security.Authentication.actor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityFilter;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelHealth;
import org.storeline.core.channel.ChannelMonitor;
import org.storeline.core.channel.ChannelService;
import org.storeline.core.channel.ChannelSync;
import org.storeline.core.channel.ImportRequest;
import org.storeline.core.channel.Platform;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.web.http.Json;
import org.storeline.web.http.JsonBody;
import org.storeline.web.http.Pages;
import org.storeline.web.http.Responses;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/**
 * Channels: connect one, change its settings, unlink it, import orders, read the activity log, retry, see how far
 * behind it is. An unlinked channel can still be read (its activity and health too), but not changed or used.
 */
public final class ChannelRoutes implements Routes {
    private final ChannelService channels;
    private final ChannelSync sync;
    private final ChannelMonitor monitor;
    private final Clock clock;
    private final Consumer<UUID> changed;

    /** {@code changed}: told of each channel changed or unlinked here (the webhook route forgets its cached copy). */
    public ChannelRoutes(
            ChannelService channels, ChannelSync sync, ChannelMonitor monitor, Clock clock, Consumer<UUID> changed) {
        this.channels = channels;
        this.sync = sync;
        this.monitor = monitor;
        this.clock = clock;
        this.changed = changed;
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.post("/api/v1/channels", this::create);
        routes.get("/api/v1/channels", this::list);
        routes.get(
                "/api/v1/channels/{id}",
                ctx -> Responses.ok(ctx, channel(ctx, channels.get(actor(ctx), channelId(ctx)))));
        routes.patch("/api/v1/channels/{id}", this::update);
        routes.delete("/api/v1/channels/{id}", this::unlink);
        routes.post("/api/v1/channels/{id}/import", this::importOrders);
        routes.get("/api/v1/channels/{id}/activity", this::activity);
        routes.post("/api/v1/channels/{id}/activity/{entry_id}/retry", this::retry);
        routes.get("/api/v1/channels/{id}/health", this::health);
    }

    private void create(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        Map<String, UUID> methods = body.optionalObject("shipping_method_outlets")
                .map(ChannelRoutes::shippingMethods)
                .orElse(Map.of());
        Channel channel = channels.create(
                actor(ctx),
                new ChannelService.NewChannel(
                        Platform.fromWire(body.text("platform")),
                        body.text("name"),
                        body.text("base_url"),
                        credentials(body),
                        body.text("webhook_secret"),
                        body.idList("outlet_ids"),
                        body.id("register_id"),
                        methods,
                        body.optionalBoolean("notifications").orElse(true)));
        sync.registerSoon(channel);
        Responses.created(ctx, channel(ctx, channel));
    }

    /** The linked channels; with {@code ?include_unlinked=true}, the unlinked ones too (their history stays). */
    private void list(Context ctx) {
        String include = ctx.queryParam("include_unlinked");
        if (include != null && !include.equals("true") && !include.equals("false")) {
            throw StorelineException.invalid("include_unlinked must be true or false.");
        }
        List<Channel> list = channels.list(actor(ctx), "true".equals(include));
        Responses.ok(ctx, Pages.writeAll(list, c -> channel(ctx, c)));
    }

    private void update(Context ctx) {
        Channel current = channels.get(actor(ctx), channelId(ctx));
        UUID id = current.id();
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        // The channel's own values, as GET answers them, may come back with a change: only a new value is refused.
        Map<String, String> naming = Map.of(
                "platform",
                current.platform().wireName(),
                "base_url",
                current.baseUrl().toString());
        for (String field : List.of("platform", "base_url")) {
            if (body.has(field) && !naming.get(field).equals(body.text(field))) {
                throw StorelineException.invalid(
                        field + " cannot be changed: it names the store; connect another store as a new channel.");
            }
        }
        Optional<Duration> overlap =
                body.optionalWholeNumber("webhook_secret_overlap_seconds").map(Duration::ofSeconds);
        if (overlap.isPresent() && !body.has("webhook_secret")) {
            throw StorelineException.invalid(
                    "webhook_secret_overlap_seconds goes with a new webhook_secret: it says how long the secret"
                            + " replaced stays valid.");
        }
        ChannelService.Changes changes = new ChannelService.Changes(
                body.optionalText("name"),
                body.optionalBoolean("notifications"),
                body.has("outlet_ids") ? Optional.of(body.idList("outlet_ids")) : Optional.empty(),
                body.optionalId("register_id"),
                body.optionalObject("shipping_method_outlets").map(ChannelRoutes::shippingMethods),
                body.optionalObject("credentials").map(ChannelRoutes::credentialChanges),
                body.optionalText("webhook_secret"),
                overlap);
        Channel channel = channels.update(actor(ctx), id, changes);
        changed.accept(id);
        if (changes.reachesThePlatform()) {
            // New credentials are checked, and a new secret handed to platforms that sign with ours (WooCommerce).
            sync.registerSoon(channel);
        }
        Responses.ok(ctx, channel(ctx, channel));
    }

    /**
     * Unlinks the channel (never waiting for the platform), then removes its webhooks there in the background. An
     * unlinked channel answers as it is, with nothing done again.
     */
    private void unlink(Context ctx) {
        Channel before = channels.get(actor(ctx), channelId(ctx));
        Channel channel = channels.unlink(actor(ctx), before.id());
        changed.accept(channel.id());
        if (before.isLinked()) {
            sync.unregisterSoon(channel);
        }
        Responses.ok(ctx, channel(ctx, channel));
    }

    private static Map<String, UUID> shippingMethods(JsonBody methods) {
        Map<String, UUID> byName = new HashMap<>();
        methods.fieldNames().forEach(name -> byName.put(name, methods.id(name)));
        return byName;
    }

    /** Credentials to merge into the stored ones; a null value (kept here as null) removes that credential. */
    private static Map<String, String> credentialChanges(JsonBody credentials) {
        Map<String, String> changes = new HashMap<>();
        credentials
                .fieldNames()
                .forEach(
                        name -> changes.put(name, credentials.optionalText(name).orElse(null)));
        return changes;
    }

    private static Map<String, String> credentials(JsonBody body) {
        Map<String, String> credentials = new HashMap<>();
        // Values must be strings, also those that look like numbers (a location id): the platforms take them as text.
        body.optionalObject("credentials")
                .ifPresent(c ->
                        c.fieldNames().forEach(name -> c.optionalText(name).ifPresent(v -> credentials.put(name, v))));
        return credentials;
    }

    private void importOrders(Context ctx) {
        Channel channel = channels.getLinked(actor(ctx), channelId(ctx));
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        List<String> ids = body.textList("order_ids");
        ChannelSync.ImportSummary summary = sync.importOrders(
                channel, ImportRequest.of(body.optionalTime("since"), body.optionalTime("until"), ids));
        ObjectNode node = Json.object();
        node.put("fetched", summary.fetched());
        node.put("imported", summary.imported());
        node.put("skipped", summary.skipped());
        node.put("not_applied", summary.notApplied());
        node.put("status_synced", summary.statusSynced());
        node.put("duplicates", summary.duplicates());
        node.put("failed", summary.failed());
        ArrayNode problems = node.putArray("problems");
        summary.problems().forEach(problems::add);
        Responses.ok(ctx, node);
    }

    private void activity(Context ctx) {
        ActivityFilter filter = ActivityFilter.fromWire(
                Optional.ofNullable(ctx.queryParam("kind")), Optional.ofNullable(ctx.queryParam("outcome")));
        Responses.ok(
                ctx,
                Pages.write(
                        monitor.activity(actor(ctx), channelId(ctx), filter, Pages.request(ctx)),
                        ChannelRoutes::entry));
    }

    private void retry(Context ctx) {
        UUID entryId = Ids.parse("entry_id", ctx.pathParam("entry_id"));
        String result = monitor.retry(actor(ctx), channelId(ctx), entryId);
        ObjectNode node = Json.object();
        node.put("entry_id", entryId.toString());
        node.put("result", result);
        Responses.ok(ctx, node);
    }

    private void health(Context ctx) {
        ChannelHealth health = monitor.health(actor(ctx), channelId(ctx));
        ObjectNode node = Json.object();
        node.put("channel_id", health.channel().id().toString());
        node.set("connection", connection(health.channel()));
        node.put("oldest_pending_at", health.oldestPendingAt().map(Json::time).orElse(null));
        node.put("behind_seconds", health.behindSeconds());
        node.put("failures_last_hour", health.failuresLastHour());
        node.put(
                "reconciled_until",
                health.channel().reconciledUntil().map(Json::time).orElse(null));
        ChannelSync.OutboundHealth outbound = health.outbound();
        node.put("outbox_depth", outbound.depth());
        node.put(
                "outbox_oldest_pending_at",
                outbound.oldestChangeAt().map(Json::time).orElse(null));
        if (outbound.rateBudgetLeft().isPresent()) {
            node.put("rate_budget_left", outbound.rateBudgetLeft().getAsLong());
        } else {
            node.putNull("rate_budget_left");
        }
        Responses.ok(ctx, node);
    }

    private static UUID channelId(Context ctx) {
        return Ids.parse("id", ctx.pathParam("id"));
    }

    private ObjectNode channel(Context ctx, Channel channel) {
        ObjectNode node = Json.object();
        node.put("id", channel.id().toString());
        node.put("platform", channel.platform().wireName());
        node.put("name", channel.name());
        node.put("base_url", channel.baseUrl().toString());
        node.put("webhook_url", ctx.scheme() + "://" + ctx.host() + "/webhooks/" + channel.id());
        node.put("webhook_path", "/webhooks/" + channel.id());
        ArrayNode names = node.putArray("credential_names");
        channel.credentials().keySet().stream().sorted().forEach(names::add);
        ArrayNode outlets = node.putArray("outlet_ids");
        channel.outletIds().forEach(id -> outlets.add(id.toString()));
        node.put("register_id", channel.registerId().toString());
        ObjectNode methods = node.putObject("shipping_method_outlets");
        channel.shippingMethodOutlets().forEach((method, outlet) -> methods.put(method, outlet.toString()));
        node.put("notifications", channel.notifications());
        node.set("connection", connection(channel));
        node.put("reconciled_until", channel.reconciledUntil().map(Json::time).orElse(null));
        node.put("created_at", Json.time(channel.createdAt()));
        node.put("store_id", channel.storeId().toString());
        node.put("store_identity", channels.identity(channel));
        node.put(
                "previous_webhook_secret_until",
                channel.previousSecret()
                        .map(Channel.PreviousSecret::until)
                        .filter(until -> until.isAfter(clock.instant()))
                        .map(Json::time)
                        .orElse(null));
        node.put("unlinked_at", channel.unlinkedAt().map(Json::time).orElse(null));
        return node;
    }

    private static ObjectNode connection(Channel channel) {
        ObjectNode node = Json.object();
        node.put("status", channel.connection().status().name().toLowerCase(Locale.ROOT));
        node.put("detail", channel.connection().detail());
        node.put("checked_at", channel.connection().checkedAt().map(Json::time).orElse(null));
        return node;
    }

    static ObjectNode entry(ActivityEntry entry) {
        ObjectNode node = Json.object();
        node.put("id", entry.id().toString());
        node.put("at", Json.time(entry.at()));
        node.put("kind", entry.kind().wireName());
        node.put("outcome", entry.outcome().wireName());
        node.put("external_order_id", entry.externalOrderId().orElse(null));
        node.put("delivery_id", Json.id(entry.deliveryId()));
        node.put("sale_id", Json.id(entry.saleId()));
        node.put("reason", entry.reason());
        node.put("request", entry.call().flatMap(ActivityEntry.Call::request).orElse(null));
        node.put(
                "http_status",
                entry.call().map(ActivityEntry.Call::status).filter(s -> s > 0).orElse(null));
        node.put("answer", entry.call().map(ActivityEntry.Call::answer).orElse(null));
        node.put("retryable", entry.canBeRetried());
        node.put("retried_at", entry.retriedAt().map(Json::time).orElse(null));
        return node;
    }
}
