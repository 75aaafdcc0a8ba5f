package org.storeline.web.fulfillment;

import static org.storeline.web.security.Authentication.actor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.CustomerService;
import org.storeline.core.error.StorelineException;
import org.storeline.core.fulfillment.ChangedFulfillment;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentRepository;
import org.storeline.core.fulfillment.FulfillmentService;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.fulfillment.FulfillmentWorkflow;
import org.storeline.core.fulfillment.ScannedCode;
import org.storeline.core.fulfillment.ScannerService;
import org.storeline.core.fulfillment.Tracking;
import org.storeline.core.ids.Ids;
import org.storeline.core.paging.Page;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleService;
import org.storeline.core.user.Actor;
import org.storeline.web.http.Json;
import org.storeline.web.http.JsonBody;
import org.storeline.web.http.Pages;
import org.storeline.web.http.Responses;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/**
 * Fulfillments: the Fulfillments page's list (incomplete ones, oldest first, by default), one fulfillment, the
 * workflow's actions (pack, ship, pickup) and the Scanner's (scans, assignee, notes). Each action answers the
 * fulfillment as it is after it, in the one representation {@link #fulfillment} that every writer uses.
 */
public final class FulfillmentRoutes implements Routes {
    private final FulfillmentService fulfillments;
    private final FulfillmentWorkflow workflow;
    private final ScannerService scanner;
    private final SaleService sales;
    private final CustomerService customers;

    public FulfillmentRoutes(
            FulfillmentService fulfillments,
            FulfillmentWorkflow workflow,
            ScannerService scanner,
            SaleService sales,
            CustomerService customers) {
        this.fulfillments = fulfillments;
        this.workflow = workflow;
        this.scanner = scanner;
        this.sales = sales;
        this.customers = customers;
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.get("/api/v1/fulfillments", this::list);
        routes.get("/api/v1/fulfillments/{id}", ctx -> {
            Fulfillment fulfillment = fulfillments.get(actor(ctx), Ids.parse("id", ctx.pathParam("id")));
            Responses.ok(ctx, representation(actor(ctx), List.of(fulfillment)).apply(fulfillment));
        });
        routes.post("/api/v1/fulfillments/{id}/pack", ctx -> ok(ctx, workflow.pack(actor(ctx), id(ctx))));
        routes.post("/api/v1/fulfillments/{id}/ship", this::ship);
        routes.post("/api/v1/fulfillments/{id}/pickup", ctx -> ok(ctx, workflow.handOver(actor(ctx), id(ctx))));
        routes.post(
                "/api/v1/fulfillments/{id}/pickup-order", ctx -> ok(ctx, workflow.handOverOrder(actor(ctx), id(ctx))));
        routes.post("/api/v1/fulfillments/{id}/scans", this::scan);
        routes.put("/api/v1/fulfillments/{id}/assignee", this::assign);
        routes.post("/api/v1/fulfillments/{id}/notes", this::addNote);
    }

    /** The body is optional: nothing, {@code {}}, or {@code {"tracking": {"number", "company", "url"}}}. */
    private void ship(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        Optional<Tracking> tracking = isBlank(bytes)
                ? Optional.empty()
                : JsonBody.of(bytes)
                        .optionalObject("tracking")
                        .map(t -> new Tracking(
                                t.optionalText("number"), t.optionalText("company"), t.optionalText("url")));
        ok(ctx, workflow.ship(actor(ctx), id(ctx), tracking));
    }

    private void scan(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        ScannedCode code = ScannedCode.of("barcode", body.text("barcode"));
        ok(ctx, scanner.scan(actor(ctx), id(ctx), code));
    }

    /** {@code {"user_id": "..."}} assigns; {@code {"user_id": null}} (or no user_id) unassigns. */
    private void assign(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        ok(ctx, scanner.assign(actor(ctx), id(ctx), body.optionalId("user_id")));
    }

    /** A note is created: 201, with the fulfillment that now holds it. */
    private void addNote(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        Responses.created(ctx, changed(scanner.addNote(actor(ctx), id(ctx), body.text("text"))));
    }

    private void ok(Context ctx, ChangedFulfillment changed) {
        Responses.ok(ctx, changed(changed));
    }

    /** The answer to an action: the fulfillment with the sale the action's transaction left (not read again). */
    private JsonNode changed(ChangedFulfillment changed) {
        Sale sale = changed.sale();
        return fulfillment(changed.fulfillment(), sale, sale.customerId().map(customers::get));
    }

