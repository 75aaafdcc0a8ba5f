package org.storeline.web.app.scanner;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCategory;
import org.storeline.core.error.StorelineException;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentBoard;
import org.storeline.core.fulfillment.FulfillmentRepository;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.fulfillment.FulfillmentWorkflow;
import org.storeline.core.fulfillment.ScannedCode;
import org.storeline.core.fulfillment.ScannerService;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.user.Actor;
import org.storeline.web.app.fulfillment.BoardFilters;
import org.storeline.web.app.fulfillment.RowView;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.SecurityHeaders;
import org.storeline.web.app.session.WebSessions;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;
import org.storeline.web.http.ErrorResponses;

/**
 * The Scanner (SCN-1..3, FUL-8), a phone-first page: an outlet's open fulfillments, one opened by scanning its packing
 * slip (its barcode is the receipt number), then picked unit by unit with a handheld scanner, the camera or typed
 * codes. Every action goes through core's {@link ScannerService} and {@link FulfillmentWorkflow} as the signed-in
 * user, like the API's. An htmx request is answered with the picking panel and the feedback alone; without script,
 * the forms post and the page comes back whole.
 */
public final class ScannerPages {
    static final int LIST_SIZE = 100;
    private static final List<String> NOTE_KINDS = List.of("damaged", "unavailable", "other");

    private final FulfillmentBoard board;
    private final ScannerService scanner;
    private final FulfillmentWorkflow workflow;
    private final OutletService outlets;
    private final Layout layout;
    private final Views views;
    private final Clock clock;

    public ScannerPages(
            FulfillmentBoard board,
            ScannerService scanner,
            FulfillmentWorkflow workflow,
            OutletService outlets,
            Layout layout,
            Views views,
            Clock clock) {
        this.board = board;
        this.scanner = scanner;
        this.workflow = workflow;
        this.outlets = outlets;
        this.layout = layout;
        this.views = views;
        this.clock = clock;
    }

    /** What an action does, and what the picker is told when it is done. */
    private interface Action {
        ScanFeedback apply(Context ctx, Actor actor, UUID id, Messages t);
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.before("/scanner", SecurityHeaders::allowWebAssembly);
        routes.before("/scanner/*", SecurityHeaders::allowWebAssembly);
        routes.get("/scanner", this::list);
        routes.get("/scanner/{id}", ctx -> picking(ctx, id(ctx), ScanFeedback.NONE, 200));
        routes.post("/scanner/{id}/scans", ctx -> act(ctx, this::scan));
        routes.post("/scanner/{id}/assign", ctx -> act(ctx, this::assign));
        routes.post("/scanner/{id}/notes", ctx -> act(ctx, this::note));
        routes.post(
                "/scanner/{id}/pack",
                ctx -> act(ctx, (c, actor, id, t) -> {
                    workflow.pack(actor, id);
                    return ScanFeedback.ok(t.get("done.packed"));
                }));
    }

    private void list(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        List<Outlet> mine = outlets.list(actor);
        Optional<UUID> asked = BoardFilters.param(ctx, "outlet").map(v -> Ids.parse("outlet", v));
        if (mine.isEmpty() && asked.isEmpty()) {
            ctx.redirect("/fulfillments", HttpStatus.SEE_OTHER);
            return;
        }
        UUID outlet = asked.orElse(mine.get(0).id());
        Optional<String> code = BoardFilters.param(ctx, "code");
        ScanFeedback feedback = ScanFeedback.NONE;
        if (code.isPresent()) {
            ScannedCode slip = ScannedCode.of("code", code.get());
            List<FulfillmentBoard.Row> found = open(actor, outlet, Optional.of(slip.value()), 2);
            if (found.size() == 1) {
                ctx.redirect("/scanner/" + found.get(0).fulfillment().id(), HttpStatus.SEE_OTHER);
                return;
            }
            feedback = ScanFeedback.refused(t.format("scanner.slipUnknown", slip.value()), "");
        }
        List<FulfillmentBoard.Row> rows = open(actor, outlet, Optional.empty(), LIST_SIZE + 1);
        Outlet shown = outlets.get(actor, outlet);
        ScannerListView view = new ScannerListView(
                t,
                shown.name(),
                "/scanner?outlet=" + outlet,
                rows.stream()
                        .limit(LIST_SIZE)
                        .map(r -> RowView.of(r, t, shown.timeZone(), clock.instant()))
                        .toList(),
                rows.size() > LIST_SIZE);
        ctx.header("Vary", "HX-Request");
        if (ctx.header("HX-Request") != null && code.isEmpty()) {
            views.answer(ctx, "scanner/list.jte", view);
            return;
        }
        String title = t.get("nav.scanner") + " · " + shown.name();
        views.answer(
                ctx,
                feedback.isEmpty() ? 200 : 404,
                "scanner/index.jte",
                new ScannerListPage(
                        layout.page(ctx, title, Optional.of(outlet), "scanner"),
                        outlet,
                        code.orElse(""),
                        feedback,
                        view));
    }

    /** The outlet's open fulfillments, oldest first; with a receipt number, the one its packing slip names. */
    private List<FulfillmentBoard.Row> open(Actor actor, UUID outlet, Optional<String> receipt, int size) {
        FulfillmentRepository.Filter filter = new FulfillmentRepository.Filter(
                Optional.of(outlet),
                Optional.empty(),
                Optional.empty(),
                EnumSet.copyOf(FulfillmentStatus.INCOMPLETE),
                Optional.empty(),
                Optional.empty(),
                receipt);
        return board.open(actor, filter, PageRequest.first(size)).rows().items();
    }

