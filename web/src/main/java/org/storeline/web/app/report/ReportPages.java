package org.storeline.web.app.report;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.money.Money;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.report.ChannelSalesRow;
import org.storeline.core.report.PaymentRow;
import org.storeline.core.report.ProductSalesRow;
import org.storeline.core.report.ReportFilter;
import org.storeline.core.report.ReportService;
import org.storeline.core.user.Actor;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.WebSessions;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;
import org.storeline.web.report.ReportRoutes;

/**
 * Reports: sales by channel and day, payments by type and processor, product sales (the shipping fee product among
 * them), each as a chart drawn on the server, its table, and the API's CSV file. Every role reads them over the
 * outlets it may see (core's ReportService decides).
 */
public final class ReportPages {
    static final List<String> REPORTS = List.of("sales-by-channel", "payments", "product-sales");
    private static final int MOST_BARS = 20;

    private final ReportService reports;
    private final OutletService outlets;
    private final Layout layout;
    private final Views views;

    public ReportPages(ReportService reports, OutletService outlets, Layout layout, Views views) {
        this.reports = reports;
        this.outlets = outlets;
        this.layout = layout;
        this.views = views;
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/reports", ctx -> page(ctx, "sales-by-channel"));
        routes.get("/reports/{report}", ctx -> {
            String report = ctx.pathParam("report");
            if (report.endsWith(".csv") && REPORTS.contains(report.substring(0, report.length() - 4))) {
                ReportRoutes.csv(
                        ctx,
                        reports,
                        WebSessions.actor(ctx),
                        report.substring(0, report.length() - 4),
                        ReportRoutes.filter(ctx));
                return;
            }
            if (!REPORTS.contains(report)) {
                throw new StorelineException(ErrorCode.NOT_FOUND, "There is no report " + report + ".");
            }
            page(ctx, report);
        });
    }

