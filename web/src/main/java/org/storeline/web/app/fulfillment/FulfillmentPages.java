package org.storeline.web.app.fulfillment;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.error.ErrorCategory;
import org.storeline.core.error.StorelineException;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentBoard;
import org.storeline.core.fulfillment.FulfillmentDetails;
import org.storeline.core.fulfillment.FulfillmentWorkflow;
import org.storeline.core.fulfillment.PackingSlipService;
import org.storeline.core.fulfillment.PaperSize;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.sale.Sale;
import org.storeline.core.user.Actor;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.WebSessions;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Shell;
import org.storeline.web.app.view.Views;
import org.storeline.web.http.ErrorResponses;

/**
 * The Fulfillments page (where staff land), its live board (the same page asked by htmx answers the board alone), and
 * one fulfillment's page with the workflow's actions. Every read and action goes through core's use cases with the
 * signed-in user's actor: what the API refuses, the page refuses.
 */
public final class FulfillmentPages {
    static final int PAGE_SIZE = 50;

    private final FulfillmentBoard board;
    private final FulfillmentWorkflow workflow;
    private final FulfillmentDetails details;
    private final PackingSlipService slips;
    private final OutletService outlets;
    private final Layout layout;
    private final Views views;
    private final Clock clock;

    public FulfillmentPages(
            FulfillmentBoard board,
            FulfillmentWorkflow workflow,
            FulfillmentDetails details,
            PackingSlipService slips,
            OutletService outlets,
            Layout layout,
            Views views,
            Clock clock) {
        this.board = board;
        this.workflow = workflow;
        this.details = details;
        this.slips = slips;
        this.outlets = outlets;
        this.layout = layout;
        this.views = views;
        this.clock = clock;
    }

    /** What a workflow action does to the fulfillment, for the actor. */
    private interface Step {
        void apply(Actor actor, UUID id);
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/", ctx -> ctx.redirect("/fulfillments", HttpStatus.SEE_OTHER));
        routes.get("/fulfillments", this::list);
        routes.get("/fulfillments/{id}", ctx -> detail(ctx, id(ctx), 200, Optional.empty(), done(ctx)));
        routes.post("/fulfillments/{id}/pack", ctx -> act(ctx, "packed", workflow::pack));
        routes.post(
                "/fulfillments/{id}/ship",
                ctx -> act(ctx, "shipped", (a, id) -> workflow.ship(a, id, Optional.empty())));
        routes.post("/fulfillments/{id}/pickup", ctx -> act(ctx, "picked_up", workflow::handOver));
        routes.post("/fulfillments/{id}/pickup-order", ctx -> act(ctx, "order_picked_up", workflow::handOverOrder));
        routes.get("/fulfillments/{id}/packing-slip.pdf", this::print);
    }

    /** The packing slip (delivery) or pick list (pickup), as the API prints it, for the signed-in user. */
    private void print(Context ctx) {
        PackingSlipService.Printed printed = slips.print(WebSessions.actor(ctx), id(ctx), PaperSize.A4);
        // The browser's PDF viewer is not a page of ours: the pages' policy would keep it from showing the file.
        ctx.removeHeader("Content-Security-Policy");
        ctx.status(200)
                .contentType("application/pdf")
                .header(
                        "Content-Disposition",
                        "inline; filename=\"" + printed.receiptNumber().replaceAll("[^A-Za-z0-9-]", "-") + ".pdf\"")
                .result(printed.pdf());
    }

    private void list(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        List<Outlet> mine = outlets.list(actor);
        if (mine.isEmpty() && BoardFilters.param(ctx, "outlet").isEmpty()) {
            views.answer(
                    ctx,
                    "fulfillment/no-outlet.jte",
                    new NoOutletPage(layout.page(ctx, t.get("nav.fulfillments"), Optional.empty(), "fulfillments")));
            return;
        }
        BoardFilters filters =
                BoardFilters.read(ctx, mine.isEmpty() ? null : mine.get(0).id());
        FulfillmentBoard.Board found =
                board.open(actor, filters.toFilter(), new PageRequest(PAGE_SIZE, filters.after()));
        BoardView view = BoardView.of(found, filters, t, clock.instant());
        ctx.header("Vary", "HX-Request");
        if (ctx.header("HX-Request") != null) {
            views.answer(ctx, "fulfillment/board.jte", view);
            return;
        }
        Outlet outlet = found.outlet();
        String title = t.get("nav.fulfillments") + " · " + outlet.name();
        views.answer(
                ctx,
                "fulfillment/page.jte",
                new BoardPage(
                        layout.page(ctx, title, Optional.of(outlet.id()), "fulfillments"),
                        outlet.name(),
                        filters,
                        filters.cleared().url(),
                        view));
    }

