package org.storeline.core.fulfillment;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.user.Actor;

/** Reading fulfillments, for the outlets the actor may see. */
public final class FulfillmentService {
    private final FulfillmentRepository fulfillments;
    private final OutletService outlets;

    public FulfillmentService(FulfillmentRepository fulfillments, OutletService outlets) {
        this.fulfillments = fulfillments;
        this.outlets = outlets;
    }

    public Fulfillment get(Actor actor, UUID id) {
        Fulfillment fulfillment = fulfillments
                .findById(id)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.FULFILLMENT_NOT_FOUND, "Fulfillment", id));
        actor.requireOutlet(fulfillment.outletId());
        return fulfillment;
    }

    public Page<Fulfillment> list(Actor actor, FulfillmentRepository.Filter filter, PageRequest page) {
        filter.outletId().ifPresent(actor::requireOutlet);
        Optional<Collection<UUID>> visible = actor.role().seesEveryOutlet()
                ? Optional.empty()
                : Optional.of(outlets.list(actor).stream().map(Outlet::id).toList());
        return fulfillments.list(filter, visible, page);
    }
}
