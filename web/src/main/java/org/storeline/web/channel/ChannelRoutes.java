package org.storeline.web.channel;

import static org.storeline.web.security.Authentication.actor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelService;
import org.storeline.core.channel.ChannelSync;
import org.storeline.core.channel.ImportRequest;
import org.storeline.core.channel.Platform;
import org.storeline.core.channel.WebhookInbox;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.web.http.Json;
import org.storeline.web.http.JsonBody;
import org.storeline.web.http.Pages;
import org.storeline.web.http.Responses;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/** Channels: connect one, import orders, read the activity log, retry, see how far behind it is. */
public final class ChannelRoutes implements Routes {
    private final ChannelService channels;
    private final ChannelSync sync;
    private final ActivityLog activity;
    private final WebhookInbox inbox;
    private final Clock clock;

    public ChannelRoutes(
            ChannelService channels, ChannelSync sync, ActivityLog activity, WebhookInbox inbox, Clock clock) {
        this.channels = channels;
        this.sync = sync;
        this.activity = activity;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.post("/api/v1/channels", this::create);
        routes.get(
                "/api/v1/channels",
                ctx -> Responses.ok(ctx, Pages.writeAll(channels.list(actor(ctx)), c -> channel(ctx, c))));
        routes.get(
                "/api/v1/channels/{id}",
                ctx -> Responses.ok(ctx, channel(ctx, channels.get(actor(ctx), channelId(ctx)))));
        routes.patch("/api/v1/channels/{id}", this::update);
        routes.post("/api/v1/channels/{id}/import", this::importOrders);
        routes.get("/api/v1/channels/{id}/activity", this::activity);
        routes.post("/api/v1/channels/{id}/activity/{entry_id}/retry", this::retry);
        routes.get("/api/v1/channels/{id}/health", this::health);
    }

    private void create(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        Map<String, UUID> methods = new HashMap<>();
        body.optionalObject("shipping_method_outlets")
                .ifPresent(m -> m.fieldNames().forEach(name -> methods.put(name, m.id(name))));
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

    /** The contract's fields a PATCH cannot change yet: refused by name rather than ignored as unknown fields are. */
    private static final List<String> NOT_CHANGEABLE_YET =
            List.of("outlet_ids", "register_id", "shipping_method_outlets", "credentials", "webhook_secret");

    private void update(Context ctx) {
        UUID id = channels.get(actor(ctx), channelId(ctx)).id();
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        for (String field : NOT_CHANGEABLE_YET) {
            if (body.has(field)) {
                throw StorelineException.invalid(
                        field + " cannot be changed on a channel yet; PATCH changes name and notifications.");
            }
        }
        for (String field : List.of("platform", "base_url")) {
            if (body.has(field)) {
                throw StorelineException.invalid(
                        field + " cannot be changed: it names the store; connect another store as a new channel.");
            }
        }
        Channel channel = channels.update(
                actor(ctx),
                id,
                new ChannelService.Changes(body.optionalText("name"), body.optionalBoolean("notifications")));
        Responses.ok(ctx, channel(ctx, channel));
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
        Channel channel = channels.get(actor(ctx), channelId(ctx));
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
        Channel channel = channels.get(actor(ctx), channelId(ctx));
        Responses.ok(ctx, Pages.write(activity.list(channel.id(), Pages.request(ctx)), ChannelRoutes::entry));
    }

    private void retry(Context ctx) {
        Channel channel = channels.get(actor(ctx), channelId(ctx));
        UUID entryId = Ids.parse("entry_id", ctx.pathParam("entry_id"));
        ActivityEntry entry = activity.find(channel.id(), entryId)
                .orElseThrow(
                        () -> StorelineException.notFound(ErrorCode.ACTIVITY_NOT_FOUND, "Activity entry", entryId));
        if (entry.retriedAt().isPresent()) {
            throw new StorelineException(
                    ErrorCode.NOT_RETRYABLE,
                    "This entry was already retried at " + entry.retriedAt().get()
                            + "; its outcome is a newer entry in the activity log.");
        }
        if (entry.outcome() != ActivityEntry.Outcome.FAILED || !entry.retryable()) {
            throw new StorelineException(
                    ErrorCode.NOT_RETRYABLE,
                    "Only failed entries that may succeed later can be retried; this one is "
                            + entry.outcome().wireName() + (entry.retryable() ? "" : " and final") + ".");
        }
        ObjectNode node = Json.object();
        node.put("entry_id", entryId.toString());
        node.put("result", sync.retry(channel, entry));
        Responses.ok(ctx, node);
    }

    private void health(Context ctx) {
        Channel channel = channels.get(actor(ctx), channelId(ctx));
        Instant now = clock.instant();
        ObjectNode node = Json.object();
        node.put("channel_id", channel.id().toString());
        node.set("connection", connection(channel));
        inbox.oldestPending(channel.id())
                .ifPresentOrElse(
                        oldest -> {
                            node.put("oldest_pending_at", Json.time(oldest));
                            node.put(
                                    "behind_seconds",
                                    Duration.between(oldest, now).toSeconds());
                        },
                        () -> {
                            node.putNull("oldest_pending_at");
                            node.put("behind_seconds", 0);
                        });
        node.put("failures_last_hour", activity.failuresSince(channel.id(), now.minus(Duration.ofHours(1))));
        node.put("reconciled_until", channel.reconciledUntil().map(Json::time).orElse(null));
        Responses.ok(ctx, node);
    }

    private static UUID channelId(Context ctx) {
        return Ids.parse("id", ctx.pathParam("id"));
    }

    static ObjectNode channel(Context ctx, Channel channel) {
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
        node.put(
                "retryable",
                entry.retryable()
                        && entry.outcome() == ActivityEntry.Outcome.FAILED
                        && entry.retriedAt().isEmpty());
        node.put("retried_at", entry.retriedAt().map(Json::time).orElse(null));
        return node;
    }
}
