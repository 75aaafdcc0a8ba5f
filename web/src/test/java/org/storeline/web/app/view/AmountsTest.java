package org.storeline.web.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.storeline.core.money.Money;
import org.storeline.core.outlet.Language;
import org.storeline.web.app.i18n.Messages;

class AmountsTest {
    private static final Messages EN = Messages.of(Language.EN);

    @Test
    void anAmountIsWrittenTheLanguagesWay() {
        assertThat(Amounts.of(Money.of("1234.5", "EUR"), EN)).isEqualTo("€1,234.50");
        assertThat(Amounts.of(Money.of("1234.5", "EUR"), Messages.of(Language.FR)))
                .isEqualTo("1\u202f234,50\u00a0€");
    }

    @Test
    void aDifferenceAlwaysCarriesItsSignAndZeroNone() {
        assertThat(Amounts.signed(Money.of("-5", "EUR"), EN)).isEqualTo("−€5.00");
        assertThat(Amounts.signed(Money.of("2", "EUR"), EN)).isEqualTo("+€2.00");
        assertThat(Amounts.signed(Money.of("0", "EUR"), EN)).isEqualTo("€0.00");
    }
}
