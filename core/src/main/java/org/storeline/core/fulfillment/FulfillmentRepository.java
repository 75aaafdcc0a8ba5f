package org.storeline.core.fulfillment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;

/** Port: fulfillments with their items, notes and tracking. */
public interface FulfillmentRepository {
    void insertAll(List<Fulfillment> fulfillments);

    Optional<Fulfillment> findById(UUID id);

    /** Where a fulfillment belongs: its sale and its outlet. */
    record Placement(UUID saleId, UUID outletId) {}

    /**
     * The fulfillment's sale and outlet alone, without its items and notes: enough to check the actor and to lock the
     * sale before the fulfillment is loaded for a change.
     */
    Optional<Placement> findPlacement(UUID id);

    /** Loads a fulfillment and locks it until the transaction ends (its sale is locked first). */
    Optional<Fulfillment> findByIdForUpdate(UUID id);
    /** Fulfillments by id, in no particular order (an unknown id is left out). */
    List<Fulfillment> findByIds(Collection<UUID> ids);

    /** The fulfillments of one sale, oldest first. */
    List<Fulfillment> findBySale(UUID saleId);

    /** The fulfillments of one sale, oldest first, locked until the transaction ends (the sale is locked first). */
    List<Fulfillment> findBySaleForUpdate(UUID saleId);

    /** Persists the new status of these fulfillments. */
    void updateStatuses(Collection<Fulfillment> fulfillments);

    /** Persists what changed on a fulfillment: status, assignee, tracking, picked quantities and new notes. */
    void save(Fulfillment fulfillment);

    /** The fulfillment ids of each of these sales (a sale with none is absent), in one look-up. */
    Map<UUID, List<UUID>> idsBySale(Collection<UUID> saleIds);

    /**
     * The filters of {@code GET /api/v1/fulfillments}; the list is oldest first (by when the order was placed).
     * {@code receiptNumber} is a scanned packing slip's barcode.
     */
    record Filter(
            Optional<UUID> outletId,
            Optional<UUID> saleId,
            Optional<FulfillmentType> type,
            Set<FulfillmentStatus> statuses,
            Optional<UUID> channelId,
            Optional<UUID> assignedUserId,
            Optional<String> receiptNumber) {

        public Filter(
                Optional<UUID> outletId,
                Optional<UUID> saleId,
                Optional<FulfillmentType> type,
                Set<FulfillmentStatus> statuses) {
            this(outletId, saleId, type, statuses, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    Page<Fulfillment> list(Filter filter, Optional<Collection<UUID>> visibleOutlets, PageRequest page);

    /**
     * How many fulfillments each status has among those {@code filter} selects, whatever its statuses (the tabs of the
     * Fulfillments page count every incomplete status at once); a status with none is absent.
     */
    Map<FulfillmentStatus, Long> countByStatus(Filter filter, Optional<Collection<UUID>> visibleOutlets);
}
