package org.storeline.core.orderimport;

import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.catalog.Product;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.payment.PaymentType;

/**
 * Port: the bookkeeping that makes imports exactly-once, and the look-ups the import needs in bulk. Imported orders and
 * product links are kept per store ({@link org.storeline.core.channel.Channel#storeId()}), not per channel, so that a
 * store linked again after an unlink recognises what its earlier channel imported (SOR-5).
 */
public interface OrderImportRepository {
    Map<String, ImportedOrder> findImported(UUID storeId, Collection<String> externalOrderIds);

    /**
     * Claims platform orders for new sales of a channel: inserts (store, external id) keys and answers those it
     * inserted. A key already taken (by an earlier import, a concurrent one that committed first, or an earlier
     * channel of the same store) is left alone, so an order can never become two sales.
     */
    Set<String> claim(UUID storeId, UUID channelId, List<ImportedOrder> claims, Instant at);

    /** Remembers a newer platform version of an imported order (its changes are logged, not applied). */
    void recordVersion(UUID storeId, String externalOrderId, Instant platformUpdatedAt, String platformStatus);

    /** Products already linked to the platform's product/variant keys in this store. */
    Map<String, UUID> productLinks(UUID storeId, Collection<String> platformKeys);

    /** Remembers products matched in this store, by the channel that matched them; a key linked already stays. */
    void linkProducts(UUID storeId, UUID channelId, Map<String, UUID> links);

    /** The shipping fee product for a currency, created on first need (ORD-4). */
    Product shippingFeeProduct(Currency currency, Instant at);

    /** The payment type of a platform payment method, created on first need. */
    PaymentType paymentType(String name, PaymentKind kind, Optional<String> processor, Instant at);
}
