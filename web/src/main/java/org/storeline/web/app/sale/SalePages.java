package org.storeline.web.app.sale;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCategory;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.returns.CancellationService;
import org.storeline.core.returns.ReturnRequest;
import org.storeline.core.returns.ReturnService;
import org.storeline.core.returns.Returnable;
import org.storeline.core.sale.PaymentStatus;
import org.storeline.core.sale.SaleService;
import org.storeline.core.sale.SaleStatus;
import org.storeline.core.salehistory.SaleHistory;
import org.storeline.core.user.Actor;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.sale.SalesListPage.Choice;
import org.storeline.web.app.session.WebSessions;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;
import org.storeline.web.http.ErrorResponses;

/**
 * Sales history ({@code /sales}) and a sale's page ({@code /sales/{id}}) with Apply payment (PAY-2), Return items
 * (RET-1..3) and Cancel. Reads go through {@link SaleHistory}, actions through the API's own use cases with the
 * signed-in user's actor: what the API refuses, the page refuses, with the server's reason shown where it was asked.
 */
public final class SalePages {
    static final int PAGE_SIZE = 50;

    private final SaleHistory history;
    private final SaleService sales;
    private final ReturnService returns;
    private final CancellationService cancellations;
    private final OutletService outlets;
    private final SalePageBuilder builder;
    private final Layout layout;
    private final Views views;

    /** The core services the sales screens use. */
    public record Services(
            SaleHistory history,
            SaleService sales,
            ReturnService returns,
            CancellationService cancellations,
            OutletService outlets) {}

    public SalePages(Services services, Layout layout, Views views, Clock clock) {
        this.history = services.history();
        this.sales = services.sales();
        this.returns = services.returns();
        this.cancellations = services.cancellations();
        this.outlets = services.outlets();
        this.builder = new SalePageBuilder(outlets, clock);
        this.layout = layout;
        this.views = views;
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/sales", this::list);
        routes.get("/sales/{id}", ctx -> page(ctx, 200, SalePageBuilder.Request.of(ctx)));
        routes.post("/sales/{id}/payments", this::applyPayment);
        routes.post("/sales/{id}/returns", this::returnItems);
        routes.post("/sales/{id}/cancel", this::cancel);
    }

    private void list(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        SalesFilters filters = SalesFilters.read(ctx);
        List<Outlet> mine = outlets.list(actor);
        Optional<Outlet> shown = filters.outlet().map(id -> outlets.get(actor, id));
        ZoneId zone =
                shown.or(() -> mine.stream().findFirst()).map(Outlet::timeZone).orElse(ZoneOffset.UTC);
        SaleHistory.Found found =
                history.search(actor, filters.toFilter(zone), new PageRequest(PAGE_SIZE, filters.after()));
        if (scannedOneReceipt(filters, found)) {
            ctx.redirect("/sales/" + found.rows().items().get(0).sale().id(), HttpStatus.SEE_OTHER);
            return;
        }
        String title = t.get("sales.title");
        views.answer(
                ctx,
                "sale/list.jte",
                new SalesListPage(
                        layout.page(
                                ctx,
                                title,
                                shown.or(() -> mine.stream().findFirst()).map(Outlet::id),
                                "sales"),
                        filters,
                        mine.stream()
                                .map(o -> new Choice(
                                        o.id().toString(),
                                        o.name(),
                                        filters.outlet().equals(Optional.of(o.id()))))
                                .toList(),
                        found.channels().stream()
                                .map(c -> new Choice(
                                        c.id().toString(),
                                        c.name(),
                                        filters.channel().equals(Optional.of(c.id()))))
                                .toList(),
                        statuses(filters, t),
                        payments(filters, t),
                        found.rows().items().stream()
                                .map(row -> SaleRowView.of(row, t))
                                .toList(),
                        found.rows().next().map(after -> filters.url(Optional.of(after))),
                        filters.after().map(after -> filters.url(Optional.empty())),
                        "/sales",
                        t.get(filters.narrowed() ? "sales.empty.filtered" : "sales.empty")));
    }

    /** A receipt scanned or typed whole opens its sale at once: that is what the cashier wants to see. */
    private static boolean scannedOneReceipt(SalesFilters filters, SaleHistory.Found found) {
        return filters.search().isPresent()
                && filters.after().isEmpty()
                && found.rows().items().size() == 1
                && found.rows()
                        .items()
                        .get(0)
                        .sale()
                        .receiptNumber()
                        .equals(filters.search().get());
    }

    private static List<Choice> statuses(SalesFilters filters, Messages t) {
        List<Choice> choices = new ArrayList<>();
        for (SaleStatus s : SaleStatus.values()) {
            choices.add(new Choice(
                    s.wireName(),
                    t.get("sales.status." + s.wireName()),
                    filters.status().equals(Optional.of(s))));
        }
        return choices;
    }

