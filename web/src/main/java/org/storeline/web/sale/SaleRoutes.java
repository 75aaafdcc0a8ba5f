package org.storeline.web.sale;

import static org.storeline.web.security.Authentication.actor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.CustomerService;
import org.storeline.core.customer.Email;
import org.storeline.core.error.Require;
import org.storeline.core.ids.Ids;
import org.storeline.core.paging.Page;
import org.storeline.core.refund.Refund;
import org.storeline.core.returns.CancellationService;
import org.storeline.core.returns.ReturnRequest;
import org.storeline.core.returns.ReturnService;
import org.storeline.core.returns.Returnable;
import org.storeline.core.sale.InStoreSaleService;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleFilter;
import org.storeline.core.sale.SaleLine;
import org.storeline.core.sale.SalePayment;
import org.storeline.core.sale.SaleService;
import org.storeline.core.sale.SaleStatus;
import org.storeline.core.transaction.Transactions;
import org.storeline.web.http.Json;
import org.storeline.web.http.JsonBody;
import org.storeline.web.http.Pages;
import org.storeline.web.http.Responses;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/** Sales: in-store sales, reading and filtering, payments on unpaid sales, the sale note, returns, cancellation. */
public final class SaleRoutes implements Routes {
    private final InStoreSaleService inStoreSales;
    private final SaleService sales;
    private final ReturnService returns;
    private final CancellationService cancellations;
    private final CustomerService customers;
    private final Function<Collection<UUID>, Map<UUID, List<UUID>>> fulfillmentIds;
    private final Transactions tx;

    public SaleRoutes(
            InStoreSaleService inStoreSales,
            SaleService sales,
            ReturnService returns,
            CancellationService cancellations,
            CustomerService customers,
            Function<Collection<UUID>, Map<UUID, List<UUID>>> fulfillmentIds,
            Transactions tx) {
        this.inStoreSales = inStoreSales;
        this.sales = sales;
        this.returns = returns;
        this.cancellations = cancellations;
        this.customers = customers;
        this.fulfillmentIds = fulfillmentIds;
        this.tx = tx;
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.post("/api/v1/sales", this::recordSale);
        routes.get("/api/v1/sales", this::listSales);
        routes.get(
                "/api/v1/sales/{id}",
                ctx -> Responses.ok(ctx, tx.inSnapshot(() -> one(sales.get(actor(ctx), saleId(ctx))))));
        routes.post("/api/v1/sales/{id}/payments", this::applyPayment);
        routes.patch("/api/v1/sales/{id}", this::annotate);
        routes.post("/api/v1/sales/{id}/returns", this::returnItems);
        routes.post(
                "/api/v1/sales/{id}/cancel",
                ctx -> Responses.ok(ctx, one(cancellations.cancel(actor(ctx), saleId(ctx)))));
    }

    private void recordSale(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        List<InStoreSaleService.LineRequest> lines = body.objectList("lines").stream()
                .map(line -> new InStoreSaleService.LineRequest(
                        line.id("product_id"),
                        line.wholeNumber("quantity"),
                        line.optionalDecimal("unit_price"),
                        line.optionalDecimal("discount")))
                .toList();
        List<InStoreSaleService.PaymentRequest> payments = body.objectList("payments").stream()
                .map(p -> new InStoreSaleService.PaymentRequest(p.id("payment_type_id"), p.decimal("amount")))
                .toList();
        Sale sale = inStoreSales.record(
                actor(ctx),
                new InStoreSaleService.SaleRequest(
                        body.id("outlet_id"), body.id("register_id"), body.optionalId("customer_id"), lines, payments));
        Responses.created(ctx, one(sale));
    }

    private void listSales(Context ctx) {
        SaleFilter filter = new SaleFilter(
                query(ctx, "outlet_id").map(v -> Ids.parse("outlet_id", v)),
                query(ctx, "channel_id").map(v -> Ids.parse("channel_id", v)),
                query(ctx, "external_order_id"),
                query(ctx, "customer_id").map(v -> Ids.parse("customer_id", v)),
                query(ctx, "status").map(SaleStatus::fromWire));
        Responses.ok(ctx, tx.inSnapshot(() -> {
            Page<Sale> page = sales.list(actor(ctx), filter, Pages.request(ctx));
            return Pages.write(page, representation(page.items()));
        }));
    }

    private void applyPayment(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        Sale sale = sales.applyPayment(
                actor(ctx),
                saleId(ctx),
                new SaleService.PaymentRequest(
                        body.id("payment_type_id"),
                        body.decimal("amount"),
                        body.optionalTime("paid_at"),
                        body.id("register_id")));
        Responses.created(ctx, one(sale));
    }

    private void annotate(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        Sale sale = sales.annotate(actor(ctx), saleId(ctx), body.text("note"));
        Responses.ok(ctx, one(sale));
    }

    /** RET-1..3. The Idempotency-Key header, when sent, makes a retried request answer the same return. */
    private void returnItems(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        List<Returnable.Requested> lines = body.objectList("lines").stream()
                .map(line -> new Returnable.Requested(line.id("line_id"), line.wholeNumber("quantity")))
                .toList();
        Optional<String> key = Optional.ofNullable(ctx.header("Idempotency-Key"))
                .map(k -> Require.storable("The Idempotency-Key header", k));
        ReturnRequest request = new ReturnRequest(
                lines,
                body.optionalId("payment_type_id"),
                body.optionalId("outlet_id"),
                body.optionalId("register_id"),
                body.optionalText("reason").orElse(""),
                key);
        ReturnService.Result result = returns.record(actor(ctx), saleId(ctx), request);
        ObjectNode node = (ObjectNode) one(result.returned());
        node.set("refund", refund(result.refund()));
        Responses.created(ctx, node);
    }

