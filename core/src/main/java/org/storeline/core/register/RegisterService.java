package org.storeline.core.register;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.Require;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.settings.SettingsRepository;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/** Use cases for registers: create, open, close with a closure report. */
public final class RegisterService {
    private final RegisterRepository registers;
    private final OutletService outlets;
    private final SettingsRepository settings;
    private final Transactions tx;
    private final Clock clock;

    public RegisterService(
            RegisterRepository registers,
            OutletService outlets,
            SettingsRepository settings,
            Transactions tx,
            Clock clock) {
        this.registers = registers;
        this.outlets = outlets;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    public Register create(Actor actor, UUID outletId, String name) {
        actor.require(Permission.MANAGE_REGISTERS);
        actor.requireOutlet(outletId);
        String validName = Require.text("name", name);
        return tx.inTransaction(() -> {
            outlets.require(outletId);
            if (registers.nameTaken(outletId, validName)) {
                throw new StorelineException(
                        ErrorCode.REGISTER_NAME_TAKEN, "The outlet already has a register named '" + validName + "'.");
            }
            Register register = new Register(Ids.newId(), outletId, validName, clock.instant(), Optional.empty());
            registers.insert(register);
            return register;
        });
    }

    public Register get(Actor actor, UUID id) {
        Register register = require(id);
        actor.requireOutlet(register.outletId());
        return register;
    }

    public List<Register> list(Actor actor) {
        return registers.findAll().stream()
                .filter(r -> actor.canSee(r.outletId()))
                .toList();
    }

    public RegisterPeriod open(Actor actor, UUID id, Optional<String> openingFloat) {
        actor.require(Permission.OPERATE_REGISTERS);
        return tx.inTransaction(() -> {
            Register register = lock(actor, id);
            Money floatAmount = openingFloat
                    .map(f -> Money.of(Money.parseAmount(f), settings.get().currency()))
                    .orElseGet(() -> Money.zero(settings.get().currency()));
            RegisterPeriod period = register.open(floatAmount, clock.instant());
            registers.insertPeriod(period);
            // Payments recorded while the register was closed belong to this period (PAY-1). The lock on the
            // register keeps any import that read it closed from committing after this, with no period.
            registers.carryOverPayments(register.id(), period.id());
            return period;
        });
    }

    /**
     * Closes the register and stores the period's report. The register is locked first, so every payment recorded
     * on the period has committed and none can be added to it afterwards; the stored report never changes.
     */
    public ClosureReport close(Actor actor, UUID id, Optional<String> countedCash) {
        actor.require(Permission.OPERATE_REGISTERS);
        return tx.inTransaction(() -> {
            Register register = lock(actor, id);
            Optional<Money> counted = countedCash.map(
                    c -> Money.of(Money.parseAmount(c), settings.get().currency()));
            RegisterPeriod closed = register.close(counted, clock.instant());
            ClosureReport report = ClosureReport.of(
                    register.id(),
                    register.outletId(),
                    closed,
                    registers.paymentTotals(closed.id()),
                    registers.carriedOver(closed.id()));
            registers.closePeriod(report);
            return report;
        });
    }

    /** Closure reports of a register's past periods, newest first, as they were stored at closing. */
    public List<ClosureReport> closures(Actor actor, UUID id, int limit) {
        get(actor, id);
        return registers.closureReports(id, limit);
    }

    /**
     * Closure reports of the periods of these outlets' registers closed in {@code [from, to)}, newest first, for the
     * register closures report; the caller has checked the outlets against the actor. They are the stored reports.
     */
    public List<ClosureReport> closedBetween(Collection<UUID> outletIds, Optional<Instant> from, Optional<Instant> to) {
        return registers.closureReports(Optional.of(outletIds), from, to);
    }

    /**
     * Closure reports of every register the actor may see, newest first, for reports across registers: those of
     * one outlet if {@code outletId} is given (refused if the actor may not see it), whose period closed at or after
     * {@code from} and before {@code to} when given.
     */
    public List<ClosureReport> closuresBetween(
            Actor actor, Optional<UUID> outletId, Optional<Instant> from, Optional<Instant> to) {
        outletId.ifPresent(actor::requireOutlet);
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw StorelineException.invalid("from " + from.get() + " must be before to " + to.get() + ".");
        }
        Optional<Collection<UUID>> outlets = outletId.<Collection<UUID>>map(List::of)
                .or(() -> actor.role().seesEveryOutlet() ? Optional.empty() : Optional.of(actor.outletIds()));
        return registers.closureReports(outlets, from, to);
    }

    private Register lock(Actor actor, UUID id) {
        Register register = registers
                .findByIdForUpdate(id)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.REGISTER_NOT_FOUND, "Register", id));
        actor.requireOutlet(register.outletId());
        return register;
    }

    public Register require(UUID id) {
        return registers
                .findById(id)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.REGISTER_NOT_FOUND, "Register", id));
    }
}
