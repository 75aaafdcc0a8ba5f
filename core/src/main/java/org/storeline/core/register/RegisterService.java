package org.storeline.core.register;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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
            return period;
        });
    }

    public ClosureReport close(Actor actor, UUID id, Optional<String> countedCash) {
        actor.require(Permission.OPERATE_REGISTERS);
        return tx.inTransaction(() -> {
            Register register = lock(actor, id);
            Optional<Money> counted = countedCash.map(
                    c -> Money.of(Money.parseAmount(c), settings.get().currency()));
            RegisterPeriod closed = register.close(counted, clock.instant());
            registers.closePeriod(closed);
            return report(register, closed);
        });
    }

    /** Closure reports of a register's past periods, newest first. */
    public List<ClosureReport> closures(Actor actor, UUID id, int limit) {
        Register register = get(actor, id);
        return registers.closedPeriods(id, limit).stream()
                .map(p -> report(register, p))
                .toList();
    }

    /**
     * Closure reports of the periods of these outlets' registers closed in {@code [from, to)}, newest first, for the
     * register closures report; the caller has checked the outlets against the actor.
     */
    public List<ClosureReport> closedBetween(Collection<UUID> outletIds, Optional<Instant> from, Optional<Instant> to) {
        List<RegisterPeriod> periods = registers.closedPeriodsBetween(outletIds, from, to);
        if (periods.isEmpty()) {
            return List.of();
        }
        Map<UUID, Register> byId =
                registers.findAll().stream().collect(Collectors.toMap(Register::id, Function.identity()));
        return periods.stream().map(p -> report(byId.get(p.registerId()), p)).toList();
    }

    private ClosureReport report(Register register, RegisterPeriod period) {
        List<ClosureReport.PaymentTotal> totals = registers.paymentTotals(period.id());
        Money expected = ClosureReport.expectedCash(period.openingFloat(), totals);
        return new ClosureReport(register.id(), register.outletId(), period, totals, expected, period.countedCash());
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
