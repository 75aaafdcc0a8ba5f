package org.storeline.web.app.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A horizontal bar chart drawn on the server as SVG: no script, no library, readable at 360 px (one bar a line, its
 * label above it, its value written beside it), and described for screen readers by its title; the table under it
 * holds the same figures. Negative values (more returned than sold) draw no bar, and say so by their value.
 */
public final class BarChart {
    static final int WIDTH = 640;
    private static final int ROW = 44;
    private static final int BAR = 18;
    private static final int LABEL_SPACE = 16;
    private static final int VALUE_SPACE = 110;

    /** One bar: what it is, how long, and the value written beside it. */
    public record Bar(String label, BigDecimal value, String shown) {}

    private BarChart() {}

    /** The chart as an {@code <svg>} element, its title for assistive technology; empty when there are no bars. */
    static String svg(String title, List<Bar> bars) {
        if (bars.isEmpty()) {
            return "";
        }
        BigDecimal max = bars.stream().map(Bar::value).reduce(BigDecimal.ZERO, BigDecimal::max);
        int height = bars.size() * ROW + 4;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" preserveAspectRatio=\"xMinYMin meet\" aria-labelledby=\"chart-title\">")
                .append("<title id=\"chart-title\">")
                .append(escape(title))
                .append("</title>");
        int y = 0;
        for (Bar bar : bars) {
            int length = length(bar.value(), max);
            svg.append("<g class=\"chart-row\"><text class=\"chart-label\" x=\"0\" y=\"")
                    .append(y + 13)
                    .append("\">")
                    .append(escape(bar.label()))
                    .append("</text><rect class=\"chart-bar\" x=\"0\" y=\"")
                    .append(y + LABEL_SPACE + 2)
                    .append("\" width=\"")
                    .append(length)
                    .append("\" height=\"")
                    .append(BAR)
                    .append("\" rx=\"3\"/><text class=\"chart-value\" x=\"")
                    .append(length + 6)
                    .append("\" y=\"")
                    .append(y + LABEL_SPACE + 15)
                    .append("\">")
                    .append(escape(bar.shown()))
                    .append("</text></g>");
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    /** The bar's length in the drawing's units: the largest value fills the room left beside its written value. */
    static int length(BigDecimal value, BigDecimal max) {
        if (max.signum() <= 0 || value.signum() <= 0) {
            return 0;
        }
        BigDecimal room = BigDecimal.valueOf(WIDTH - VALUE_SPACE);
        return Math.max(
                1, value.multiply(room).divide(max, 0, RoundingMode.HALF_UP).intValue());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
