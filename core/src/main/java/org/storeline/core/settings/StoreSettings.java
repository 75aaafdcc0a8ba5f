package org.storeline.core.settings;

import java.util.Currency;

/**
 * Store-wide settings. {@code pricesIncludeTax}: whether product prices already contain tax (as in
 * the EU) or tax is added on top (as in the US). {@code currency}: the store's own currency, used for
 * register floats and cash counts.
 */
public record StoreSettings(boolean pricesIncludeTax, Currency currency) {}