    private static UUID saleId(Context ctx) {
        return Ids.parse("id", ctx.pathParam("id"));
    }

    private static Optional<String> query(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(v -> !v.isBlank());
    }

    private JsonNode one(Sale sale) {
        return representation(List.of(sale)).apply(sale);
    }

    /** Writes sales: their fulfillment ids and returns read in a few queries, each customer looked up once. */
    private Function<Sale, JsonNode> representation(List<Sale> sales) {
        List<UUID> ids = sales.stream().map(Sale::id).toList();
        Map<UUID, List<UUID>> fulfillments = fulfillmentIds.apply(ids);
        ReturnService.Returns saleReturns = returns.returnsOf(ids);
        Map<UUID, Customer> seen = new HashMap<>();
        return sale -> {
            ObjectNode node = sale(
                    sale,
                    sale.customerId().map(id -> seen.computeIfAbsent(id, customers::get)),
                    fulfillments.getOrDefault(sale.id(), List.of()));
            node.put("return_of_sale_id", Json.id(sale.returnOfSaleId()));
            ArrayNode returnList = node.putArray("returns");
            saleReturns
                    .of(sale.id())
                    .forEach(r -> returnList
                            .addObject()
                            .put("id", Json.id(r.returnSaleId()))
                            .put("receipt_number", r.receiptNumber())
                            .put("refund_status", r.refundStatus().wireName()));
            node.set(
                    "refund",
                    saleReturns.refundOf(sale.id()).map(SaleRoutes::refund).orElse(null));
            return node;
        };
    }

    /** How a return's money goes back: its status, what the cashier reads, the amount and where it goes. */
    private static ObjectNode refund(Refund refund) {
        ObjectNode node = Json.object();
        node.put("status", refund.status().wireName());
        node.put("message", refund.message());
        node.put("amount", Json.money(refund.amount()));
        node.put("payment_type_id", Json.id(refund.paymentTypeId()));
        return node;
    }

    static ObjectNode sale(Sale sale, Optional<Customer> customer, List<UUID> fulfillments) {
        ObjectNode node = Json.object();
        node.put("id", Json.id(sale.id()));
        node.put("receipt_number", sale.receiptNumber());
        node.put("created_at", Json.time(sale.createdAt()));
        node.put(
                "imported_at",
                sale.channelOrder().map(c -> Json.time(c.importedAt())).orElse(null));
        node.put("outlet_id", Json.id(sale.outletId()));
        node.put("register_id", Json.id(sale.registerId()));
        node.put("source", sale.source().wireName());
        node.put(
                "channel_id",
                sale.channelOrder().map(c -> c.channelId().toString()).orElse(null));
        node.put(
                "external_order_id",
                sale.channelOrder().map(c -> c.externalOrderId()).orElse(null));
        node.put(
                "external_order_number",
                sale.channelOrder().map(c -> c.externalOrderNumber()).orElse(null));
        node.put("status", sale.status().wireName());
        node.put("currency", sale.currency().getCurrencyCode());
        node.set("customer", customer.map(SaleRoutes::customer).orElse(null));
        ArrayNode lines = node.putArray("lines");
        sale.lines().forEach(line -> lines.add(line(line)));
        ArrayNode payments = node.putArray("payments");
        sale.payments().forEach(payment -> payments.add(payment(payment)));
        node.put("total_tax", Json.money(sale.totalTax()));
        node.put("total", Json.money(sale.total()));
        node.put("paid", Json.money(sale.paid()));
        node.put("balance", Json.money(sale.balance()));
        node.put("payment_status", sale.paymentStatus().wireName());
        node.put("note", sale.note());
        ArrayNode fulfillmentArray = node.putArray("fulfillment_ids");
        fulfillments.forEach(id -> fulfillmentArray.add(id.toString()));
        return node;
    }

    private static ObjectNode customer(Customer customer) {
        ObjectNode node = Json.object();
        node.put("id", Json.id(customer.id()));
        node.put("name", customer.name());
        node.put("email", customer.email().map(Email::value).orElse(null));
        return node;
    }

    private static ObjectNode line(SaleLine line) {
        ObjectNode node = Json.object();
        node.put("id", Json.id(line.id()));
        node.put("product_id", Json.id(line.productId()));
        node.put("sku", line.sku());
        node.put("name", line.name());
        node.put("quantity", line.quantity());
        node.put("unit_price", Json.money(line.unitPrice()));
        node.put("discount", Json.money(line.discount()));
        node.put("tax_rate", line.taxRate().toDecimalString());
        node.put("tax", Json.money(line.tax()));
        node.put("total", Json.money(line.total()));
        node.put("is_shipping_fee", line.shippingFee());
        node.put("unmatched", line.unmatched());
        node.put("is_adjustment", line.adjustment());
        node.put("returned_line_id", Json.id(line.returnedLineId()));
        return node;
    }

    private static ObjectNode payment(SalePayment payment) {
        ObjectNode node = Json.object();
        node.put("id", Json.id(payment.id()));
        node.put("payment_type_id", Json.id(payment.paymentTypeId()));
        node.put("kind", payment.kind().wireName());
        node.put("processor", payment.processor().orElse(null));
        node.put("amount", Json.money(payment.amount()));
        node.put("currency", payment.amount().currency().getCurrencyCode());
        node.put("paid_at", Json.time(payment.paidAt()));
        node.put("register_id", Json.id(payment.registerId()));
        return node;
    }
}
