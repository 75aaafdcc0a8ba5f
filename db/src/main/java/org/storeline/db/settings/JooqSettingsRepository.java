package org.storeline.db.settings;

import static org.storeline.db.jooq.Tables.STORE_SETTINGS;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import org.jooq.DSLContext;
import org.storeline.core.settings.SettingsRepository;
import org.storeline.core.settings.StoreSettings;

public final class JooqSettingsRepository implements SettingsRepository {
    private final DSLContext dsl;

    public JooqSettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public StoreSettings get() {
        var row = dsl.selectFrom(STORE_SETTINGS)
                .where(STORE_SETTINGS.ID.eq((short) 1))
                .fetchSingle();
        return new StoreSettings(
                row.getPricesIncludeTax(),
                Currency.getInstance(row.getCurrency().trim()));
    }

    @Override
    public void update(StoreSettings settings) {
        dsl.update(STORE_SETTINGS)
                .set(STORE_SETTINGS.PRICES_INCLUDE_TAX, settings.pricesIncludeTax())
                .set(STORE_SETTINGS.CURRENCY, settings.currency().getCurrencyCode())
                .set(STORE_SETTINGS.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(STORE_SETTINGS.ID.eq((short) 1))
                .execute();
    }
}
