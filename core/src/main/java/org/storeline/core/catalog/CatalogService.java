package org.storeline.core.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
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
import org.storeline.core.sync.SyncOutbox;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/** Use cases for the catalog. This system is the record of the catalog and its prices (SOR-1). */
public final class CatalogService {
    private final ProductRepository products;
    private final SyncOutbox outbox;
    private final Transactions tx;
    private final Clock clock;

    /** {@code outbox}: where a new price is scheduled for the channels, in the same transaction as the change. */
    public CatalogService(ProductRepository products, SyncOutbox outbox, Transactions tx, Clock clock) {
        this.products = products;
        this.outbox = outbox;
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
            requireFree(barcodes, List.of());
            products.insert(product);
            return product;
        });
    }

    /** What a PATCH changes; a field left out stays as it is. The SKU and the currency never change. */
    public record Changes(
            Optional<String> name,
            Optional<String> price,
            Optional<String> currency,
            Optional<String> taxRate,
            Optional<List<String>> barcodes) {}

    /**
     * Changes a product's name, price, tax rate or barcodes, each checked as when it is created. When what the product
     * sells at changes, the new price is scheduled for every channel in the same transaction (SOR-1): it goes out once
     * the change is committed, and never without it.
     */
    public Product update(Actor actor, UUID id, Changes changes) {
        actor.require(Permission.MANAGE_CATALOG);
        Optional<String> name = changes.name().map(n -> Require.text("name", n));
        Optional<TaxRate> taxRate = changes.taxRate().map(TaxRate::of);
        Optional<List<String>> barcodes = changes.barcodes().map(CatalogService::barcodes);
        return tx.inTransaction(() -> {
            Product before = products.findByIdForUpdate(id)
                    .orElseThrow(() -> StorelineException.notFound(ErrorCode.PRODUCT_NOT_FOUND, "Product", id));
            Product after = before;
            if (name.isPresent()) {
                after = after.renamed(name.get());
            }
            Currency currency = changes.currency()
                    .map(Money::currency)
                    .orElse(before.price().currency());
            if (changes.price().isPresent() || !currency.equals(before.price().currency())) {
                // A currency alone is refused by repricing rather than ignored: a product's currency never changes.
                BigDecimal amount = changes.price()
                        .map(Money::parseAmount)
                        .orElse(before.price().amount());
                after = after.repriced(Money.of(amount, currency).requireRecordable("price"));
            }
            if (taxRate.isPresent()) {
                after = after.taxedAt(taxRate.get());
            }
            if (barcodes.isPresent()) {
                requireFree(barcodes.get(), before.barcodes());
                after = after.relabelled(barcodes.get());
            }
            products.update(after);
            if (after.sellsAtAnotherPriceThan(before)) {
                outbox.priceChanged(after.id());
            }
            return after;
        });
    }

    /**
     * The products a person looks for by a word of the name, part of the SKU, or a whole barcode (a scan); the whole
     * catalog page by page when {@code text} is blank.
     */
    public Page<Product> search(String text, PageRequest page) {
        String wanted = text == null ? "" : text.strip();
        if (wanted.isEmpty()) {
            return products.list(page);
        }
        if (wanted.length() > 200) {
            throw StorelineException.invalid("The search text is " + wanted.length() + " characters; use at most 200.");
        }
        return products.search(wanted, page);
    }

    /** Refuses barcodes that another product has ({@code own}: those of the product being changed). */
    private void requireFree(List<String> barcodes, List<String> own) {
        List<String> taken = products.takenBarcodes(barcodes).stream()
                .filter(b -> !own.contains(b))
                .toList();
        if (!taken.isEmpty()) {
            throw new StorelineException(
                    ErrorCode.BARCODE_TAKEN,
                    "Barcode(s) " + String.join(", ", taken) + " already belong to another product.");
        }
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
