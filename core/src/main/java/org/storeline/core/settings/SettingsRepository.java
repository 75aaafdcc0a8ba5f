package org.storeline.core.settings;

/** Port: the single row of store settings. */
public interface SettingsRepository {
    StoreSettings get();

    void update(StoreSettings settings);
}
