package org.storeline.core.outlet;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.Require;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/** Use cases for outlets. */
public final class OutletService {
    private final OutletRepository outlets;
    private final Transactions tx;
    private final Clock clock;

    public OutletService(OutletRepository outlets, Transactions tx, Clock clock) {
        this.outlets = outlets;
        this.tx = tx;
        this.clock = clock;
    }

    public Outlet create(Actor actor, String name, String timeZone) {
        actor.require(Permission.MANAGE_OUTLETS);
        String validName = Require.text("name", name);
        ZoneId zone = parseZone(timeZone);
        return tx.inTransaction(() -> outlets.insert(Ids.newId(), validName, zone, clock.instant()));
    }

    public Outlet get(Actor actor, UUID id) {
        actor.requireOutlet(id);
        return require(id);
    }

    public Outlet require(UUID id) {
        return outlets.findById(id)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.OUTLET_NOT_FOUND, "Outlet", id));
    }

    /** The outlets this actor may see. */
    public List<Outlet> list(Actor actor) {
        return outlets.findAll().stream().filter(o -> actor.canSee(o.id())).toList();
    }

    private static ZoneId parseZone(String timeZone) {
        String value = Require.text("time_zone", timeZone);
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw StorelineException.invalid(
                    "time_zone '" + value + "' is not an IANA time zone such as Europe/Brussels.");
        }
    }
}
