package org.storeline.core.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.Require;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/** Use cases for the catalog. */
public final class CatalogService {
    private final ProductRepository products;
    private final Transactions tx;
    private final Clock clock;

    public CatalogService(ProductRepository products, Transactions tx, Clock clock) {
        this.products = products;
        this.tx = tx;
        this.clock = clock;
    }

    public record NewProduct(
            String sku, String name, String price, String currency, Optional<String> taxRate, List<String> barcodes) {}

    public Product create(Actor actor, NewProduct request) {
        actor.require(Permission.MANAGE_CATALOG);
        String sku = Require.text("sku", request.sku());
        String name = Require.text("name", request.name());
        Money price = Money.of(request.price(), request.currency());
        if (price.isNegative()) {
            throw StorelineException.invalid("price cannot be negative.");
        }
        TaxRate taxRate = request.taxRate().map(TaxRate::of).orElse(TaxRate.NONE);
        List<String> barcodes = barcodes(request.barcodes());
        Product product = new Product(Ids.newId(), sku, name, price, taxRate, barcodes, false, clock.instant());
        return tx.inTransaction(() -> {
            products.findBySku(sku).ifPresent(existing -> {
                throw new StorelineException(
                        ErrorCode.SKU_TAKEN, "SKU '" + sku + "' is already used by product " + existing.id() + ".");
            });
            List<String> taken = products.takenBarcodes(barcodes);
            if (!taken.isEmpty()) {
                throw new StorelineException(
                        ErrorCode.BARCODE_TAKEN,
                        "Barcode(s) " + String.join(", ", taken) + " already belong to another product.");
            }
            products.insert(product);
            return product;
        });
    }

    /** The barcodes as given, trimmed, each once; at most {@link Product#MAX_BARCODES}, each a short code. */
    private static List<String> barcodes(List<String> given) {
        if (given.size() > Product.MAX_BARCODES) {
            throw StorelineException.invalid("barcodes holds " + given.size() + " barcodes; a product has at most "
                    + Product.MAX_BARCODES + ".");
        }
        LinkedHashSet<String> barcodes = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String barcode = Require.text("barcodes[" + i + "]", given.get(i));
            if (barcode.length() > Product.MAX_BARCODE_LENGTH) {
                throw StorelineException.invalid("barcodes[" + i + "] is " + barcode.length()
                        + " characters long; a barcode has at most " + Product.MAX_BARCODE_LENGTH + ".");
            }
            barcodes.add(barcode);
        }
        return new ArrayList<>(barcodes);
    }

    public Product require(UUID id) {
        return products.findById(id)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.PRODUCT_NOT_FOUND, "Product", id));
    }

    public Optional<Product> findBySku(String sku) {
        return products.findBySku(sku.trim());
    }

    public Optional<Product> findByBarcode(String barcode) {
        return products.findByBarcode(barcode.trim());
    }

    public Page<Product> list(PageRequest page) {
        return products.list(page);
    }
}