    private static UUID id(Context ctx) {
        return Ids.parse("id", ctx.pathParam("id"));
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private void list(Context ctx) {
        FulfillmentRepository.Filter filter = new FulfillmentRepository.Filter(
                query(ctx, "outlet_id").map(v -> Ids.parse("outlet_id", v)),
                query(ctx, "sale_id").map(v -> Ids.parse("sale_id", v)),
                query(ctx, "type").map(FulfillmentRoutes::type),
                statuses(query(ctx, "status")),
                query(ctx, "channel_id").map(v -> Ids.parse("channel_id", v)),
                query(ctx, "assigned_user_id").map(v -> Ids.parse("assigned_user_id", v)),
                query(ctx, "barcode").map(v -> ScannedCode.of("barcode", v).value()));
        Page<Fulfillment> page = fulfillments.list(actor(ctx), filter, Pages.request(ctx));
        Responses.ok(ctx, Pages.write(page, representation(actor(ctx), page.items())));
    }

    /** {@code status=new,packed}, {@code status=any}, or nothing: the incomplete ones (new, in progress, packed). */
    static Set<FulfillmentStatus> statuses(Optional<String> param) {
        if (param.isEmpty()) {
            return FulfillmentStatus.INCOMPLETE;
        }
        if (param.get().trim().equals("any")) {
            return EnumSet.allOf(FulfillmentStatus.class);
        }
        EnumSet<FulfillmentStatus> statuses = EnumSet.noneOf(FulfillmentStatus.class);
        Arrays.stream(param.get().split(","))
                .filter(s -> !s.isBlank())
                .map(FulfillmentStatus::fromWire)
                .forEach(statuses::add);
        return statuses;
    }

    private static FulfillmentType type(String value) {
        return switch (value.trim()) {
            case "delivery" -> FulfillmentType.DELIVERY;
            case "pickup" -> FulfillmentType.PICKUP;
            default -> throw StorelineException.invalid("type must be delivery or pickup; got '" + value + "'.");
        };
    }

    private static Optional<String> query(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(v -> !v.isBlank());
    }

    /**
     * Writes {@code written} (a page, or one) with their sales' receipt numbers, notes and customers, read together in
     * a few queries whatever the page's size, not one sale at a time. The fulfillment's outlet was checked against
     * the actor; its sale may belong to another outlet (a split order).
     */
    private Function<Fulfillment, JsonNode> representation(Actor actor, List<Fulfillment> written) {
        Map<UUID, Sale> saleOf =
                sales.requireAll(written.stream().map(Fulfillment::saleId).collect(Collectors.toSet()));
        Map<UUID, Customer> customerOf = customers.getAll(saleOf.values().stream()
                .flatMap(sale -> sale.customerId().stream())
                .collect(Collectors.toSet()));
        return f -> {
            actor.requireOutlet(f.outletId());
            Sale sale = saleOf.get(f.saleId());
            return fulfillment(f, sale, sale.customerId().map(customerOf::get));
        };
    }

    /**
     * The fulfillment's JSON: what the Fulfillments page and the Scanner show (FUL-1), with its sale's receipt number,
     * note, customer and payment state. The one representation: every answer, and the event stream's
     * {@code event: fulfillment}, writes it with this.
     */
    public static ObjectNode fulfillment(Fulfillment f, Sale sale, Optional<Customer> customer) {
        ObjectNode node = Json.object();
        node.put("id", f.id().toString());
        node.put("sale_id", f.saleId().toString());
        node.put("receipt_number", sale.receiptNumber());
        node.put(
                "external_order_number",
                sale.channelOrder().map(c -> c.externalOrderNumber()).orElse(null));
        node.put("created_at", Json.time(f.createdAt()));
        node.put("outlet_id", f.outletId().toString());
        node.put("type", f.type().wireName());
        node.put("status", f.status().wireName());
        node.set(
                "customer",
                customer.map(c -> {
                            ObjectNode cn = Json.object();
                            cn.put("id", c.id().toString());
                            cn.put("name", c.name());
                            return cn;
                        })
                        .orElse(null));
        ArrayNode items = node.putArray("items");
        for (Fulfillment.Item item : f.items()) {
            ObjectNode i = items.addObject();
            i.put("line_id", item.lineId().toString());
            i.put("sku", item.sku());
            i.put("name", item.name());
            i.put("quantity", item.quantity());
            i.put("picked", item.picked());
            i.put("product_id", Json.id(item.productId()));
        }
        node.put("picking", f.picking().name().toLowerCase(Locale.ROOT));
        node.put("sale_note", sale.note());
        ArrayNode notes = node.putArray("notes");
        f.notes().forEach(note -> notes.add(note.text()));
        node.put("assigned_user_id", Json.id(f.assignedUserId()));
        node.set("tracking", f.tracking().map(FulfillmentRoutes::tracking).orElse(null));
        node.put("payment_status", sale.paymentStatus().wireName());
        node.put("balance", Json.money(sale.balance()));
        node.put("currency", sale.currency().getCurrencyCode());
        return node;
    }

    private static ObjectNode tracking(Tracking tracking) {
        ObjectNode node = Json.object();
        node.put("number", tracking.number().orElse(null));
        node.put("company", tracking.company().orElse(null));
        node.put("url", tracking.url().orElse(null));
        return node;
    }
}
