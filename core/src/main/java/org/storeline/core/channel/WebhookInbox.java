package org.storeline.core.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the durable inbox of webhook deliveries. A delivery is stored before it is acknowledged, then
 * claimed by a worker with a lease ({@code FOR UPDATE SKIP LOCKED}): several server processes share the
 * work, and the rows of a worker that died are taken over once its lease runs out.
 */
public interface WebhookInbox {
    /**
     * Stores a verified delivery durably: {@code pending}, queued for the worker; or, when its channel is unlinked,
     * {@code failed} with the reason, kept and never imported (a delivery is never dropped).
     */
    DeliveryStatus store(StoredDelivery delivery);

    /** Claims up to {@code limit} deliveries that are due, for {@code lease}. */
    List<StoredDelivery> claim(int limit, Duration lease, Instant now);

    /** Marks deliveries finished: imported or logged ({@code done}) or not about orders ({@code ignored}). */
    void finish(List<Finished> finished, Instant at);

    /** Puts a delivery back to be tried again at {@code retryAt}, or gives up on it ({@code retryAt} empty). */
    void fail(UUID deliveryId, String error, Optional<Instant> retryAt);

    Optional<StoredDelivery> find(UUID deliveryId);

    /** Makes a failed delivery due again now (the retry button). */
    void requeue(UUID deliveryId, Instant now);

    /** The oldest delivery still waiting to be processed for a channel. */
    Optional<Instant> oldestPending(UUID channelId);

    record Finished(UUID deliveryId, boolean ignored, Optional<String> externalOrderId) {}
}
