package org.storeline.web.event;

import static org.storeline.web.security.Authentication.actor;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storeline.core.error.StorelineException;
import org.storeline.core.event.LiveEvents;
import org.storeline.core.user.Actor;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;
import org.storeline.web.security.Authentication;

/**
 * {@code GET /api/v1/events}: server-sent events of the fulfillments and notifications at the caller's outlets, each
 * with its position in the outbox as {@code id:}, so that a client that reconnects with {@code Last-Event-ID} (as
 * browsers' EventSource does by itself) gets exactly what it missed, from any server process on the database.
 */
public final class EventRoutes implements Routes {
    private static final Logger LOG = LoggerFactory.getLogger(EventRoutes.class);

    private final EventHub hub;
    private final LiveEvents live;
    private final Authentication authentication;

    public EventRoutes(EventHub hub, LiveEvents live, Authentication authentication) {
        this.hub = hub;
        this.live = live;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.get("/api/v1/events", this::stream);
    }

    private void stream(Context ctx) throws InterruptedException {
        serve(ctx, actor(ctx), () -> authentication.recheck(ctx));
    }

    /**
     * Streams the events {@code actor} may see on this request until the client goes; {@code recheck} finds the user
     * again from time to time (an empty answer ends the stream). The web app's pages listen through this too.
     */
    public void serve(Context ctx, Actor actor, Supplier<Optional<Actor>> recheck) throws InterruptedException {
        Optional<Long> lastEventId = lastEventId(ctx);
        // Opened before the start is read: what happens in between reaches the stream one way or the other.
        try (EventStream stream = hub.open(actor, recheck)) {
            LiveEvents.Start start = live.start(lastEventId);
            ctx.status(200);
            ctx.res().setContentType("text/event-stream;charset=utf-8");
            ctx.res().setHeader("Cache-Control", "no-cache");
            // Proxies (nginx) that buffer answers would hold the events back.
            ctx.res().setHeader("X-Accel-Buffering", "no");
            stream.run(start, new SseOutput(ctx.res().getOutputStream()));
        } catch (IOException clientGone) {
            // The client closed the connection: nothing to answer.
        } catch (RuntimeException e) {
            if (!ctx.res().isCommitted()) {
                throw e;
            }
            // The stream had begun (the database went away, say): end it; the client reconnects with its last id.
            LOG.warn("An event stream ended on an error: {}", e.toString());
        }
    }

    private static Optional<Long> lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            throw StorelineException.invalid(
                    "Last-Event-ID must be the id of an event this stream sent (a whole number); got '" + header
                            + "'.");
        }
    }
}
