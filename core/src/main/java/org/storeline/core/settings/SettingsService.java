package org.storeline.core.settings;

import java.util.Currency;
import java.util.Optional;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/** Reads and changes the store settings. */
public final class SettingsService {
    private final SettingsRepository settings;
    private final Transactions tx;

    public SettingsService(SettingsRepository settings, Transactions tx) {
        this.settings = settings;
        this.tx = tx;
    }

    public StoreSettings get() {
        return settings.get();
    }

    public StoreSettings update(Actor actor, Optional<Boolean> pricesIncludeTax, Optional<Currency> currency) {
        actor.require(Permission.MANAGE_SETTINGS);
        return tx.inTransaction(() -> {
            StoreSettings current = settings.get();
            StoreSettings next = new StoreSettings(
                    pricesIncludeTax.orElse(current.pricesIncludeTax()), currency.orElse(current.currency()));
            settings.update(next);
            return next;
        });
    }
}
