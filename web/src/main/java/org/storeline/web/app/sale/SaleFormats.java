package org.storeline.web.app.sale;

import java.text.NumberFormat;
import org.storeline.core.money.Money;
import org.storeline.web.app.i18n.Messages;

/** Amounts as people read them: the language's way, with the sale's currency ("€20.00", "20,00 €"). */
final class SaleFormats {
    private SaleFormats() {}

    static String money(Money amount, Messages t) {
        NumberFormat format = NumberFormat.getCurrencyInstance(t.locale());
        format.setCurrency(amount.currency());
        return format.format(amount.amount());
    }
}
