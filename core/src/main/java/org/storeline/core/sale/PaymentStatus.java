package org.storeline.core.sale;

import java.util.Locale;

/** How much of a sale is paid, derived from its total and payments. */
public enum PaymentStatus {
    UNPAID,
    PARTIALLY_PAID,
    PAID;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
