package org.storeline.core.statussync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.channel.OrderProgress;

/**
 * Port: the state the newest version of each imported order reports (for platforms whose status changes are taken
 * in), kept with the order's import key until it is applied to the sale. Recording it and applying it are two
 * transactions; between them it is due, and durable.
 */
public interface StatusSyncRepository {
    /**
     * In the import's transaction, once the version is recorded as the order's newest: what it reports, due to be
     * applied. Does nothing when a newer version than {@code platformUpdatedAt} is recorded already.
     *
     * @param paymentTypeId the type a payment it reports is recorded with (the import's for its method)
     * @param deliveryId    the webhook delivery it came with, if any, for the activity log
     */
    void recordDue(
            UUID channelId,
            String externalOrderId,
            Instant platformUpdatedAt,
            OrderProgress progress,
            Optional<UUID> paymentTypeId,
            Optional<UUID> deliveryId);

    /**
     * Locks the order's import row until the transaction ends and answers what is due on it; empty when nothing is
     * (another process applied it first). The row is locked before its sale: the order every applier follows.
     */
    Optional<Due> lockDue(UUID channelId, String externalOrderId);

    /** The state is applied (the caller holds the row's lock). */
    void markApplied(UUID channelId, String externalOrderId);

    /** Up to {@code limit} orders of the channel still due, the oldest version first. */
    List<String> dueOrders(UUID channelId, int limit);

    /** A version's state waiting to be applied to its sale. */
    record Due(
            String externalOrderId,
            UUID saleId,
            Instant platformUpdatedAt,
            String platformStatus,
            OrderProgress progress,
            Optional<UUID> paymentTypeId,
            Optional<UUID> deliveryId) {}
}