    private static List<Choice> payments(SalesFilters filters, Messages t) {
        List<Choice> choices = new ArrayList<>();
        for (PaymentStatus s : PaymentStatus.values()) {
            choices.add(new Choice(
                    s.wireName(),
                    t.get("payment." + s.wireName()),
                    filters.payment().equals(Optional.of(s))));
        }
        return choices;
    }

    /** The sale's page, with the outcome of the last action or a form shown again with the server's reason. */
    private void page(Context ctx, int status, SalePageBuilder.Request request) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        SaleHistory.Details details = history.details(actor, saleId(ctx));
        String title = t.get("sale.title") + " " + details.sale().receiptNumber();
        SalePageView view = builder.build(
                details,
                request,
                t,
                layout.page(ctx, title, Optional.of(details.row().outlet().id()), "sales"));
        views.answer(ctx, status, "sale/page.jte", view);
    }

    private void applyPayment(Context ctx) {
        UUID id = saleId(ctx);
        Actor actor = WebSessions.actor(ctx);
        try {
            UUID register = Ids.parse("register", form(ctx, "register"));
            SaleHistory.Details details = history.details(actor, id);
            ZoneId zone = builder.zoneOfRegister(details, register);
            sales.applyPayment(
                    actor,
                    id,
                    new SaleService.PaymentRequest(
                            Ids.parse("payment type", form(ctx, "payment_type")),
                            form(ctx, "amount"),
                            paidAt(ctx, zone),
                            register));
        } catch (StorelineException e) {
            refused(ctx, e, SalePageBuilder.Request.refusedPayment(ctx, e.getMessage()));
            return;
        }
        ctx.redirect("/sales/" + id + "?done=paid", HttpStatus.SEE_OTHER);
    }

    private void returnItems(Context ctx) {
        UUID id = saleId(ctx);
        Actor actor = WebSessions.actor(ctx);
        ReturnService.Result result;
        try {
            SaleHistory.Details details = history.details(actor, id);
            List<Returnable.Requested> lines = new ArrayList<>();
            details.sale().lines().forEach(line -> {
                long units = quantity(ctx, "qty." + line.id());
                if (units > 0) {
                    lines.add(new Returnable.Requested(line.id(), units));
                }
            });
            if (lines.isEmpty()) {
                throw StorelineException.invalid(Layout.messages(ctx).get("sale.return.none"));
            }
            result = returns.record(
                    actor,
                    id,
                    new ReturnRequest(
                            lines,
                            optionalId(ctx, "payment_type"),
                            optionalId(ctx, "outlet"),
                            optionalId(ctx, "register"),
                            Optional.ofNullable(ctx.formParam("reason")).orElse(""),
                            Optional.ofNullable(ctx.formParam("key"))));
        } catch (StorelineException e) {
            refused(ctx, e, SalePageBuilder.Request.refusedReturn(ctx, e.getMessage()));
            return;
        }
        ctx.redirect(
                "/sales/" + id + "?done=returned&return=" + result.returned().id(), HttpStatus.SEE_OTHER);
    }

    private void cancel(Context ctx) {
        UUID id = saleId(ctx);
        try {
            cancellations.cancel(WebSessions.actor(ctx), id);
        } catch (StorelineException e) {
            refused(ctx, e, SalePageBuilder.Request.refusedCancel(e.getMessage()));
            return;
        }
        ctx.redirect("/sales/" + id + "?done=cancelled", HttpStatus.SEE_OTHER);
    }

    /** Not found and forbidden are error pages; any other refusal shows the page again with the reason. */
    private void refused(Context ctx, StorelineException e, SalePageBuilder.Request request) {
        ErrorCategory category = e.code().category();
        if (category == ErrorCategory.NOT_FOUND || category == ErrorCategory.FORBIDDEN) {
            throw e;
        }
        page(ctx, ErrorResponses.status(category), request);
    }

    /**
     * When the payment was taken: the date and time given, or now when they were left as the form showed them (the
     * form shows the current minute, which may lie before a register opened a few seconds ago).
     */
    private static Optional<Instant> paidAt(Context ctx, ZoneId zone) {
        String given = form(ctx, "date") + "T" + form(ctx, "time");
        if (given.equals(form(ctx, "shown"))) {
            return Optional.empty();
        }
        return Optional.of(SalePageBuilder.paidAt(form(ctx, "date"), form(ctx, "time"), zone));
    }

    private static long quantity(Context ctx, String name) {
        String value =
                Optional.ofNullable(ctx.formParam(name)).map(String::strip).orElse("");
        if (value.isEmpty()) {
            return 0;
        }
        try {
            long units = Long.parseLong(value);
            if (units < 0) {
                throw StorelineException.invalid("A quantity to return cannot be negative; got " + units + ".");
            }
            return units;
        } catch (NumberFormatException e) {
            throw StorelineException.invalid("A quantity to return must be a whole number; got '" + value + "'.");
        }
    }

    private static Optional<UUID> optionalId(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(v -> Ids.parse(name, v));
    }

    static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).map(String::strip).orElse("");
    }

    private static UUID saleId(Context ctx) {
        return Ids.parse("id", ctx.pathParam("id"));
    }
}
