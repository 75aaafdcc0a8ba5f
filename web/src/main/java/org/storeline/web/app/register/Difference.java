package org.storeline.web.app.register;

import java.util.Optional;
import org.storeline.core.money.Money;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.view.Amounts;

/**
 * The counted cash less the expected, said in words as well as signed ("−€5.00 short"), so that no one needs the
 * colour to tell a shortfall from a surplus; {@code key} (short, over, even, none) only picks the badge's colour.
 */
public record Difference(String amount, String word, String key) {

    static Difference of(Optional<Money> difference, Messages t) {
        if (difference.isEmpty()) {
            return new Difference(t.get("register.notCounted"), "", "none");
        }
        Money d = difference.get();
        String key = d.isZero() ? "even" : d.isNegative() ? "short" : "over";
        return new Difference(Amounts.signed(d, t), t.get("register.diff." + key), key);
    }
}
