package org.storeline.simulators;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers a store's webhooks one at a time, in the order they were made, to the address registered. A delivery that
 * does not get a 2xx (or cannot go: no address yet, the store offline, Storeline down) waits and goes again, as the
 * platforms' retries do.
 */
final class WebhookSender implements AutoCloseable {
    private final StoreSimulator store;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final Deque<StoreSimulator.Delivery> queue = new ArrayDeque<>();
    private volatile URI target;

    WebhookSender(StoreSimulator store, Duration retry) {
        this.store = store;
        thread.scheduleWithFixedDelay(this::flush, retry.toMillis(), retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    void target(URI webhookUrl) {
        this.target = webhookUrl;
        thread.execute(this::flush);
    }

    void send(StoreSimulator.Delivery delivery) {
        synchronized (queue) {
            queue.addLast(delivery);
        }
        thread.execute(this::flush);
    }

    int pending() {
        synchronized (queue) {
            return queue.size();
        }
    }

    private void flush() {
        while (true) {
            StoreSimulator.Delivery next;
            synchronized (queue) {
                next = queue.peekFirst();
            }
            if (next == null || target == null || store.offline() || !deliver(next)) {
                return;
            }
            synchronized (queue) {
                queue.pollFirst();
            }
        }
    }

    private boolean deliver(StoreSimulator.Delivery delivery) {
        URI uri = URI.create(target + (delivery.query().isEmpty() ? "" : "?" + delivery.query()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().forEach(request::header);
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            store.recordSent(delivery, status);
            // A refusal (a 4xx other than 429) will not change by sending it again: the platform gives up on it.
            return status / 100 == 2 || (status / 100 == 4 && status != 429 && status != 408);
        } catch (IOException e) {
            store.recordSent(delivery, 0);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
