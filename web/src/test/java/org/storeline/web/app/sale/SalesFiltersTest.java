package org.storeline.web.app.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.StorelineException;
import org.storeline.core.outlet.Language;
import org.storeline.core.sale.PaymentStatus;
import org.storeline.core.sale.SaleFilter;
import org.storeline.core.sale.SaleStatus;
import org.storeline.web.app.i18n.Messages;

class SalesFiltersTest {
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private static SalesFilters filters(Optional<String> search, Optional<LocalDate> from, Optional<LocalDate> to) {
        return new SalesFilters(
                search,
                from,
                to,
                Optional.empty(),
                Optional.empty(),
                Optional.of(SaleStatus.OPEN),
                Optional.of(PaymentStatus.UNPAID),
                Optional.empty());
    }

    @Test
    void theDateRangeIsWholeDaysInTheOutletsTimeZoneTheEndDayIncluded() {
        LocalDate day = LocalDate.parse("2026-12-06");

        SaleFilter filter =
                filters(Optional.empty(), Optional.of(day), Optional.of(day)).toFilter(BRUSSELS);

        assertThat(filter.from()).contains(Instant.parse("2026-12-05T23:00:00Z"));
        assertThat(filter.until()).contains(Instant.parse("2026-12-06T23:00:00Z"));
        assertThat(filter.status()).contains(SaleStatus.OPEN);
        assertThat(filter.paymentStatus()).contains(PaymentStatus.UNPAID);
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedWithWhatToDo() {
        SalesFilters backwards = filters(
                Optional.empty(),
                Optional.of(LocalDate.parse("2026-12-07")),
                Optional.of(LocalDate.parse("2026-12-05")));

        assertThatThrownBy(() -> backwards.toFilter(BRUSSELS))
                .isInstanceOf(StorelineException.class)
                .hasMessageContaining("choose a start date on or before the end date");
    }

    @Test
    void theUrlKeepsEveryFilterAndTheSearchEncodedAndStartsWhereAsked() {
        UUID after = UUID.fromString("0193a000-0000-7000-8000-000000000001");
        SalesFilters f = filters(Optional.of("Ada & Co"), Optional.of(LocalDate.parse("2026-12-01")), Optional.empty());

        assertThat(f.url(Optional.of(after)))
                .isEqualTo("/sales?q=Ada+%26+Co&from=2026-12-01&status=open&payment=unpaid&after=" + after);
        assertThat(f.narrowed()).isTrue();
        assertThat(new SalesFilters(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())
                        .url(Optional.empty()))
                .isEqualTo("/sales");
    }

    @Test
    void aSearchOfBlanksSearchesNothing() {
        SaleFilter filter =
                filters(Optional.of("   "), Optional.empty(), Optional.empty()).toFilter(BRUSSELS);

        assertThat(filter.search()).isEmpty();
    }

    @Test
    void theSalesScreensUseTheGlossarysWords() {
        Messages fr = Messages.of(Language.FR);
        Messages nl = Messages.of(Language.NL);
        assertThat(fr.get("sales.title")).isEqualTo("Historique des ventes");
        assertThat(nl.get("sales.title")).isEqualTo("Verkoopgeschiedenis");
        assertThat(fr.get("sale.pay")).isEqualTo("Appliquer le paiement");
        assertThat(nl.get("sale.pay")).isEqualTo("Betaling toepassen");
        assertThat(fr.get("sale.return")).isEqualTo("Retourner les articles");
        assertThat(nl.get("sale.return")).isEqualTo("Artikelen retourneren");
        assertThat(fr.get("sale.pay.register")).isEqualTo("Caisse");
        assertThat(nl.get("sale.pay.register")).isEqualTo("Kassa");
        assertThat(fr.get("payment.kind.bank_deposit")).isEqualTo("Dépôt bancaire");
        assertThat(nl.get("payment.kind.bank_deposit")).isEqualTo("Bankstorting");
        assertThat(fr.get("sale.line.shipping")).isEqualTo("Frais d'expédition");
        assertThat(nl.get("sales.status.completed")).isEqualTo("Voltooid");
        assertThat(fr.get("sales.status.cancelled")).isEqualTo("Annulé");
    }
}
