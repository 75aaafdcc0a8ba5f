package org.storeline.db.catalog;

import static org.storeline.db.jooq.Tables.PRODUCT;
import static org.storeline.db.jooq.Tables.PRODUCT_BARCODE;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.storeline.core.catalog.Product;
import org.storeline.core.catalog.ProductRepository;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.db.jooq.tables.records.ProductRecord;
import org.storeline.db.postgres.Cursors;

public final class JooqProductRepository implements ProductRepository {
    private final DSLContext dsl;

    public JooqProductRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(Product product) {
        dsl.insertInto(PRODUCT)
                .set(PRODUCT.ID, product.id())
                .set(PRODUCT.SKU, product.sku())
                .set(PRODUCT.NAME, product.name())
                .set(PRODUCT.PRICE, product.price().amount())
                .set(PRODUCT.CURRENCY, product.price().currency().getCurrencyCode())
                .set(PRODUCT.TAX_RATE, product.taxRate().value())
                .set(PRODUCT.IS_SHIPPING_FEE, product.shippingFee())
                .set(PRODUCT.CREATED_AT, toDb(product.createdAt()))
                .execute();
        for (String barcode : product.barcodes()) {
            dsl.insertInto(PRODUCT_BARCODE)
                    .set(PRODUCT_BARCODE.BARCODE, barcode)
                    .set(PRODUCT_BARCODE.PRODUCT_ID, product.id())
                    .execute();
        }
    }

    @Override
    public Optional<Product> findById(UUID id) {
        return find(PRODUCT.ID.eq(id)).stream().findFirst();
    }

    /**
     * Locks FOR NO KEY UPDATE: a product's id never changes, and a FOR UPDATE lock would also block the foreign-key
     * checks (FOR KEY SHARE) of rows that point at the product, such as the sync worker's tasks, which deadlocked with
     * a price change scheduling its own task.
     */
    @Override
    public Optional<Product> findByIdForUpdate(UUID id) {
        return withBarcodes(dsl.selectFrom(PRODUCT)
                        .where(PRODUCT.ID.eq(id))
                        .forNoKeyUpdate()
                        .fetch())
                .stream()
                .findFirst();
    }

    /**
     * The barcodes the product no longer has are deleted, then the new ones inserted: one another product took
     * meanwhile breaks the unique key (a conflict), never silently lost.
     */
    @Override
    public void update(Product product) {
        dsl.update(PRODUCT)
                .set(PRODUCT.NAME, product.name())
                .set(PRODUCT.PRICE, product.price().amount())
                .set(PRODUCT.TAX_RATE, product.taxRate().value())
                .where(PRODUCT.ID.eq(product.id()))
                .execute();
        dsl.deleteFrom(PRODUCT_BARCODE)
                .where(PRODUCT_BARCODE
                        .PRODUCT_ID
                        .eq(product.id())
                        .and(PRODUCT_BARCODE.BARCODE.notIn(product.barcodes())))
                .execute();
        List<String> kept = dsl.select(PRODUCT_BARCODE.BARCODE)
                .from(PRODUCT_BARCODE)
                .where(PRODUCT_BARCODE.PRODUCT_ID.eq(product.id()))
                .fetch(PRODUCT_BARCODE.BARCODE);
        for (String barcode : product.barcodes()) {
            if (!kept.contains(barcode)) {
                dsl.insertInto(PRODUCT_BARCODE)
                        .set(PRODUCT_BARCODE.BARCODE, barcode)
                        .set(PRODUCT_BARCODE.PRODUCT_ID, product.id())
                        .execute();
            }
        }
    }

    @Override
    public List<Product> findByIds(Collection<UUID> ids) {
        return find(PRODUCT.ID.in(ids));
    }

    @Override
    public Optional<Product> findBySku(String sku) {
        return find(PRODUCT.SKU.eq(sku)).stream().findFirst();
    }

    @Override
    public Optional<Product> findByBarcode(String barcode) {
        return find(PRODUCT.ID.in(dsl.select(PRODUCT_BARCODE.PRODUCT_ID)
                        .from(PRODUCT_BARCODE)
                        .where(PRODUCT_BARCODE.BARCODE.eq(barcode))))
                .stream()
                .findFirst();
    }

