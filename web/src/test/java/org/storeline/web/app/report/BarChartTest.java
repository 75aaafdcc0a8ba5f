package org.storeline.web.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {
    @Test
    void theLargestValueFillsTheRoomAndTheOthersAreInProportion() {
        BigDecimal max = new BigDecimal("200.00");
        int full = BarChart.length(max, max);

        assertThat(full).isEqualTo(530);
        assertThat(BarChart.length(new BigDecimal("100.00"), max)).isEqualTo(full / 2);
        assertThat(BarChart.length(new BigDecimal("0.01"), max))
                .as("a tiny value still shows")
                .isEqualTo(1);
    }

    @Test
    void negativeAndZeroValuesDrawNoBar() {
        assertThat(BarChart.length(new BigDecimal("-5.00"), new BigDecimal("10.00")))
                .isZero();
        assertThat(BarChart.length(BigDecimal.ZERO, new BigDecimal("10.00"))).isZero();
        assertThat(BarChart.length(new BigDecimal("-5.00"), new BigDecimal("-1.00")))
                .isZero();
    }

    @Test
    void labelsAndTitleAreEscapedSoThatNoTextBecomesMarkup() {
        String svg = BarChart.svg(
                "Sales <b>", List.of(new BarChart.Bar("<script>alert(1)</script> & co", BigDecimal.TEN, "€10.00")));

        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg).doesNotContain("<script>", "<b>");
        assertThat(svg).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", "Sales &lt;b&gt;");
        assertThat(svg).contains("role=\"img\"", "<title id=\"chart-title\">");
    }

    @Test
    void noBarsDrawNoChart() {
        assertThat(BarChart.svg("Empty", List.of())).isEmpty();
    }
}