    private void page(Context ctx, String report) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        ReportFilter filter = ReportRoutes.filter(ctx);
        ReportView.Table table = switch (report) {
            case "payments" -> payments(reports.payments(actor, filter), t);
            case "product-sales" -> products(reports.productSales(actor, filter), t);
            default -> channels(reports.salesByChannel(actor, filter), t);
        };
        String query = query(ctx);
        List<ReportView.Tab> tabs = REPORTS.stream()
                .map(r -> new ReportView.Tab(t.get("report." + r), "/reports/" + r + query, r.equals(report)))
                .toList();
        String outlet = Optional.ofNullable(ctx.queryParam("outlet_id")).orElse("");
        List<ReportView.Option> outletChoices = new ArrayList<>();
        outletChoices.add(new ReportView.Option("", t.get("report.allOutlets"), outlet.isEmpty()));
        outlets.list(actor)
                .forEach(o -> outletChoices.add(new ReportView.Option(
                        o.id().toString(), o.name(), o.id().toString().equals(outlet))));
        String title = t.get("report." + report);
        views.answer(
                ctx,
                "report/page.jte",
                new ReportView(
                        layout.page(ctx, t.get("nav.reports") + " · " + title, Optional.empty(), "reports"),
                        report,
                        title,
                        tabs,
                        Optional.ofNullable(ctx.queryParam("from")).orElse(""),
                        Optional.ofNullable(ctx.queryParam("to")).orElse(""),
                        outletChoices,
                        BarChart.svg(t.format("report.chartTitle", title), table.bars()),
                        table,
                        "/reports/" + report + ".csv" + query));
    }

    private static ReportView.Table channels(List<ChannelSalesRow> rows, Messages t) {
        DateTimeFormatter days =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(t.locale());
        List<List<ReportView.Cell>> cells = new ArrayList<>();
        List<BarChart.Bar> bars = new ArrayList<>();
        for (ChannelSalesRow row : rows) {
            String channel = row.channelName().isEmpty() ? t.get("report.inStore") : row.channelName();
            String total = money(row.total(), t);
            cells.add(List.of(
                    ReportView.Cell.text(days.format(row.day())),
                    ReportView.Cell.text(channel),
                    ReportView.Cell.number(Long.toString(row.sales())),
                    ReportView.Cell.number(Long.toString(row.returns())),
                    ReportView.Cell.number(total)));
            bars.add(new BarChart.Bar(
                    days.format(row.day()) + " · " + channel, row.total().amount(), total));
        }
        return new ReportView.Table(
                List.of(
                        ReportView.Cell.text(t.get("report.day")),
                        ReportView.Cell.text(t.get("report.channel")),
                        ReportView.Cell.number(t.get("report.sales")),
                        ReportView.Cell.number(t.get("report.returns")),
                        ReportView.Cell.number(t.get("report.total"))),
                cells,
                mostRecent(bars));
    }

    private static ReportView.Table payments(List<PaymentRow> rows, Messages t) {
        List<List<ReportView.Cell>> cells = new ArrayList<>();
        List<BarChart.Bar> bars = new ArrayList<>();
        for (PaymentRow row : rows) {
            String name = row.name() + row.processor().map(p -> " (" + p + ")").orElse("");
            cells.add(List.of(
                    ReportView.Cell.text(row.name()),
                    ReportView.Cell.text(t.get("report.kind." + row.kind().wireName())),
                    ReportView.Cell.text(row.processor().orElse("—")),
                    ReportView.Cell.number(Long.toString(row.count())),
                    ReportView.Cell.number(money(row.received(), t)),
                    ReportView.Cell.number(money(row.refunded(), t)),
                    ReportView.Cell.number(money(row.net(), t))));
            bars.add(new BarChart.Bar(name, row.net().amount(), money(row.net(), t)));
        }
        return new ReportView.Table(
                List.of(
                        ReportView.Cell.text(t.get("report.paymentType")),
                        ReportView.Cell.text(t.get("report.kind")),
                        ReportView.Cell.text(t.get("report.processor")),
                        ReportView.Cell.number(t.get("report.count")),
                        ReportView.Cell.number(t.get("report.received")),
                        ReportView.Cell.number(t.get("report.refunded")),
                        ReportView.Cell.number(t.get("report.total"))),
                cells,
                largest(bars));
    }

    private static ReportView.Table products(List<ProductSalesRow> rows, Messages t) {
        List<List<ReportView.Cell>> cells = new ArrayList<>();
        List<BarChart.Bar> bars = new ArrayList<>();
        for (ProductSalesRow row : rows) {
            String name = switch (row.kind()) {
                case ADJUSTMENT -> t.get("report.adjustments");
                default -> row.name();
            };
            String label = row.shippingFee() ? name + " · " + t.get("report.shippingFee") : name;
            cells.add(List.of(
                    ReportView.Cell.text(row.sku()),
                    row.shippingFee()
                            ? ReportView.Cell.tagged(name, t.get("report.shippingFee"))
                            : ReportView.Cell.text(name),
                    ReportView.Cell.number(Long.toString(row.quantity())),
                    ReportView.Cell.number(Long.toString(row.returnedQuantity())),
                    ReportView.Cell.number(money(row.net(), t)),
                    ReportView.Cell.number(money(row.tax(), t)),
                    ReportView.Cell.number(money(row.total(), t))));
            bars.add(new BarChart.Bar(label, row.total().amount(), money(row.total(), t)));
        }
        return new ReportView.Table(
                List.of(
                        ReportView.Cell.text(t.get("report.sku")),
                        ReportView.Cell.text(t.get("report.product")),
                        ReportView.Cell.number(t.get("report.quantity")),
                        ReportView.Cell.number(t.get("report.returned")),
                        ReportView.Cell.number(t.get("report.net")),
                        ReportView.Cell.number(t.get("report.tax")),
                        ReportView.Cell.number(t.get("report.total"))),
                cells,
                largest(bars));
    }

    /** The largest bars, largest first: a chart of hundreds of products would say nothing. */
    private static List<BarChart.Bar> largest(List<BarChart.Bar> bars) {
        return bars.stream()
                .sorted(Comparator.comparing(BarChart.Bar::value).reversed())
                .limit(MOST_BARS)
                .toList();
    }

    /** The latest days' bars, in the order of the days. */
    private static List<BarChart.Bar> mostRecent(List<BarChart.Bar> bars) {
        return bars.subList(Math.max(0, bars.size() - MOST_BARS), bars.size());
    }

    static String money(Money money, Messages t) {
        NumberFormat format = NumberFormat.getCurrencyInstance(t.locale());
        format.setCurrency(money.currency());
        return format.format(money.amount());
    }

    /** The filters as they were asked, for the tabs and the CSV link. */
    private static String query(Context ctx) {
        String query = ctx.queryString();
        return query == null || query.isBlank() ? "" : "?" + query;
    }
}