    @Override
    public List<String> takenBarcodes(Collection<String> barcodes) {
        return dsl.select(PRODUCT_BARCODE.BARCODE)
                .from(PRODUCT_BARCODE)
                .where(PRODUCT_BARCODE.BARCODE.in(barcodes))
                .fetch(PRODUCT_BARCODE.BARCODE);
    }

    @Override
    public Page<Product> list(PageRequest page) {
        List<ProductRecord> rows = dsl.selectFrom(PRODUCT)
                .where(Cursors.after(PRODUCT.ID, page))
                .orderBy(PRODUCT.ID)
                .limit(Cursors.overfetch(page))
                .fetch();
        return Page.fromOverfetched(withBarcodes(rows), page.limit(), Product::id);
    }

    @Override
    public Page<Product> search(String text, PageRequest page) {
        List<ProductRecord> rows = dsl.selectFrom(PRODUCT)
                .where(Cursors.after(PRODUCT.ID, page))
                .and(PRODUCT.NAME
                        .containsIgnoreCase(text)
                        .or(PRODUCT.SKU.containsIgnoreCase(text))
                        .or(PRODUCT.ID.in(dsl.select(PRODUCT_BARCODE.PRODUCT_ID)
                                .from(PRODUCT_BARCODE)
                                .where(PRODUCT_BARCODE.BARCODE.eq(text)))))
                .orderBy(PRODUCT.ID)
                .limit(Cursors.overfetch(page))
                .fetch();
        return Page.fromOverfetched(withBarcodes(rows), page.limit(), Product::id);
    }

    /** The products with their barcodes, in one query (a row per barcode): the Scanner looks one up for every scan. */
    private List<Product> find(Condition condition) {
        Map<UUID, ProductRecord> rows = new LinkedHashMap<>();
        Map<UUID, List<String>> barcodes = new HashMap<>();
        dsl.select(PRODUCT.asterisk(), PRODUCT_BARCODE.BARCODE)
                .from(PRODUCT)
                .leftJoin(PRODUCT_BARCODE)
                .on(PRODUCT_BARCODE.PRODUCT_ID.eq(PRODUCT.ID))
                .where(condition)
                .orderBy(PRODUCT.ID, PRODUCT_BARCODE.BARCODE)
                .forEach(r -> {
                    UUID id = r.get(PRODUCT.ID);
                    rows.computeIfAbsent(id, k -> r.into(PRODUCT));
                    List<String> codes = barcodes.computeIfAbsent(id, k -> new ArrayList<>());
                    if (r.get(PRODUCT_BARCODE.BARCODE) != null) {
                        codes.add(r.get(PRODUCT_BARCODE.BARCODE));
                    }
                });
        return rows.values().stream()
                .map(row -> product(row, List.copyOf(barcodes.get(row.getId()))))
                .toList();
    }

    /** Loads the barcodes of all rows in one query. */
    private List<Product> withBarcodes(List<ProductRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<String>> barcodes = dsl.selectFrom(PRODUCT_BARCODE)
                .where(PRODUCT_BARCODE.PRODUCT_ID.in(
                        rows.stream().map(ProductRecord::getId).toList()))
                .orderBy(PRODUCT_BARCODE.BARCODE)
                .fetchGroups(PRODUCT_BARCODE.PRODUCT_ID, PRODUCT_BARCODE.BARCODE);
        return rows.stream()
                .map(row -> product(row, barcodes.getOrDefault(row.getId(), List.of())))
                .toList();
    }

    private static Product product(ProductRecord row, List<String> barcodes) {
        return new Product(
                row.getId(),
                row.getSku(),
                row.getName(),
                Money.of(row.getPrice(), Currency.getInstance(row.getCurrency().trim())),
                new TaxRate(row.getTaxRate()),
                barcodes,
                row.getIsShippingFee(),
                fromDb(row.getCreatedAt()));
    }

    @Override
    public List<Product> findBySkus(Collection<String> skus) {
        return skus.isEmpty() ? List.of() : find(PRODUCT.SKU.in(skus));
    }
}
