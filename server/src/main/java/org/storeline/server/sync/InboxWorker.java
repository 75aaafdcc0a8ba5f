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
 * Works through the inbox: claims due deliveries in batches and hands them to the processor. Wakes when a
 * delivery arrives ({@link #wake()}) and lets more gather for 100 ms; otherwise it looks every half second,
 * which is also how it takes over the rows of a worker whose lease ran out.
 */
public final class InboxWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);
    private static final Duration LINGER = Duration.ofMillis(100);

    private final WebhookInbox inbox;
    private final DeliveryProcessor processor;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running = true;
    private volatile boolean paused;
    private final Thread thread;

    public InboxWorker(WebhookInbox inbox, DeliveryProcessor processor, Clock clock, int batchSize, Duration lease) {
        this.inbox = inbox;
        this.processor = processor;
        this.clock = clock;
        this.batchSize = batchSize;
        this.lease = lease;
        this.thread =
                Thread.ofPlatform().name("storeline-inbox-worker").daemon().unstarted(this::loop);
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

    /** Stops taking new work (what is in hand is finished); deliveries keep arriving and wait in the inbox. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        wake();
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
                if (paused || drainOnce() < batchSize) {
                    signal.tryAcquire(500, TimeUnit.MILLISECONDS);
                    // Let deliveries gather for a moment: one batch of 30 costs far less than 30 batches of one,
                    // which leaves the CPU to acknowledge the next deliveries quickly.
                    Thread.sleep(LINGER.toMillis());
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
