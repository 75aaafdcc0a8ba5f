package org.storeline.web.event;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.storeline.core.event.LiveEvent;
import org.storeline.core.event.LiveEvents;
import org.storeline.core.user.Actor;
import org.storeline.web.fulfillment.FulfillmentRoutes;
import org.storeline.web.http.Json;
import org.storeline.web.notification.NotificationRoutes;

/**
 * One client's stream, written by the request's own (virtual) thread: first what the client missed, read from the
 * outbox for the user's outlets; then what the process's reader ({@link EventHub}) hands it, of which it writes what
 * the user may see. Positions already sent are never sent again, so the two ways can overlap but never leave a gap.
 * A stream that falls behind (its queue full: a slow client) drops its queue and reads the outbox again from where it
 * is, so a slow client never holds up the reader or the others.
 */
final class EventStream implements AutoCloseable {
    /** A comment this often keeps proxies from closing an idle connection. */
    static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(15);
    /** The user's token and outlets are looked up again this often: a revoked token ends the stream. */
    static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(60);

    private static final int QUEUE = 64;

    /** What the reader hands every stream: the events it read, and the position it read up to. */
    record Delivery(List<Outgoing> events, long upTo) {}

    /** An event with its JSON when it is the same for every user (a fulfillment), rendered once for all streams. */
    record Outgoing(LiveEvent event, Optional<byte[]> json) {}

    private static final Delivery END = new Delivery(List.of(), -1);

    private final LiveEvents live;
    private final Supplier<Optional<Actor>> recheck;
    private final Consumer<EventStream> onClose;
    private final BlockingQueue<Delivery> queue = new ArrayBlockingQueue<>(QUEUE);
    private volatile Actor actor;
    private volatile boolean lagging = true;
    private volatile boolean ended;
    /** The position this stream has passed: every event up to it was written, or is not the user's to see. */
    private long sent;
    /** The last id the client was given (an event's, or a heartbeat's). */
    private long written;

    EventStream(LiveEvents live, Actor actor, Supplier<Optional<Actor>> recheck, Consumer<EventStream> onClose) {
        this.live = live;
        this.actor = actor;
        this.recheck = recheck;
        this.onClose = onClose;
    }

    Actor actor() {
        return actor;
    }

    /** From the reader's thread; never blocks. A full queue sends the stream back to the outbox. */
    void offer(Delivery delivery) {
        if (!lagging && !queue.offer(delivery)) {
            lagging = true;
        }
    }

    /** The server is stopping: the stream ends after what it is writing. */
    void end() {
        ended = true;
        queue.offer(END);
    }

    @Override
    public void close() {
        onClose.accept(this);
    }

    /** Writes events until the client goes (an IOException), the server stops, or the user's token stops working. */
    void run(LiveEvents.Start start, SseOutput out) throws IOException, InterruptedException {
        sent = start.position();
        written = sent;
        out.retry(3_000);
        out.comment("connected", sent);
        if (start instanceof LiveEvents.Reset reset) {
            out.event(reset.position(), "reset", Json.write(Json.object().put("reason", reset.reason())));
        }
        out.flush();
        long heartbeatAt = System.nanoTime() + HEARTBEAT_NANOS;
        long recheckAt = System.nanoTime() + RECHECK_NANOS;
        while (!ended) {
            if (lagging) {
                catchUp(out);
            }
            long now = System.nanoTime();
            if (now - recheckAt >= 0) {
                Optional<Actor> current = recheck.get();
                if (current.isEmpty()) {
                    return;
                }
                actor = current.get();
                recheckAt = now + RECHECK_NANOS;
            }
            if (now - heartbeatAt >= 0) {
                out.comment("heartbeat", sent > written ? sent : 0);
                out.flush();
                written = Math.max(written, sent);
                heartbeatAt = now + HEARTBEAT_NANOS;
            }
            Delivery delivery = queue.poll(Math.min(heartbeatAt, recheckAt) - now, TimeUnit.NANOSECONDS);
            if (delivery == null || delivery == END) {
                continue;
            }
            boolean wrote = false;
            for (Outgoing outgoing : delivery.events()) {
                LiveEvent event = outgoing.event();
                if (event.position() > sent && actor.canSee(event.outletId())) {
                    write(event, outgoing.json(), out);
                    wrote = true;
                }
            }
            sent = Math.max(sent, delivery.upTo());
            if (wrote) {
                out.flush();
                heartbeatAt = System.nanoTime() + HEARTBEAT_NANOS;
            }
        }
    }

    /**
     * Everything the user may see after {@code sent}, read from the outbox: at the start, and whenever the stream fell
     * behind.
     */
    private void catchUp(SseOutput out) throws IOException {
        // Deliveries offered from here on are kept; the outbox has everything before.
        lagging = false;
        queue.clear();
        long position = sent;
        while (true) {
            long head = live.head();
            LiveEvents.Batch batch = live.visibleAfter(actor, position, EventHub.BATCH);
            for (LiveEvent event : batch.events()) {
                write(event, Optional.empty(), out);
            }
            out.flush();
            if (!batch.full()) {
                // Every event up to the head read before this query was committed, so it was in the answer if the
                // user may see it: the stream has passed it.
                sent = Math.max(sent, Math.max(batch.upTo(), head));
                return;
            }
            position = batch.upTo();
        }
    }

    private void write(LiveEvent event, Optional<byte[]> rendered, SseOutput out) throws IOException {
        written = event.position();
        switch (event) {
            case LiveEvent.FulfillmentNow f ->
                out.event(f.position(), "fulfillment", rendered.orElseGet(() -> render(f)));
            case LiveEvent.NotificationRaised n ->
                out.event(
                        n.position(), "notification", Json.write(NotificationRoutes.notification(n.seenBy(userId()))));
        }
    }

    private UUID userId() {
        return actor.userId();
    }

    /** The fulfillment as its endpoints answer it. */
    static byte[] render(LiveEvent.FulfillmentNow f) {
        return Json.write(FulfillmentRoutes.fulfillment(f.fulfillment(), f.sale(), f.customer()));
    }
}
