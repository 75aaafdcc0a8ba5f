package org.storeline.web.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.StorelineException;

class CatalogPagesTest {

    @Test
    void aTaxRateTypedAsAPercentageIsTheFractionCoreTakes() {
        assertThat(CatalogPages.fraction("21")).isEqualTo("0.21");
        assertThat(CatalogPages.fraction("5,5")).isEqualTo("0.055");
        assertThat(CatalogPages.fraction(" ")).isEqualTo("0.00");
        assertThatThrownBy(() -> CatalogPages.fraction("twenty")).isInstanceOf(StorelineException.class);
    }

    @Test
    void aFractionIsShownAsThePercentagePeopleWrite() {
        assertThat(ProductRow.percent(new BigDecimal("0.21"))).isEqualTo("21");
        assertThat(ProductRow.percent(new BigDecimal("0.055"))).isEqualTo("5.5");
        assertThat(ProductRow.percent(BigDecimal.ZERO)).isEqualTo("0");
    }

    @Test
    void aNewLevelIsAWholeNumberWithEitherMinusSign() {
        assertThat(CatalogPages.quantity(" 7 ")).isEqualTo(7);
        assertThat(CatalogPages.quantity("-2")).isEqualTo(-2);
        assertThat(CatalogPages.quantity("−2")).isEqualTo(-2);
        assertThatThrownBy(() -> CatalogPages.quantity("2.5")).isInstanceOf(StorelineException.class);
    }
}
