package org.storeline.web.app.report;

import java.util.List;
import java.util.Optional;
import org.storeline.web.app.view.Shell;

/** A report's page: its tabs, filters, chart (SVG drawn here), table and CSV link, in the reader's words. */
public record ReportView(
        Shell shell,
        String report,
        String title,
        List<Tab> tabs,
        String from,
        String to,
        List<Option> outlets,
        String chart,
        Table table,
        String csvUrl) {

    public record Tab(String label, String url, boolean selected) {}

    public record Option(String value, String label, boolean selected) {}

    /** A cell: text, or a number (right-aligned); {@code tag} marks a row (the shipping fee product). */
    public record Cell(String text, boolean number, Optional<String> tag) {
        static Cell text(String text) {
            return new Cell(text, false, Optional.empty());
        }

        static Cell number(String text) {
            return new Cell(text, true, Optional.empty());
        }

        static Cell tagged(String text, String tag) {
            return new Cell(text, false, Optional.of(tag));
        }
    }

    public record Table(List<Cell> header, List<List<Cell>> rows, List<BarChart.Bar> bars) {}
}
