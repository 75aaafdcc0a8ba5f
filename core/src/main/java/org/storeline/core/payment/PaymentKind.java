package org.storeline.core.payment;

import java.util.Locale;
import org.storeline.core.error.StorelineException;

/**
 * How money is taken. Only {@code INTEGRATED} is confirmed by a processor we talk to (ORD-5); the
 * others are verified offline, so an online order paid that way arrives unpaid (ORD-6).
 */
public enum PaymentKind {
    CASH,
    CARD,
    BANK_DEPOSIT,
    CHEQUE,
    INTEGRATED,
    OTHER;

    /** Whether refunds of this kind can go to a processor we call; cash, transfers and cheques go back by hand. */
    public boolean canSendRefunds() {
        return this == CARD || this == INTEGRATED || this == OTHER;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentKind fromWire(String value) {
        if (value != null) {
            for (PaymentKind kind : values()) {
                if (kind.wireName().equals(value.trim())) {
                    return kind;
                }
            }
        }
        throw StorelineException.invalid(
                "kind must be one of cash, card, bank_deposit, cheque, integrated, other; got '" + value + "'.");
    }
}
