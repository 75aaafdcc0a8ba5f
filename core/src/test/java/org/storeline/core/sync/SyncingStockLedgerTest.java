package org.storeline.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.stock.StockChange;
import org.storeline.core.stock.StockLedger;
import org.storeline.core.stock.StockLevel;
import org.storeline.core.stock.StockMovement;
import org.storeline.core.stock.StockReason;

class SyncingStockLedgerTest {
    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private static final UUID TEE = UUID.randomUUID();
    private static final UUID MUG = UUID.randomUUID();
    private static final UUID OUTLET_A = UUID.randomUUID();
    private static final UUID OUTLET_B = UUID.randomUUID();

    private final List<List<UUID>> scheduled = new ArrayList<>();
    private final SyncOutbox outbox = new SyncOutbox() {
        @Override
        public void stockChanged(Collection<UUID> productIds, Collection<UUID> outletIds) {
            scheduled.add(List.copyOf(productIds));
            scheduled.add(List.copyOf(outletIds));
        }

        @Override
        public void stockChangedOn(UUID channelId, Collection<UUID> productIds) {}

        @Override
        public void priceChanged(UUID productId) {}

        @Override
        public void outletsChanged(UUID channelId, Collection<UUID> outletIds) {}

        @Override
        public void channelLinked(UUID channelId) {}

        @Override
        public void storeLinkedAgain(UUID storeId, UUID channelId) {}
    };
    private final SyncingStockLedger ledger = new SyncingStockLedger(new Ledger(), outbox);

    @Test
    void aBatchOfChangesSchedulesItsProductsAndOutletsInOneCall() {
        ledger.apply(List.of(change(TEE, OUTLET_A, -1), change(MUG, OUTLET_B, -2), change(TEE, OUTLET_B, -1)), NOW);

        assertThat(scheduled).containsExactly(List.of(TEE, MUG), List.of(OUTLET_A, OUTLET_B));
    }

    @Test
    void changesThatMoveNothingScheduleNothing() {
        ledger.apply(List.of(change(TEE, OUTLET_A, 0)), NOW);
        ledger.apply(List.of(), NOW);
        ledger.setLevel(TEE, OUTLET_A, 0, StockReason.COUNT, UUID.randomUUID(), NOW);

        assertThat(scheduled).isEmpty();
    }

    @Test
    void aCountThatChangesTheLevelSchedulesIt() {
        ledger.setLevel(MUG, OUTLET_B, 7, StockReason.COUNT, UUID.randomUUID(), NOW);

        assertThat(scheduled).containsExactly(List.of(MUG), List.of(OUTLET_B));
    }

    private static StockChange change(UUID product, UUID outlet, long delta) {
        return new StockChange(product, outlet, delta, StockReason.IN_STORE_SALE, Optional.empty(), Optional.empty());
    }

    /** A ledger whose levels all start at zero. */
    private static final class Ledger implements StockLedger {
        @Override
        public List<StockMovement> apply(List<StockChange> changes, Instant at) {
            return changes.stream()
                    .map(c -> new StockMovement(
                            UUID.randomUUID(),
                            c.productId(),
                            c.outletId(),
                            c.delta(),
                            c.delta(),
                            c.reason(),
                            c.saleId(),
                            c.userId(),
                            at))
                    .toList();
        }

        @Override
        public StockMovement setLevel(
                UUID productId, UUID outletId, long quantity, StockReason reason, UUID userId, Instant at) {
            return new StockMovement(
                    UUID.randomUUID(),
                    productId,
                    outletId,
                    quantity,
                    quantity,
                    reason,
                    Optional.empty(),
                    Optional.of(userId),
                    at);
        }

        @Override
        public List<StockLevel> levelsOf(UUID productId) {
            return List.of();
        }

        @Override
        public long levelOf(UUID productId, UUID outletId) {
            return 0;
        }

        @Override
        public List<StockLevel> levelsAt(Collection<UUID> productIds, Collection<UUID> outletIds) {
            return List.of();
        }

        @Override
        public Page<StockMovement> movements(UUID productId, UUID outletId, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<StockLevel> negativeLevels(Collection<UUID> outletIds) {
            return List.of();
        }
    }
}
