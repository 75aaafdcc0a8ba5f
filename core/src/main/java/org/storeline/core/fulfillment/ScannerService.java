package org.storeline.core.fulfillment;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.catalog.Product;
import org.storeline.core.catalog.ProductRepository;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.event.DomainEvents;
import org.storeline.core.sale.SaleRepository;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.User;
import org.storeline.core.user.UserRepository;

/**
 * The Scanner's use cases (SCN-1..3, FUL-8): pick a unit by scanning its barcode, assign a picker, write a note. Open
 * to any user permitted for the fulfillment's outlet; each fulfillment of a split order is picked on its own.
 */
public final class ScannerService {
    private final FulfillmentChanges changes;
    private final ProductRepository products;
    private final UserRepository users;

    public ScannerService(
            FulfillmentRepository fulfillments,
            SaleRepository sales,
            ProductRepository products,
            UserRepository users,
            DomainEvents events,
            Transactions tx,
            Clock clock) {
        this.changes = new FulfillmentChanges(fulfillments, sales, events, tx, clock);
        this.products = products;
        this.users = users;
    }

    /** Picks one unit of the product whose barcode (any of them) or SKU is {@code code}. */
    public ChangedFulfillment scan(Actor actor, UUID id, ScannedCode code) {
        Optional<Product> product = products.findByBarcode(code.value()).or(() -> products.findBySku(code.value()));
        return changes.apply(actor, id, FulfillmentEvents.Change.PICK, (f, sale, now) -> f.pick(code, product));
    }

    /** Assigns the fulfillment to {@code userId} (permitted for its outlet), or to nobody when empty. */
    public ChangedFulfillment assign(Actor actor, UUID id, Optional<UUID> userId) {
        return changes.apply(actor, id, FulfillmentEvents.Change.ASSIGNEE, (f, sale, now) -> {
            Optional<User> assignee = userId.map(u -> users.findById(u)
                    .orElseThrow(() -> StorelineException.notFound(ErrorCode.USER_NOT_FOUND, "User", u)));
            assignee.ifPresentOrElse(f::assignTo, f::unassign);
        });
    }

    public ChangedFulfillment addNote(Actor actor, UUID id, String text) {
        return changes.apply(
                actor,
                id,
                FulfillmentEvents.Change.NOTE,
                (f, sale, now) -> f.addNote(text, Optional.of(actor.userId()), now));
    }
}
