package org.storeline.core.stock;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.catalog.CatalogService;
import org.storeline.core.error.StorelineException;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/** Use cases for stock: levels per outlet, counts, the ledger, negative levels. */
public final class StockService {
    /** The reasons a person may give for setting a level by hand. */
    public static final Set<StockReason> BY_HAND = Set.of(StockReason.COUNT, StockReason.ADJUSTMENT);

    private final StockLedger ledger;
    private final CatalogService catalog;
    private final OutletService outlets;
    private final Transactions tx;
    private final Clock clock;

    public StockService(
            StockLedger ledger, CatalogService catalog, OutletService outlets, Transactions tx, Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.outlets = outlets;
        this.tx = tx;
        this.clock = clock;
    }

    /** Sets the on-hand level after a count; the difference goes into the ledger with reason {@code count}. */
    public StockLevel setLevel(Actor actor, UUID productId, UUID outletId, long quantity) {
        return setLevel(actor, productId, outletId, quantity, StockReason.COUNT);
    }

    /**
     * Sets the on-hand level by hand, for a reason a person gives: {@code count} (a stock take) or {@code adjustment}
     * (damaged, lost, received outside an order). The other reasons belong to sales, returns and cancellations.
     */
    public StockLevel setLevel(Actor actor, UUID productId, UUID outletId, long quantity, StockReason reason) {
        actor.require(Permission.ADJUST_STOCK);
        if (!BY_HAND.contains(reason)) {
            throw StorelineException.invalid(
                    "reason must be count or adjustment when stock is set by hand, not " + reason.wireName() + ".");
        }
        actor.requireOutlet(outletId);
        if (Math.abs(quantity) > 1_000_000_000L) {
            throw StorelineException.invalid("quantity must be between -1000000000 and 1000000000.");
        }
        return tx.inTransaction(() -> {
            catalog.require(productId);
            outlets.require(outletId);
            StockMovement movement =
                    ledger.setLevel(productId, outletId, quantity, reason, actor.userId(), clock.instant());
            return new StockLevel(productId, outletId, movement.quantityAfter());
        });
    }

    /** The reason a person gave ({@code count} or {@code adjustment}), by its wire name. */
    public static StockReason reasonByHand(String wireName) {
        return BY_HAND.stream()
                .filter(reason -> reason.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> StorelineException.invalid(
                        "reason must be count or adjustment when stock is set by hand, not '" + wireName + "'."));
    }

    /** The product's level at every outlet the actor may see (zero where nothing was ever recorded). */
    public List<StockLevel> levels(Actor actor, UUID productId) {
        catalog.require(productId);
        List<StockLevel> recorded = ledger.levelsOf(productId);
        return outlets.list(actor).stream()
                .map(Outlet::id)
                .map(outletId -> recorded.stream()
                        .filter(l -> l.outletId().equals(outletId))
                        .findFirst()
                        .orElse(new StockLevel(productId, outletId, 0)))
                .toList();
    }

    /** The product's level at one outlet; 403 when the actor may not see the outlet, 404 when it does not exist. */
    public StockLevel level(Actor actor, UUID productId, UUID outletId) {
        actor.requireOutlet(outletId);
        catalog.require(productId);
        outlets.require(outletId);
        return new StockLevel(productId, outletId, ledger.levelOf(productId, outletId));
    }

    public Page<StockMovement> movements(Actor actor, UUID productId, UUID outletId, PageRequest page) {
        actor.requireOutlet(outletId);
        catalog.require(productId);
        outlets.require(outletId);
        return ledger.movements(productId, outletId, page);
    }

    public List<StockLevel> negativeLevels(Actor actor) {
        return ledger.negativeLevels(
                outlets.list(actor).stream().map(Outlet::id).toList());
    }
}
