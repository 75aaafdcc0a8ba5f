package org.storeline.db.orderimport;

import static org.storeline.db.jooq.Tables.CHANNEL_ORDER;
import static org.storeline.db.jooq.Tables.CHANNEL_PRODUCT_LINK;
import static org.storeline.db.jooq.Tables.PAYMENT_TYPE;
import static org.storeline.db.jooq.Tables.PRODUCT;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.storeline.core.catalog.Product;
import org.storeline.core.catalog.ProductRepository;
import org.storeline.core.ids.Ids;
import org.storeline.core.orderimport.ImportedOrder;
import org.storeline.core.orderimport.OrderImportRepository;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.payment.PaymentTypeRepository;

public final class JooqOrderImportRepository implements OrderImportRepository {
    static final String SHIPPING_FEE_SKU = "SHIPPING-FEE-";

    private final DSLContext dsl;
    private final ProductRepository products;
    private final PaymentTypeRepository paymentTypes;

    public JooqOrderImportRepository(DSLContext dsl, ProductRepository products, PaymentTypeRepository paymentTypes) {
        this.dsl = dsl;
        this.products = products;
        this.paymentTypes = paymentTypes;
    }

    @Override
    public Map<String, ImportedOrder> findImported(UUID storeId, Collection<String> externalOrderIds) {
        Map<String, ImportedOrder> found = new HashMap<>();
        if (externalOrderIds.isEmpty()) {
            return found;
        }
        dsl.selectFrom(CHANNEL_ORDER)
                .where(CHANNEL_ORDER.STORE_ID.eq(storeId).and(CHANNEL_ORDER.EXTERNAL_ORDER_ID.in(externalOrderIds)))
                .forEach(r -> found.put(
                        r.getExternalOrderId(),
                        new ImportedOrder(
                                r.getExternalOrderId(),
                                r.getSaleId(),
                                r.getPlatformUpdatedAt().toInstant(),
                                r.getPlatformStatus())));
        return found;
    }

    /** One multi-row INSERT ... ON CONFLICT DO NOTHING RETURNING: the keys it answers are ours. */
    @Override
    public Set<String> claim(UUID storeId, UUID channelId, List<ImportedOrder> claims, Instant at) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        var insert = dsl.insertInto(
                CHANNEL_ORDER,
                CHANNEL_ORDER.STORE_ID,
                CHANNEL_ORDER.CHANNEL_ID,
                CHANNEL_ORDER.EXTERNAL_ORDER_ID,
                CHANNEL_ORDER.SALE_ID,
                CHANNEL_ORDER.PLATFORM_UPDATED_AT,
                CHANNEL_ORDER.PLATFORM_STATUS,
                CHANNEL_ORDER.IMPORTED_AT);
        for (ImportedOrder claim : claims) {
            insert = insert.values(
                    storeId,
                    channelId,
                    claim.externalOrderId(),
                    claim.saleId(),
                    toDb(claim.platformUpdatedAt()),
                    claim.platformStatus(),
                    toDb(at));
        }
        return new HashSet<>(insert.onConflictDoNothing()
                .returning(CHANNEL_ORDER.EXTERNAL_ORDER_ID)
                .fetch(CHANNEL_ORDER.EXTERNAL_ORDER_ID));
    }

    @Override
    public void recordVersion(UUID storeId, String externalOrderId, Instant platformUpdatedAt, String platformStatus) {
        dsl.update(CHANNEL_ORDER)
                .set(CHANNEL_ORDER.PLATFORM_UPDATED_AT, toDb(platformUpdatedAt))
                .set(CHANNEL_ORDER.PLATFORM_STATUS, platformStatus)
                .where(CHANNEL_ORDER.STORE_ID.eq(storeId).and(CHANNEL_ORDER.EXTERNAL_ORDER_ID.eq(externalOrderId)))
                .and(CHANNEL_ORDER.PLATFORM_UPDATED_AT.lt(toDb(platformUpdatedAt)))
                .execute();
    }

    @Override
    public Map<String, UUID> productLinks(UUID storeId, Collection<String> platformKeys) {
        Map<String, UUID> links = new HashMap<>();
        if (platformKeys.isEmpty()) {
            return links;
        }
        dsl.selectFrom(CHANNEL_PRODUCT_LINK)
                .where(CHANNEL_PRODUCT_LINK
                        .STORE_ID
                        .eq(storeId)
                        .and(CHANNEL_PRODUCT_LINK.PLATFORM_KEY.in(platformKeys)))
                .forEach(r -> links.put(r.getPlatformKey(), r.getProductId()));
        return links;
    }

    @Override
    public void linkProducts(UUID storeId, UUID channelId, Map<String, UUID> links) {
        var insert = dsl.insertInto(
                CHANNEL_PRODUCT_LINK,
                CHANNEL_PRODUCT_LINK.STORE_ID,
                CHANNEL_PRODUCT_LINK.CHANNEL_ID,
                CHANNEL_PRODUCT_LINK.PLATFORM_KEY,
                CHANNEL_PRODUCT_LINK.PRODUCT_ID);
        for (Map.Entry<String, UUID> link : links.entrySet()) {
            insert = insert.values(storeId, channelId, link.getKey(), link.getValue());
        }
        insert.onConflictDoNothing().execute();
    }

    @Override
    public Product shippingFeeProduct(Currency currency, Instant at) {
        String sku = SHIPPING_FEE_SKU + currency.getCurrencyCode();
        dsl.insertInto(PRODUCT)
                .set(PRODUCT.ID, Ids.newId())
                .set(PRODUCT.SKU, sku)
                .set(PRODUCT.NAME, "Shipping fee")
                .set(PRODUCT.PRICE, BigDecimal.ZERO)
                .set(PRODUCT.CURRENCY, currency.getCurrencyCode())
                .set(PRODUCT.TAX_RATE, BigDecimal.ZERO)
                .set(PRODUCT.IS_SHIPPING_FEE, true)
                .set(PRODUCT.CREATED_AT, toDb(at))
                .onConflictDoNothing()
                .execute();
        return products.findBySku(sku).orElseThrow();
    }

    @Override
    public PaymentType paymentType(String name, PaymentKind kind, Optional<String> processor, Instant at) {
        dsl.insertInto(PAYMENT_TYPE)
                .set(PAYMENT_TYPE.ID, Ids.newId())
                .set(PAYMENT_TYPE.NAME, name)
                .set(PAYMENT_TYPE.KIND, kind.wireName())
                .set(PAYMENT_TYPE.PROCESSOR, processor.orElse(null))
                .set(PAYMENT_TYPE.CREATED_AT, toDb(at))
                .onConflictDoNothing()
                .execute();
        UUID id = dsl.select(PAYMENT_TYPE.ID)
                .from(PAYMENT_TYPE)
                .where(PAYMENT_TYPE.NAME.eq(name))
                .fetchSingle(PAYMENT_TYPE.ID);
        return paymentTypes.findById(id).orElseThrow();
    }
}