    private void picking(Context ctx, UUID id, ScanFeedback feedback, int status) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        FulfillmentBoard.Row row = board.row(actor, id);
        Fulfillment f = row.fulfillment();
        Outlet outlet = outlets.get(actor, f.outletId());
        String csrf = WebSessions.signedIn(ctx).session().csrfToken();
        PickingView view = new PickingView(
                t,
                csrf,
                RowView.of(row, t, outlet.timeZone(), clock.instant()),
                PickingView.lines(f, false),
                PickingView.lines(f, true),
                f.notes().stream().map(n -> n.text()).toList(),
                f.allows(FulfillmentStatus.Event.PICK),
                f.allows(FulfillmentStatus.Event.PACK),
                f.allows(FulfillmentStatus.Event.ASSIGN),
                f.assignedUserId().equals(Optional.of(actor.userId())),
                feedback,
                "/scanner?outlet=" + outlet.id());
        if (ctx.header("HX-Request") != null) {
            // htmx swaps 2xx answers only: a refusal is a panel like any other, its feedback says what happened.
            ctx.header("X-Scan-Result", feedback.kind());
            views.answer(ctx, 200, "scanner/fragment.jte", view);
            return;
        }
        String title = t.get("nav.scanner") + " · " + view.row().receipt();
        views.answer(
                ctx,
                status,
                "scanner/picking-page.jte",
                new PickingPage(layout.page(ctx, title, Optional.of(outlet.id()), "scanner"), view));
    }

    /**
     * Runs the action and shows the fulfillment as it is after it, with what happened. A refusal (a code not in the
     * order, already packed) is feedback in the reader's words with the server's message; not found and forbidden are
     * error pages, as everywhere.
     */
    private void act(Context ctx, Action action) {
        UUID id = id(ctx);
        Messages t = Layout.messages(ctx);
        ScanFeedback feedback;
        int status = 200;
        try {
            feedback = action.apply(ctx, WebSessions.actor(ctx), id, t);
        } catch (StorelineException e) {
            ErrorCategory category = e.code().category();
            if (category == ErrorCategory.NOT_FOUND || category == ErrorCategory.FORBIDDEN) {
                throw e;
            }
            String key = "scanner.refused." + e.code().code();
            feedback = ScanFeedback.refused(t.get(t.has(key) ? key : "scanner.refused"), e.getMessage());
            status = ErrorResponses.status(category);
        }
        picking(ctx, id, feedback, status);
    }

    /** One unit of the product the code names: the feedback names it and how many of it are picked now. */
    private ScanFeedback scan(Context ctx, Actor actor, UUID id, Messages t) {
        ScannedCode code = ScannedCode.of(
                "code", Optional.ofNullable(ctx.formParam("code")).orElse(""));
        List<Fulfillment.Item> before = board.row(actor, id).fulfillment().items();
        Fulfillment after = scanner.scan(actor, id, code).fulfillment();
        List<Fulfillment.Item> items = after.items();
        for (int i = 0; i < items.size() && i < before.size(); i++) {
            Fulfillment.Item item = items.get(i);
            if (item.picked() != before.get(i).picked()) {
                String text = t.format("scanner.picked", item.name(), item.picked(), item.quantity());
                if (after.picking() == Fulfillment.Picking.COMPLETE) {
                    text += " " + t.get("scanner.allPicked");
                }
                return ScanFeedback.ok(text);
            }
        }
        return ScanFeedback.ok(t.format("scanner.pickedCode", code.value()));
    }

    /** {@code to=me} assigns the signed-in user, {@code to=nobody} unassigns. */
    private ScanFeedback assign(Context ctx, Actor actor, UUID id, Messages t) {
        if ("nobody".equals(ctx.formParam("to"))) {
            scanner.assign(actor, id, Optional.empty());
            return ScanFeedback.ok(t.get("scanner.unassigned"));
        }
        scanner.assign(actor, id, Optional.of(actor.userId()));
        return ScanFeedback.ok(t.format("scanner.assigned", actor.name()));
    }

    /** A note in the picker's words: what (damaged, unavailable, other), on which item, and details. */
    private ScanFeedback note(Context ctx, Actor actor, UUID id, Messages t) {
        String what = Optional.ofNullable(ctx.formParam("what")).orElse("other");
        String item = Optional.ofNullable(ctx.formParam("item")).orElse("").trim();
        String details =
                Optional.ofNullable(ctx.formParam("details")).orElse("").trim();
        if (!NOTE_KINDS.contains(what)) {
            throw StorelineException.invalid("what must be damaged, unavailable or other; got '" + what + "'.");
        }
        StringBuilder text = new StringBuilder();
        if (!what.equals("other")) {
            text.append(t.get("scanner.note." + what));
        }
        if (!item.isEmpty()) {
            text.append(text.isEmpty() ? "" : ": ").append(item);
        }
        if (!details.isEmpty()) {
            text.append(text.isEmpty() ? "" : " — ").append(details);
        }
        if (text.isEmpty()) {
            throw StorelineException.invalid(t.get("scanner.note.empty"));
        }
        scanner.addNote(actor, id, text.toString());
        return ScanFeedback.ok(t.get("scanner.noted"));
    }

    private static UUID id(Context ctx) {
        return Ids.parse("id", ctx.pathParam("id"));
    }
}