    private void detail(Context ctx, UUID id, int status, Optional<String> error, Optional<String> done) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        FulfillmentDetails.Details found = details.of(actor, id);
        Fulfillment f = found.row().fulfillment();
        Outlet outlet = found.outlet();
        RowView view = RowView.of(found.row(), t, outlet.timeZone(), clock.instant());
        String title = t.get("detail.title") + " " + view.receipt();
        String tab = BoardFilters.TABS.contains(f.status()) ? f.status().wireName() : "new";
        boolean drawer = ctx.header("HX-Request") != null;
        Shell shell = drawer
                ? layout.bare(ctx, t, title, WebSessions.signedIn(ctx).session().csrfToken())
                : layout.page(ctx, title, Optional.of(outlet.id()), "fulfillments");
        DetailView model = new DetailView(
                shell,
                view,
                DetailView.items(f),
                DetailView.actions(f, orderParts(found), t),
                new DetailView.Action(
                        "/fulfillments/" + f.id() + "/packing-slip.pdf",
                        t.get(f.type() == FulfillmentType.DELIVERY ? "detail.packingSlip" : "detail.pickList")),
                error,
                done.map(key -> t.get("done." + key)),
                "/fulfillments?outlet=" + outlet.id() + "&status=" + tab,
                DetailParts.delivery(found.delivery(), t),
                DetailParts.siblings(found.siblings(), f.id(), t),
                DetailParts.timeline(found.timeline(), outlet.timeZone(), t),
                DetailParts.unpaid(found.row().sale(), f, t),
                "/sales/" + f.saleId() + "?open=pay");
        ctx.header("Vary", "HX-Request");
        if (drawer) {
            // htmx swaps 2xx answers only: a refusal is the drawer again, with the reason in it.
            views.answer(ctx, 200, "fulfillment/drawer.jte", model);
            return;
        }
        views.answer(ctx, status, "fulfillment/detail.jte", model);
    }

    /**
     * Runs the action; then shows the fulfillment as it is, with what happened. A refusal (not paid, already packed)
     * shows the fulfillment again with the reason, in the reader's words; not found and forbidden are error pages.
     * In the drawer (htmx), the drawer comes back with the outcome; a page is redirected to (post, redirect, get).
     */
    private void act(Context ctx, String done, Step step) {
        UUID id = id(ctx);
        try {
            step.apply(WebSessions.actor(ctx), id);
        } catch (StorelineException e) {
            ErrorCategory category = e.code().category();
            if (category == ErrorCategory.NOT_FOUND || category == ErrorCategory.FORBIDDEN) {
                throw e;
            }
            detail(ctx, id, ErrorResponses.status(category), Optional.of(refusal(ctx, id, e)), Optional.empty());
            return;
        }
        if (ctx.header("HX-Request") != null) {
            detail(ctx, id, 200, Optional.empty(), Optional.of(done));
            return;
        }
        ctx.redirect("/fulfillments/" + id + "?done=" + done, HttpStatus.SEE_OTHER);
    }

    /** Our words for the refusal where we have them (with the balance owed), else the server's message. */
    private String refusal(Context ctx, UUID id, StorelineException e) {
        Messages t = Layout.messages(ctx);
        String key = "error." + e.code().code();
        if (!t.has(key)) {
            return e.getMessage();
        }
        Sale sale = board.row(WebSessions.actor(ctx), id).sale();
        NumberFormat money = NumberFormat.getCurrencyInstance(t.locale());
        money.setCurrency(sale.currency());
        return t.format(key, money.format(sale.balance().amount()));
    }

    private static Optional<String> done(Context ctx) {
        return BoardFilters.param(ctx, "done")
                .filter(key -> List.of("packed", "shipped", "picked_up", "order_picked_up")
                        .contains(key));
    }

    /** The parts a hand-over of the whole split pickup order would complete here; 0 when core does not offer it. */
    private static long orderParts(FulfillmentDetails.Details found) {
        if (!found.handsOverOrder()) {
            return 0;
        }
        return found.siblings().stream().filter(s -> !s.status().isComplete()).count();
    }

    private static UUID id(Context ctx) {
        return Ids.parse("id", ctx.pathParam("id"));
    }
}
