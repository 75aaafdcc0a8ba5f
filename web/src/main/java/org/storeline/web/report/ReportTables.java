package org.storeline.web.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.storeline.core.register.ClosureReport;
import org.storeline.core.report.ChannelSalesRow;
import org.storeline.core.report.PaymentRow;
import org.storeline.core.report.ProductSalesRow;
import org.storeline.web.http.Json;
import org.storeline.web.setup.SetupRoutes;

/**
 * How each report's rows are written: as JSON objects and as CSV rows. A CSV row of the payments and product sales
 * reports has the JSON item's fields as columns, in the same order; a closure report, which nests its payments,
 * becomes one CSV row per payment type it lists (one row with empty payment columns when it lists none).
 */
final class ReportTables {
    /** One report: its file name, its JSON items, its CSV header and rows. */
    record Table<T>(
            String name,
            Function<T, ObjectNode> json,
            List<String> header,
            Function<T, List<List<Csv.Cell>>> csvRows) {}

    static final Table<PaymentRow> PAYMENTS = new Table<>(
            "payments",
            ReportTables::payment,
            List.of(
                    "payment_type_id",
                    "name",
                    "kind",
                    "processor",
                    "currency",
                    "count",
                    "total",
                    "received_count",
                    "received",
                    "refunded_count",
                    "refunded"),
            row -> List.of(List.of(
                    Csv.value(row.paymentTypeId()),
                    Csv.text(row.name()),
                    Csv.value(row.kind().wireName()),
                    Csv.text(row.processor().orElse("")),
                    Csv.value(row.received().currency().getCurrencyCode()),
                    Csv.value(row.count()),
                    Csv.value(Json.money(row.net())),
                    Csv.value(row.receivedCount()),
                    Csv.value(Json.money(row.received())),
                    Csv.value(row.refundedCount()),
                    Csv.value(Json.money(row.refunded())))));

    static final Table<ProductSalesRow> PRODUCT_SALES = new Table<>(
            "product-sales",
            ReportTables::productSales,
            List.of(
                    "product_id",
                    "sku",
                    "name",
                    "is_shipping_fee",
                    "unmatched",
                    "is_adjustment",
                    "currency",
                    "quantity",
                    "returned_quantity",
                    "net",
                    "tax",
                    "total"),
            row -> List.of(List.of(
                    Csv.value(Json.id(row.productId())),
                    Csv.text(row.sku()),
                    Csv.text(row.name()),
                    Csv.value(row.shippingFee()),
                    Csv.value(row.kind() == ProductSalesRow.Kind.UNMATCHED),
                    Csv.value(row.kind() == ProductSalesRow.Kind.ADJUSTMENT),
                    Csv.value(row.total().currency().getCurrencyCode()),
                    Csv.value(row.quantity()),
                    Csv.value(row.returnedQuantity()),
                    Csv.value(Json.money(row.net())),
                    Csv.value(Json.money(row.tax())),
                    Csv.value(Json.money(row.total())))));

    static final Table<ChannelSalesRow> SALES_BY_CHANNEL = new Table<>(
            "sales-by-channel",
            ReportTables::channelSales,
            List.of("day", "channel_id", "channel", "currency", "sales", "returns", "total"),
            row -> List.of(List.of(
                    Csv.value(row.day()),
                    Csv.value(Json.id(row.channelId())),
                    Csv.text(row.channelName()),
                    Csv.value(row.total().currency().getCurrencyCode()),
                    Csv.value(row.sales()),
                    Csv.value(row.returns()),
                    Csv.value(Json.money(row.total())))));

    static final Table<ClosureReport> REGISTER_CLOSURES = new Table<>(
            "register-closures",
            SetupRoutes::closure,
            List.of(
                    "register_id",
                    "outlet_id",
                    "period_id",
                    "opened_at",
                    "closed_at",
                    "currency",
                    "opening_float",
                    "expected_cash",
                    "counted_cash",
                    "cash_difference",
                    "payment_type_id",
                    "payment_type",
                    "kind",
                    "processor",
                    "payment_currency",
                    "count",
                    "total"),
            ReportTables::closureRows);

    private ReportTables() {}

    private static ObjectNode payment(PaymentRow row) {
        ObjectNode node = Json.object();
        node.put("payment_type_id", Json.id(row.paymentTypeId()));
        node.put("name", row.name());
        node.put("kind", row.kind().wireName());
        node.put("processor", row.processor().orElse(null));
        node.put("currency", row.received().currency().getCurrencyCode());
        node.put("count", row.count());
        node.put("total", Json.money(row.net()));
        node.put("received_count", row.receivedCount());
        node.put("received", Json.money(row.received()));
        node.put("refunded_count", row.refundedCount());
        node.put("refunded", Json.money(row.refunded()));
        return node;
    }

    private static ObjectNode channelSales(ChannelSalesRow row) {
        ObjectNode node = Json.object();
        node.put("day", row.day().toString());
        node.put("channel_id", Json.id(row.channelId()));
        node.put("channel", row.channelName());
        node.put("currency", row.total().currency().getCurrencyCode());
        node.put("sales", row.sales());
        node.put("returns", row.returns());
        node.put("total", Json.money(row.total()));
        return node;
    }

    private static ObjectNode productSales(ProductSalesRow row) {
        ObjectNode node = Json.object();
        node.put("product_id", Json.id(row.productId()));
        node.put("sku", row.sku());
        node.put("name", row.name());
        node.put("is_shipping_fee", row.shippingFee());
        node.put("unmatched", row.kind() == ProductSalesRow.Kind.UNMATCHED);
        node.put("is_adjustment", row.kind() == ProductSalesRow.Kind.ADJUSTMENT);
        node.put("currency", row.total().currency().getCurrencyCode());
        node.put("quantity", row.quantity());
        node.put("returned_quantity", row.returnedQuantity());
        node.put("net", Json.money(row.net()));
        node.put("tax", Json.money(row.tax()));
        node.put("total", Json.money(row.total()));
        return node;
    }

    private static List<List<Csv.Cell>> closureRows(ClosureReport report) {
        List<Csv.Cell> closure = List.of(
                Csv.value(report.registerId()),
                Csv.value(report.outletId()),
                Csv.value(report.period().id()),
                Csv.value(Json.time(report.period().openedAt())),
                Csv.value(report.period().closedAt().map(Json::time).orElse("")),
                Csv.value(report.expectedCash().currency().getCurrencyCode()),
                Csv.value(Json.money(report.period().openingFloat())),
                Csv.value(Json.money(report.expectedCash())),
                Csv.value(report.countedCash().map(Json::money).orElse("")),
                Csv.value(report.cashDifference().map(Json::money).orElse("")));
        if (report.payments().isEmpty()) {
            List<Csv.Cell> row = new ArrayList<>(closure);
            for (int i = 0; i < 7; i++) {
                row.add(Csv.value(""));
            }
            return List.of(row);
        }
        List<List<Csv.Cell>> rows = new ArrayList<>();
        for (ClosureReport.PaymentTotal total : report.payments()) {
            List<Csv.Cell> row = new ArrayList<>(closure);
            row.add(Csv.value(total.paymentTypeId()));
            row.add(Csv.text(total.name()));
            row.add(Csv.value(total.kind().wireName()));
            row.add(Csv.text(total.processor().orElse("")));
            row.add(Csv.value(total.total().currency().getCurrencyCode()));
            row.add(Csv.value(total.count()));
            row.add(Csv.value(Json.money(total.total())));
            rows.add(row);
        }
        return rows;
    }
}
