package org.storeline.core.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;

/** Port: the catalog. SKUs and barcodes are unique. */
public interface ProductRepository {
    void insert(Product product);

    Optional<Product> findById(UUID id);

    /** The product, its row locked until the transaction ends: changes to one product are made one at a time. */
    Optional<Product> findByIdForUpdate(UUID id);

    /** Saves a product's name, price, tax rate and barcodes (its SKU and currency never change). */
    void update(Product product);

    List<Product> findByIds(Collection<UUID> ids);

    Optional<Product> findBySku(String sku);

    List<Product> findBySkus(Collection<String> skus);

    Optional<Product> findByBarcode(String barcode);

    /** Those of {@code barcodes} that some product already has. */
    List<String> takenBarcodes(Collection<String> barcodes);

    Page<Product> list(PageRequest page);

    /**
     * Products whose name or SKU contains {@code text} (case aside), or with {@code text} as a barcode, in the order
     * of {@link #list}.
     */
    Page<Product> search(String text, PageRequest page);
}
