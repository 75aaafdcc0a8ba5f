package org.storeline.core.payment;

import java.time.Clock;
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

/** Use cases for payment types. */
public final class PaymentTypeService {
    private final PaymentTypeRepository types;
    private final Transactions tx;
    private final Clock clock;

    public PaymentTypeService(PaymentTypeRepository types, Transactions tx, Clock clock) {
        this.types = types;
        this.tx = tx;
        this.clock = clock;
    }

    public PaymentType create(Actor actor, String name, PaymentKind kind, Optional<String> processor) {
        actor.require(Permission.MANAGE_PAYMENT_TYPES);
        String validName = Require.text("name", name);
        Optional<String> validProcessor = processor.filter(p -> !p.isBlank()).map(p -> Require.text("processor", p));
        PaymentType type = new PaymentType(Ids.newId(), validName, kind, validProcessor, clock.instant());
        return tx.inTransaction(() -> {
            if (types.nameTaken(validName)) {
                throw new StorelineException(
                        ErrorCode.PAYMENT_TYPE_NAME_TAKEN, "A payment type named '" + validName + "' already exists.");
            }
            types.insert(type);
            return type;
        });
    }

    public PaymentType require(UUID id) {
        return types.findById(id)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.PAYMENT_TYPE_NOT_FOUND, "Payment type", id));
    }

    public List<PaymentType> list() {
        return types.findAll();
    }
}
