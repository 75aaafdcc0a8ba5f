package org.storeline.web.app.view;

import java.text.NumberFormat;
import org.storeline.core.money.Money;
import org.storeline.web.app.i18n.Messages;

/** Amounts of money as people read them, the language's way: "€1,234.50", "1 234,50 €", "€ 1.234,50". */
public final class Amounts {
    private Amounts() {}

    public static String of(Money money, Messages t) {
        NumberFormat format = NumberFormat.getCurrencyInstance(t.locale());
        format.setCurrency(money.currency());
        format.setMinimumFractionDigits(Math.max(0, money.currency().getDefaultFractionDigits()));
        return format.format(money.amount());
    }

    /** With its sign always written ("+€2.00", "−€5.00"), for a difference; zero has none. */
    public static String signed(Money money, Messages t) {
        if (money.isZero()) {
            return of(money, t);
        }
        return money.isNegative() ? "−" + of(money.negate(), t) : "+" + of(money, t);
    }
}
