package org.storeline.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.sync.SyncOutbox;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Role;

/** A product change schedules its new price for the channels, in its transaction, only when the price changes. */
class CatalogServiceTest {
    private static final Actor MANAGER = new Actor(UUID.randomUUID(), "Manager", Role.MANAGER, Set.of());
    private static final Actor STAFF = new Actor(UUID.randomUUID(), "Staff", Role.STAFF, Set.of());

    private final Products products = new Products();
    private final List<String> log = new ArrayList<>();
    private final SyncOutbox outbox = new SyncOutbox() {
        @Override
        public void stockChanged(Collection<UUID> productIds, Collection<UUID> outletIds) {
            log.add("stock");
        }

        @Override
        public void stockChangedOn(UUID channelId, Collection<UUID> productIds) {
            log.add("stock on " + channelId);
        }

        @Override
        public void priceChanged(UUID productId) {
            log.add("price " + productId);
        }

        @Override
        public void outletsChanged(UUID channelId, Collection<UUID> outletIds) {}

        @Override
        public void channelLinked(UUID channelId) {}

        @Override
        public void storeLinkedAgain(UUID storeId, UUID channelId) {}
    };
    private final Transactions tx = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            log.add("begin");
            T result = work.get();
            log.add("commit");
            return result;
        }
    };
    private final CatalogService catalog = new CatalogService(
            products, outbox, tx, Clock.fixed(Instant.parse("2026-12-08T10:00:00Z"), ZoneOffset.UTC));

    private Product cap() {
        Product cap = catalog.create(
                MANAGER,
                new CatalogService.NewProduct(
                        "CAP-" + UUID.randomUUID(), "Cap", "10.00", "EUR", Optional.of("0.21"), List.of("871")));
        log.clear();
        return cap;
    }

    private static CatalogService.Changes price(String price) {
        return new CatalogService.Changes(
                Optional.empty(), Optional.of(price), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void aNewPriceIsScheduledForTheChannelsInsideTheChangesTransaction() {
        Product cap = cap();

        Product changed = catalog.update(MANAGER, cap.id(), price("12.50"));

        assertThat(changed.price().toDecimalString()).isEqualTo("12.50");
        assertThat(log).containsExactly("begin", "price " + cap.id(), "commit");
    }

    @Test
    void aNewTaxRateIsScheduledTooButANameOrTheSamePriceIsNot() {
        Product cap = cap();

        catalog.update(
                MANAGER,
                cap.id(),
                new CatalogService.Changes(
                        Optional.of("Blue cap"),
                        Optional.of("10.0"),
                        Optional.of("eur"),
                        Optional.empty(),
                        Optional.of(List.of("872"))));
        assertThat(log).containsExactly("begin", "commit");
        log.clear();

        catalog.update(
                MANAGER,
                cap.id(),
                new CatalogService.Changes(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("0.06"), Optional.empty()));
        assertThat(log).containsExactly("begin", "price " + cap.id(), "commit");
    }

    @Test
    void aRefusedChangeSchedulesNothing() {
        Product cap = cap();

        assertThatThrownBy(() -> catalog.update(MANAGER, cap.id(), price("-1.00")))
                .isInstanceOf(StorelineException.class);
        assertThatThrownBy(() -> catalog.update(
                        MANAGER,
                        cap.id(),
                        new CatalogService.Changes(
                                Optional.empty(),
                                Optional.of("9.00"),
                                Optional.of("USD"),
                                Optional.empty(),
                                Optional.empty())))
                .isInstanceOfSatisfying(
                        StorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH));
        assertThatThrownBy(() -> catalog.update(STAFF, cap.id(), price("9.00")))
                .isInstanceOfSatisfying(
                        StorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThat(log).doesNotContain("price " + cap.id());
        assertThat(products.findById(cap.id()).orElseThrow().price()).isEqualTo(cap.price());
    }

    @Test
    void aBarcodeOfAnotherProductIsTakenButTheProductsOwnAreNot() {
        Product cap = cap();
        Product hat = catalog.create(
                MANAGER,
                new CatalogService.NewProduct(
                        "HAT-" + UUID.randomUUID(), "Hat", "5.00", "EUR", Optional.empty(), List.of("999")));

        Product kept = catalog.update(
                MANAGER,
                cap.id(),
                new CatalogService.Changes(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(List.of("871", " 873 ", "873"))));

        assertThat(kept.barcodes()).containsExactly("871", "873");
        assertThatThrownBy(() -> catalog.update(
                        MANAGER,
                        hat.id(),
                        new CatalogService.Changes(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(List.of("873")))))
                .isInstanceOfSatisfying(
                        StorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BARCODE_TAKEN));
    }

    /** The catalog in memory. */
    private static final class Products implements ProductRepository {
        private final Map<UUID, Product> byId = new LinkedHashMap<>();

        @Override
        public void insert(Product product) {
            byId.put(product.id(), product);
        }

        @Override
        public Optional<Product> findById(UUID id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<Product> findByIdForUpdate(UUID id) {
            return findById(id);
        }

        @Override
        public void update(Product product) {
            byId.put(product.id(), product);
        }

        @Override
        public List<Product> findByIds(Collection<UUID> ids) {
            return ids.stream().flatMap(id -> findById(id).stream()).toList();
        }

        @Override
        public Optional<Product> findBySku(String sku) {
            return byId.values().stream().filter(p -> p.sku().equals(sku)).findFirst();
        }

        @Override
        public List<Product> findBySkus(Collection<String> skus) {
            return byId.values().stream().filter(p -> skus.contains(p.sku())).toList();
        }

        @Override
        public Optional<Product> findByBarcode(String barcode) {
            return byId.values().stream()
                    .filter(p -> p.barcodes().contains(barcode))
                    .findFirst();
        }

        @Override
        public List<String> takenBarcodes(Collection<String> barcodes) {
            return byId.values().stream()
                    .flatMap(p -> p.barcodes().stream())
                    .filter(barcodes::contains)
                    .toList();
        }

        @Override
        public Page<Product> list(PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Product> search(String text, PageRequest page) {
            throw new UnsupportedOperationException();
        }
    }
}
