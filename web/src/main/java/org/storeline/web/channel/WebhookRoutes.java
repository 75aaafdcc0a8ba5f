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
import org.storeline.channels.api.Connector;
import org.storeline.channels.api.Connectors;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelRepository;
import org.storeline.core.channel.DeliveryStatus;
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
 * bytes first (with the channel's webhook secret, or the one it replaced while that is still valid); a verified
 * delivery is stored durably, and only then acknowledged with 200. All the work (fetching, importing) happens
 * afterwards in the inbox worker, so the answer comes in milliseconds. A delivery to an unlinked channel is verified
 * and kept the same way, but not imported: it is answered 409 {@code channel_unlinked}.
 *
 * <p>Channels are cached for 30 seconds. A change made through this process is seen at once ({@link #forget}); one
 * made through another process is seen at once by a delivery that fails the cached current secret, and by the
 * inbox for an unlinking, so the only lag left is a secret replaced elsewhere with no overlap, accepted at most 30
 * seconds more.
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
        UUID id = channelId(ctx.pathParam("channel_id"));
        Channel channel = channel(id, false);
        byte[] body = DeliveryBody.read(ctx, channel, activity, clock);
        WebhookDelivery delivery = new WebhookDelivery(ctx.headerMap(), query(ctx), body);
        Checked checked = verify(channel, delivery);
        if (!checked.byCurrentSecret()) {
            // A cached channel may predate a change of its webhook secret (made by another process): a delivery
            // refused, or signed with the secret replaced, is checked once more against the stored channel.
            channel = channel(id, true);
            checked = verify(channel, delivery);
        }
        Verification verdict = checked.verdict();
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
            case PING -> {
                if (!channel.isLinked()) {
                    throw unlinked(channel, "Nothing was stored.");
                }
                answer.put("status", "ok").put("detail", verdict.reason());
            }
            case VALID -> {
                UUID deliveryId = Ids.newId();
                DeliveryStatus stored = inbox.store(new StoredDelivery(
                        deliveryId, channel.id(), clock.instant(), delivery.headers(), delivery.query(), body, 0));
                if (stored != DeliveryStatus.PENDING) {
                    keptUnlinked(channel, deliveryId);
                }
                wakeWorker.run();
                answer.put("status", "accepted").put("delivery_id", deliveryId.toString());
            }
        }
        Responses.ok(ctx, answer);
    }

    /** A verdict, and whether the channel's current secret gave it (rather than the one it replaced, or none). */
    private record Checked(Verification verdict, boolean byCurrentSecret) {}

    /**
     * The verdict of the first secret the delivery is signed with: the current one, then the one it replaced while its
     * window lasts. When none matches, the current secret's verdict says why.
     */
    private Checked verify(Channel channel, WebhookDelivery delivery) {
        Connector connector = connectors.of(channel.platform());
        List<String> secrets = channel.webhookSecretsAt(clock.instant());
        Verification first = connector.verify(delivery, Connectors.connection(channel, secrets.get(0)));
        if (first.outcome() != Verification.Outcome.INVALID) {
            return new Checked(first, true);
        }
        for (String previous : secrets.subList(1, secrets.size())) {
            Verification verdict = connector.verify(delivery, Connectors.connection(channel, previous));
            if (verdict.outcome() != Verification.Outcome.INVALID) {
                return new Checked(verdict, false);
            }
        }
        return new Checked(first, false);
    }

    /** A channel changed here (its secret, its unlinking): the next delivery reads it again. */
    public void forget(UUID channelId) {
        cache.remove(channelId);
    }

    /** A verified delivery to an unlinked channel: kept in the inbox (never dropped), logged, answered 409. */
    private void keptUnlinked(Channel stale, UUID deliveryId) {
        Channel channel = channel(stale.id(), true);
        activity.record(List.of(ActivityEntry.of(
                channel.id(),
                clock.instant(),
                ActivityEntry.Kind.DELIVERY,
                ActivityEntry.Outcome.REJECTED,
                Optional.empty(),
                Optional.of(deliveryId),
                Optional.empty(),
                "kept, not imported: the channel is unlinked. Link the store again and import its orders (the new"
                        + " channel recognises what this one imported).",
                false)));
        throw unlinked(channel, "The delivery is kept as " + deliveryId + " but not imported.");
    }

    private static StorelineException unlinked(Channel channel, String what) {
        return new StorelineException(
                ErrorCode.CHANNEL_UNLINKED,
                "Channel " + channel.id() + " was unlinked"
                        + channel.unlinkedAt().map(at -> " at " + at).orElse("")
                        + " and receives no more orders. " + what
                        + " Link the store again as a new channel to receive its orders.");
    }

    private static UUID channelId(String idText) {
        try {
            return Ids.parse("channel_id", idText);
        } catch (StorelineException notAnId) {
            throw StorelineException.notFound(ErrorCode.CHANNEL_NOT_FOUND, "Channel", idText);
        }
    }

    /** The channel, from a cache of 30 seconds unless {@code fresh}. */
    private Channel channel(UUID id, boolean fresh) {
        Instant now = clock.instant();
        CachedChannel cached = cache.get(id);
        if (!fresh && cached != null && cached.until().isAfter(now)) {
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
