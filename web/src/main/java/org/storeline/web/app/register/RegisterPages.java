package org.storeline.web.app.register;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.storeline.core.error.ErrorCategory;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.register.ClosureReport;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterService;
import org.storeline.core.settings.SettingsService;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.WebSessions;
import org.storeline.web.app.view.Amounts;
import org.storeline.web.app.view.Formats;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;
import org.storeline.web.http.ErrorResponses;

/**
 * Registers (PAY-1): the registers of the user's outlets, open or closed; a register's page that opens it with a float
 * and closes it with the cash counted; its closure reports, printable. Every read and action is core's
 * {@link RegisterService} with the signed-in user's actor, so outlet B's registers answer 403 to outlet A's staff.
 */
public final class RegisterPages {
    static final int CLOSURES = 100;

    private final RegisterService registers;
    private final OutletService outlets;
    private final SettingsService settings;
    private final Layout layout;
    private final Views views;

    public RegisterPages(
            RegisterService registers, OutletService outlets, SettingsService settings, Layout layout, Views views) {
        this.registers = registers;
        this.outlets = outlets;
        this.settings = settings;
        this.layout = layout;
        this.views = views;
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/registers", this::list);
        routes.get("/registers/{id}", ctx -> detail(ctx, id(ctx), 200, Optional.empty(), done(ctx)));
        routes.post("/registers/{id}/open", this::open);
        routes.post("/registers/{id}/close", this::close);
        routes.get("/registers/{id}/closures/{period}", this::closure);
    }

    private void list(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        List<Outlet> mine = outlets.list(actor);
        Map<UUID, List<Register>> byOutlet =
                registers.list(actor).stream().collect(Collectors.groupingBy(Register::outletId));
        List<RegistersPage.OutletRegisters> groups = mine.stream()
                .map(o -> new RegistersPage.OutletRegisters(
                        o.id(),
                        o.name(),
                        byOutlet.getOrDefault(o.id(), List.of()).stream()
                                .map(r -> RegisterRow.of(r, o.timeZone(), t))
                                .toList()))
                .toList();
        views.answer(
                ctx,
                "register/list.jte",
                new RegistersPage(layout.page(ctx, t.get("nav.registers"), Optional.empty(), "registers"), groups));
    }

    private void detail(Context ctx, UUID id, int status, Optional<String> error, Optional<String> done) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        Register register = registers.get(actor, id);
        Outlet outlet = outlets.get(actor, register.outletId());
        var zone = outlet.timeZone();
        List<RegisterPage.ClosureRow> closures = registers.closures(actor, id, CLOSURES).stream()
                .map(report -> new RegisterPage.ClosureRow(
                        ClosureReportPage.url(id, report.period().id()),
                        Formats.dateTime(report.period().openedAt(), zone, t),
                        report.period()
                                .closedAt()
                                .map(at -> Formats.dateTime(at, zone, t))
                                .orElse(""),
                        Amounts.of(report.expectedCash(), t),
                        report.countedCash().map(c -> Amounts.of(c, t)).orElse(t.get("register.notCounted")),
                        Difference.of(report.cashDifference(), t)))
                .toList();
        views.answer(
                ctx,
                status,
                "register/detail.jte",
                new RegisterPage(
                        layout.page(
                                ctx, register.name() + " · " + outlet.name(), Optional.of(outlet.id()), "registers"),
                        RegisterRow.of(register, zone, t),
                        outlet.name(),
                        actor.role().allows(Permission.OPERATE_REGISTERS),
                        settings.get().currency().getCurrencyCode(),
                        error,
                        done.map(key -> t.get("register.done." + key)),
                        closures));
    }

    private void open(Context ctx) {
        UUID id = id(ctx);
        Optional<String> amount = amount(ctx, "opening_float");
        act(ctx, id, () -> {
            registers.open(WebSessions.actor(ctx), id, amount);
            ctx.redirect("/registers/" + id + "?done=opened", HttpStatus.SEE_OTHER);
        });
    }

    private void close(Context ctx) {
        UUID id = id(ctx);
        Optional<String> counted = amount(ctx, "counted_cash");
        act(ctx, id, () -> {
            ClosureReport report = registers.close(WebSessions.actor(ctx), id, counted);
            ctx.redirect(ClosureReportPage.url(id, report.period().id()) + "?done=closed", HttpStatus.SEE_OTHER);
        });
    }

    /**
     * Runs the action; a refusal (already open, a float that is not an amount) shows the register again with the reason
     * in the reader's words where we have them; not found and forbidden are error pages.
     */
    private void act(Context ctx, UUID id, Runnable action) {
        try {
            action.run();
        } catch (StorelineException e) {
            ErrorCategory category = e.code().category();
            if (category == ErrorCategory.NOT_FOUND || category == ErrorCategory.FORBIDDEN) {
                throw e;
            }
            Messages t = Layout.messages(ctx);
            String key = "error." + e.code().code() + ".page";
            String message = t.has(key) ? t.get(key) : e.getMessage();
            detail(ctx, id, ErrorResponses.status(category), Optional.of(message), Optional.empty());
        }
    }

    private void closure(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        UUID id = id(ctx);
        UUID periodId = Ids.parse("period", ctx.pathParam("period"));
        Register register = registers.get(actor, id);
        Outlet outlet = outlets.get(actor, register.outletId());
        ClosureReport report = registers.closures(actor, id, CLOSURES).stream()
                .filter(r -> r.period().id().equals(periodId))
                .findFirst()
                .orElseThrow(() -> new StorelineException(
                        ErrorCode.NOT_FOUND, "This register has no closure report " + periodId + "."));
        String title = t.get("closure.title") + " · " + register.name();
        Optional<String> done = done(ctx).map(key -> t.get("register.done." + key));
        views.answer(
                ctx,
                "register/closure.jte",
                ClosureReportPage.of(
                        layout.page(ctx, title, Optional.of(outlet.id()), "registers"),
                        register,
                        outlet,
                        report,
                        done,
                        t));
    }

    /** An amount typed in a form: blank is none; a comma is read as the decimal point ("12,50"). */
    static Optional<String> amount(Context ctx, String field) {
        return Optional.ofNullable(ctx.formParam(field))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(v -> v.indexOf('.') < 0 ? v.replace(',', '.') : v);
    }

    private static Optional<String> done(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("done")).filter(List.of("opened", "closed")::contains);
    }

    private static UUID id(Context ctx) {
        return Ids.parse("id", ctx.pathParam("id"));
    }
}
