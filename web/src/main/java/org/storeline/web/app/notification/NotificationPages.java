package org.storeline.web.app.notification;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.storeline.core.ids.Ids;
import org.storeline.core.notification.Notification;
import org.storeline.core.notification.NotificationService;
import org.storeline.core.notification.UserNotification;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.user.Actor;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.WebSessions;
import org.storeline.web.app.view.Formats;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;
import org.storeline.web.event.EventRoutes;

/**
 * The bell (NTF-1..3): its count, re-rendered when the page's event stream says a notification came; the list of
 * notifications, each opening its fulfillment (and read from then on); and the page's event stream itself, the API's
 * stream of the user's outlets, authenticated by the session instead of a token.
 */
public final class NotificationPages {
    static final int PAGE_SIZE = 50;

    private final NotificationService notifications;
    private final OutletService outlets;
    private final EventRoutes events;
    private final WebSessions sessions;
    private final Layout layout;
    private final Views views;

    public NotificationPages(
            NotificationService notifications,
            OutletService outlets,
            EventRoutes events,
            WebSessions sessions,
            Layout layout,
            Views views) {
        this.notifications = notifications;
        this.outlets = outlets;
        this.events = events;
        this.sessions = sessions;
        this.layout = layout;
        this.views = views;
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/events", ctx -> events.serve(ctx, WebSessions.actor(ctx), () -> sessions.recheck(ctx)));
        routes.get("/notifications/bell", ctx -> {
            Messages t = Layout.messages(ctx);
            views.answer(ctx, "notification/bell.jte", layout.bell(WebSessions.actor(ctx), t));
        });
        routes.get("/notifications", this::list);
        routes.get("/notifications/{id}/open", this::open);
        routes.post("/notifications/read", ctx -> {
            notifications.markAllRead(WebSessions.actor(ctx));
            ctx.redirect("/notifications", HttpStatus.SEE_OTHER);
        });
    }

    private void list(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        Map<UUID, ZoneId> zones = outlets.list(actor).stream().collect(Collectors.toMap(Outlet::id, Outlet::timeZone));
        var items = notifications.forActor(actor, false, PageRequest.first(PAGE_SIZE)).items().stream()
                .map(seen -> item(seen, zones, t))
                .toList();
        views.answer(
                ctx,
                "notification/page.jte",
                new NotificationView(
                        layout.page(ctx, t.get("notifications.label"), Optional.empty(), "notifications"), items));
    }

    private static NotificationView.Item item(UserNotification seen, Map<UUID, ZoneId> zones, Messages t) {
        Notification n = seen.notification();
        ZoneId zone = zones.getOrDefault(n.outletId(), ZoneOffset.UTC);
        return new NotificationView.Item(
                "/notifications/" + n.id() + "/open",
                n.message(),
                Formats.dateTime(n.createdAt(), zone, t),
                !seen.read());
    }

    /** Marks it read for the user and opens its fulfillment (or the list, for one without). */
    private void open(Context ctx) {
        UserNotification seen = notifications.markRead(WebSessions.actor(ctx), Ids.parse("id", ctx.pathParam("id")));
        ctx.redirect(
                seen.notification()
                        .fulfillmentId()
                        .map(id -> "/fulfillments/" + id)
                        .orElse("/fulfillments"),
                HttpStatus.SEE_OTHER);
    }
}
