package org.storeline.core.sale;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;

/** Port: sales with their lines and payments. */
public interface SaleRepository {
    /** Inserts a new sale with its lines and payments. */
    void insert(Sale sale);

    /** Inserts new sales with their lines and payments, in bulk. */
    void insertAll(List<Sale> sales);

    Optional<Sale> findById(UUID id);

    /** The sales of these ids that exist, in no particular order: a page's sales read together, not one by one. */
    List<Sale> findByIds(Collection<UUID> ids);

    /** Loads a sale and locks it until the transaction ends, so that concurrent payments see each other. */
    Optional<Sale> findByIdForUpdate(UUID id);

    /**
     * How many units of each of the sale's lines its returns gave back, by line id (lines never returned are
     * absent). Read with the sale locked, it counts every return committed before.
     */
    Map<UUID, Long> returnedQuantities(UUID saleId);

    /** Persists what changed on an existing sale: status, note and payments not yet stored. */
    void update(Sale sale);

    /** Sales matching the filter, newest first, restricted to {@code visibleOutlets} when present. */
    Page<Sale> list(SaleFilter filter, Optional<Collection<UUID>> visibleOutlets, PageRequest page);
}
