package org.storeline.web.event;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.event.LiveEvent;
import org.storeline.core.event.LiveEvents;
import org.storeline.core.event.OutboxSignal;
import org.storeline.core.user.Actor;

/**
 * The one reader of the outbox in this process, for all of its event streams: it reads each event once, with what it
 * is about, and hands it to every stream; a stream writes what its user may see. Polled every {@link #POLL}, and woken
 * sooner by the database's notification when an event is published (by any process on the database). It keeps only a
 * cursor: every stream can always fall back to reading the outbox itself ({@link EventStream}), so nothing is lost
 * when a stream is slow or the reader restarts.
 *
 * <p>Why one reader: each stream reading the outbox every second would make a thousand idle streams a thousand
 * queries a second, and each change be read, with its fulfillment, sale and customer, once per stream.
 */
public final class EventHub implements AutoCloseable {
    /** How often the outbox is read when no notification wakes the reader earlier. */
    public static final Duration POLL = Duration.ofSeconds(1);
    /** How many streams one process serves at most; beyond, a new stream is refused (503, too_many_streams). */
    public static final int MAX_STREAMS = 1_000;

    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private final LiveEvents live;
    private final OutboxSignal signal;
    private final int maxStreams;
    private final Semaphore permits;
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile Thread reader;
    private long cursor;

    public EventHub(LiveEvents live, OutboxSignal signal, int maxStreams) {
        this.live = live;
        this.signal = signal;
        this.maxStreams = maxStreams;
        this.permits = new Semaphore(maxStreams);
    }

    public EventHub start() {
        running = true;
        reader = Thread.ofPlatform().daemon().name("storeline-events").start(this::run);
        return this;
    }

    /**
     * A new stream for this user, served by this hub until it is closed; refused when the process serves
     * {@link #MAX_STREAMS} already. {@code recheck} finds the user again (permissions change; tokens are revoked).
     */
    EventStream open(Actor actor, Supplier<Optional<Actor>> recheck) {
        if (!running || !permits.tryAcquire()) {
            throw new StorelineException(
                    ErrorCode.TOO_MANY_STREAMS,
                    "This server is serving " + maxStreams + " event streams, its most; reconnect in a few seconds.");
        }
        EventStream stream = new EventStream(live, actor, recheck, this::closed);
        streams.add(stream);
        return stream;
    }

    private void closed(EventStream stream) {
        if (streams.remove(stream)) {
            permits.release();
        }
    }

    /** How many streams are open now. */
    public int openStreams() {
        return streams.size();
    }

    private void run() {
        cursor = live.head();
        while (running) {
            try {
                readAvailable();
                signal.await(POLL);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Reading the outbox for the event streams failed; trying again", e);
                if (!pause()) {
                    return;
                }
            }
        }
    }

    /** Reads and hands out every event there is, a batch at a time. */
    private void readAvailable() {
        if (streams.isEmpty()) {
            // Nobody to tell: skip to the end without reading. The head is read first, so a stream opened
            // meanwhile finds, when it catches up, everything up to here.
            long head = live.head();
            if (streams.isEmpty()) {
                cursor = head;
                return;
            }
        }
        LiveEvents.Batch batch;
        do {
            // The outlets streams want are asked after the events are read, and the streams are handed them after:
            // a stream opened before the read gets them from here, one opened after reads them itself.
            batch = live.next(cursor, BATCH, new Wanted(streams));
            if (batch.upTo() > cursor) {
                EventStream.Delivery delivery = new EventStream.Delivery(
                        batch.events().stream().map(EventHub::outgoing).toList(), batch.upTo());
                streams.forEach(stream -> stream.offer(delivery));
                cursor = batch.upTo();
            }
        } while (batch.full() && running);
    }

    /** A fulfillment is rendered here once for every stream; a notification is rendered per user (read or not). */
    private static EventStream.Outgoing outgoing(LiveEvent event) {
        return new EventStream.Outgoing(
                event,
                event instanceof LiveEvent.FulfillmentNow f ? Optional.of(EventStream.render(f)) : Optional.empty());
    }

    private boolean pause() {
        try {
            Thread.sleep(POLL.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops reading and ends every stream (their clients reconnect elsewhere, or here after a restart). */
    @Override
    public void close() {
        running = false;
        streams.forEach(EventStream::end);
        Thread thread = reader;
        if (thread != null) {
            try {
                // It stops within a poll; interrupted in a query, it would break a pooled connection.
                if (!thread.join(POLL.plusSeconds(1))) {
                    thread.interrupt();
                    thread.join(Duration.ofSeconds(5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        signal.close();
    }

    /** The outlets some stream may see, worked out once per batch when first asked. */
    private static final class Wanted implements Predicate<UUID> {
        private final Set<EventStream> streams;
        private boolean everyOutlet;
        private Set<UUID> outlets;

        Wanted(Set<EventStream> streams) {
            this.streams = streams;
        }

        @Override
        public boolean test(UUID outlet) {
            if (outlets == null) {
                outlets = ConcurrentHashMap.newKeySet();
                for (EventStream stream : streams) {
                    Actor actor = stream.actor();
                    everyOutlet |= actor.role().seesEveryOutlet();
                    outlets.addAll(actor.outletIds());
                }
            }
            return everyOutlet || outlets.contains(outlet);
        }
    }
}
