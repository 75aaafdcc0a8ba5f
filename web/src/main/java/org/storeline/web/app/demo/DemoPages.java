package org.storeline.web.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.Csrf;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;

/**
 * The simulator page of {@code ./storeline demo} ({@code /demo}, no sign-in: it shows the simulated stores, not the
 * shop): each store as its owner sees it, and buttons that make something happen there. Its forms are checked like the
 * sign-in form (same origin), since there is no session to hold a CSRF token. {@code /demo/stores.json} is the same in
 * JSON, for tests and the curious.
 */
public final class DemoPages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "/demo";

    private final DemoStores stores;
    private final Layout layout;
    private final Views views;

    public DemoPages(DemoStores stores, Layout layout, Views views) {
        this.stores = stores;
        this.layout = layout;
        this.views = views;
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get(PAGE, this::page);
        routes.get(
                PAGE + "/stores.json",
                ctx -> ctx.contentType("application/json").result(json(stores.stores())));
        routes.post(PAGE + "/orders/pause", ctx -> act(ctx, () -> stores.pauseOrders(true), "paused"));
        routes.post(PAGE + "/orders/resume", ctx -> act(ctx, () -> stores.pauseOrders(false), "resumed"));
        routes.post(PAGE + "/stores/{platform}/order", ctx -> {
            String platform = platform(ctx);
            act(ctx, () -> stores.placeOrder(platform), "ordered");
        });
        routes.post(PAGE + "/stores/{platform}/offline", ctx -> {
            String platform = platform(ctx);
            act(ctx, () -> stores.takeOffline(platform), "offline");
        });
        routes.post(PAGE + "/ecwid/orders/{id}/pay", ctx -> {
            String id = ctx.pathParam("id");
            act(ctx, () -> stores.payEcwidOrder(id), "paid");
        });
        routes.post(PAGE + "/ecwid/orders/{id}/cancel", ctx -> {
            String id = ctx.pathParam("id");
            act(ctx, () -> stores.cancelEcwidOrder(id), "cancelled");
        });
    }

    private void page(Context ctx) {
        // Nobody signs in here: the words are those the browser asks for.
        Messages t = Layout.messages(ctx, Optional.empty());
        String notice = Optional.ofNullable(ctx.queryParam("done"))
                .filter(done -> done.matches("[a-z]{1,20}"))
                .map(done -> t.get("demo.done." + done))
                .orElse("");
        views.answer(
                ctx,
                "demo/page.jte",
                new DemoView(
                        layout.bare(ctx, t, t.get("demo.title"), ""),
                        stores.stores(),
                        stores.ordersPaused(),
                        stores.offlineSeconds(),
                        notice));
    }

    private String platform(Context ctx) {
        String platform = ctx.pathParam("platform");
        if (stores.stores().stream().noneMatch(s -> s.platform().equals(platform))) {
            throw new StorelineException(ErrorCode.NOT_FOUND, "There is no simulated " + platform + " store.");
        }
        return platform;
    }

    /** Does it, then shows the page again with what was done (a form post), or answers 204 (a script's post). */
    private static void act(Context ctx, Runnable action, String done) {
        Csrf.checkOrigin(ctx);
        action.run();
        if (Collections.list(ctx.req().getHeaders("Accept")).stream()
                .anyMatch(accept -> accept.contains("application/json"))) {
            ctx.status(HttpStatus.OK).contentType("application/json").result(json(Map.of("done", done)));
            return;
        }
        ctx.redirect(PAGE + "?done=" + done, HttpStatus.SEE_OTHER);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
