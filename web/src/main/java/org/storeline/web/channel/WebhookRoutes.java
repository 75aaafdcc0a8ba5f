package org.storeline.web.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.storeline.channels.api.Connectors;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelRepository;
import org.storeline.core.channel.StoredDelivery;
import org.storeline.core.channel.WebhookInbox;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.web.http.Json;
import org.storeline.web.http.Responses;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/**
 * {@code POST /webhooks/{channel_id}}: the platforms' deliveries. The signature is checked on the raw
 * bytes first; a verified delivery is stored durably, and only then acknowledged with 200. All the work
 * (fetching, importing) happens afterwards in the inbox worker, so the answer comes in milliseconds.
 */
public final class WebhookRoutes implements Routes {
    private static final Duration CHANNEL_CACHE = Duration.ofSeconds(30);

    private final ChannelRepository channels;
    private final Connectors connectors;
    private final WebhookInbox inbox;
    private final ActivityLog activity;
    private final Runnable wakeWorker;
    private final Clock clock;
    private final Map<UUID, CachedChannel> cache = new ConcurrentHashMap<>();

    private record CachedChannel(Channel channel, Instant until) {}

    public WebhookRoutes(
            ChannelRepository channels,
            Connectors connectors,
            WebhookInbox inbox,
            ActivityLog activity,
            Runnable wakeWorker,
            Clock clock) {
        this.channels = channels;
        this.connectors = connectors;
        this.inbox = inbox;
        this.activity = activity;
        this.wakeWorker = wakeWorker;
        this.clock = clock;
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.post("/webhooks/{channel_id}", this::receive);
    }

    private void receive(Context ctx) {
        Channel channel = channel(ctx.pathParam("channel_id"));
        byte[] body = DeliveryBody.read(ctx, channel, activity, clock);
        WebhookDelivery delivery = new WebhookDelivery(ctx.headerMap(), query(ctx), body);
        Verification verdict = connectors.of(channel.platform()).verify(delivery, Connectors.connection(channel));
        ObjectNode answer = Json.object();
        switch (verdict.outcome()) {
            case INVALID -> {
                activity.record(List.of(ActivityEntry.of(
                        channel.id(),
                        clock.instant(),
                        ActivityEntry.Kind.DELIVERY,
                        ActivityEntry.Outcome.REJECTED,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        "signature check failed: " + verdict.reason(),
                        false)));
                throw new StorelineException(
                        ErrorCode.INVALID_SIGNATURE,
                        "The delivery's signature does not match this channel's webhook secret: " + verdict.reason());
            }
            case PING -> answer.put("status", "ok").put("detail", verdict.reason());
            case VALID -> {
                UUID id = Ids.newId();
                inbox.store(new StoredDelivery(
                        id, channel.id(), clock.instant(), delivery.headers(), delivery.query(), body, 0));
                wakeWorker.run();
                answer.put("status", "accepted").put("delivery_id", id.toString());
            }
        }
        Responses.ok(ctx, answer);
    }

    private Channel channel(String idText) {
        UUID id;
        try {
            id = Ids.parse("channel_id", idText);
        } catch (StorelineException notAnId) {
            throw StorelineException.notFound(ErrorCode.CHANNEL_NOT_FOUND, "Channel", idText);
        }
        Instant now = clock.instant();
        CachedChannel cached = cache.get(id);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.channel();
        }
        Channel channel = channels.findById(id)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.CHANNEL_NOT_FOUND, "Channel", id));
        cache.put(id, new CachedChannel(channel, now.plus(CHANNEL_CACHE)));
        return channel;
    }

    private static Map<String, String> query(Context ctx) {
        Map<String, String> query = new HashMap<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        return query;
    }
}
