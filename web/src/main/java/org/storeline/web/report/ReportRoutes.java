package org.storeline.web.report;

import static org.storeline.web.security.Authentication.actor;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.report.ReportFilter;
import org.storeline.core.report.ReportService;
import org.storeline.core.report.ReportTime;
import org.storeline.core.user.Actor;
import org.storeline.web.http.Pages;
import org.storeline.web.http.Responses;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/**
 * The reports, as JSON (the list envelope, whole) or, with {@code Accept: text/csv}, as a CSV file. Filters:
 * {@code outlet_id}, {@code from}, {@code to}; a blank filter is ignored like a missing one.
 */
public final class ReportRoutes implements Routes {
    static final String CSV_TYPE = "text/csv; charset=utf-8";

    private final ReportService reports;

    public ReportRoutes(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.get("/api/v1/reports/payments", ctx -> {
            ReportFilter filter = filter(ctx);
            answer(ctx, filter, ReportTables.PAYMENTS, reports.payments(actor(ctx), filter));
        });
        routes.get("/api/v1/reports/product-sales", ctx -> {
            ReportFilter filter = filter(ctx);
            answer(ctx, filter, ReportTables.PRODUCT_SALES, reports.productSales(actor(ctx), filter));
        });
        routes.get("/api/v1/reports/sales-by-channel", ctx -> {
            ReportFilter filter = filter(ctx);
            answer(ctx, filter, ReportTables.SALES_BY_CHANNEL, reports.salesByChannel(actor(ctx), filter));
        });
        routes.get("/api/v1/reports/register-closures", ctx -> {
            ReportFilter filter = filter(ctx);
            answer(ctx, filter, ReportTables.REGISTER_CLOSURES, reports.registerClosures(actor(ctx), filter));
        });
    }

    /**
     * Answers one report ({@code payments}, {@code product-sales}, {@code sales-by-channel}) as the API's CSV file:
     * the web app's download links, which a browser cannot send with {@code Accept: text/csv}.
     */
    public static void csv(Context ctx, ReportService reports, Actor actor, String report, ReportFilter filter) {
        switch (report) {
            case "payments" -> csv(ctx, filter, ReportTables.PAYMENTS, reports.payments(actor, filter));
            case "product-sales" -> csv(ctx, filter, ReportTables.PRODUCT_SALES, reports.productSales(actor, filter));
            case "sales-by-channel" ->
                csv(ctx, filter, ReportTables.SALES_BY_CHANNEL, reports.salesByChannel(actor, filter));
            default -> throw new StorelineException(ErrorCode.NOT_FOUND, "There is no report " + report + ".");
        }
    }

    /** The filter of a request's {@code outlet_id}, {@code from} and {@code to}. */
    public static ReportFilter filter(Context ctx) {
        return new ReportFilter(
                query(ctx, "outlet_id").map(v -> Ids.parse("outlet_id", v)),
                query(ctx, "from").map(v -> ReportTime.parse("from", v)),
                query(ctx, "to").map(v -> ReportTime.parse("to", v)));
    }

    private static Optional<String> query(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(v -> !v.isBlank());
    }

    private static <T> void answer(Context ctx, ReportFilter filter, ReportTables.Table<T> table, List<T> rows) {
        ctx.header("Vary", "Accept");
        if (ReportFormat.from(ctx.header("Accept")) == ReportFormat.JSON) {
            Responses.ok(ctx, Pages.writeAll(rows, row -> table.json().apply(row)));
            return;
        }
        csv(ctx, filter, table, rows);
    }

    private static <T> void csv(Context ctx, ReportFilter filter, ReportTables.Table<T> table, List<T> rows) {
        String csv = Csv.write(
                table.header(),
                rows.stream()
                        .flatMap(row -> table.csvRows().apply(row).stream())
                        .toList());
        ctx.status(200)
                .contentType(CSV_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(table.name(), filter) + "\"")
                .result(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code payments.csv}, {@code payments_from-2026-12-01_to-2026-12-05.csv}: only letters, digits and dashes. */
    static String fileName(String report, ReportFilter filter) {
        StringBuilder name = new StringBuilder(report);
        filter.from().ifPresent(from -> name.append("_from-").append(safe(from.toString())));
        filter.to().ifPresent(to -> name.append("_to-").append(safe(to.toString())));
        return name.append(".csv").toString();
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9-]", "-");
    }
}
