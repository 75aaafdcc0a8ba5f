package org.storeline.core.outlet;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
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

    public Outlet create(Actor actor, String name, String timeZone, Optional<String> language) {
        actor.require(Permission.MANAGE_OUTLETS);
        String validName = Require.text("name", name);
        ZoneId zone = parseZone(timeZone);
        Language speaks = language.map(Language::fromWire).orElse(Language.EN);
        return tx.inTransaction(() -> outlets.insert(Ids.newId(), validName, zone, speaks, clock.instant()));
    }

    /** Renames an outlet or changes its language; its number, time zone and receipts stay. */
    public Outlet update(Actor actor, UUID id, Optional<String> name, Optional<String> language) {
        actor.require(Permission.MANAGE_OUTLETS);
        actor.requireOutlet(id);
        Optional<String> validName = name.map(n -> Require.text("name", n));
        Optional<Language> speaks = language.map(Language::fromWire);
        return tx.inTransaction(() -> {
            Outlet outlet = require(id);
            Outlet changed = speaks.map(outlet::speaking).orElse(outlet);
            changed = validName.map(changed::renamed).orElse(changed);
            outlets.update(changed);
            return changed;
        });
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
