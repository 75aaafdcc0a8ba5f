package org.storeline.server.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storeline.core.channel.StoredDelivery;
import org.storeline.core.channel.WebhookInbox;

/**
 * Works through the inbox: claims due deliveries in batches and hands them to the processor. Wakes at once
 * when a delivery arrives ({@link #wake()}), and otherwise looks every half second, which is also how it
 * takes over the rows of a worker whose lease ran out.
 */
public final class InboxWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);

    private final WebhookInbox inbox;
    private final DeliveryProcessor processor;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running = true;
    private final Thread thread;

    public InboxWorker(WebhookInbox inbox, DeliveryProcessor processor, Clock clock, int batchSize, Duration lease) {
        this.inbox = inbox;
        this.processor = processor;
        this.clock = clock;
        this.batchSize = batchSize;
        this.lease = lease;
        this.thread = Thread.ofPlatform().name("storeline-inbox-worker").daemon().unstarted(this::loop);
    }

    public InboxWorker start() {
        thread.start();
        return this;
    }

    /** A delivery was stored: look now rather than at the next tick. */
    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Processes what is due now, on the caller's thread; answers how many deliveries it took. */
    public int drainOnce() {
        List<StoredDelivery> batch = inbox.claim(batchSize, lease, clock.instant());
        if (!batch.isEmpty()) {
            processor.process(batch);
        }
        return batch.size();
    }

    private void loop() {
        while (running) {
            try {
                if (drainOnce() < batchSize) {
                    signal.tryAcquire(500, TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("The inbox worker failed; it carries on in a second", e);
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
