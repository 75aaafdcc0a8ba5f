package org.storeline.web.notification;

import static org.storeline.web.security.Authentication.actor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.notification.Notification;
import org.storeline.core.notification.NotificationService;
import org.storeline.core.notification.UserNotification;
import org.storeline.web.http.Json;
import org.storeline.web.http.Pages;
import org.storeline.web.http.Responses;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/** The calling user's notifications ("the bell"), newest first, each read or unread for that user. */
public final class NotificationRoutes implements Routes {
    private final NotificationService notifications;

    public NotificationRoutes(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.get(
                "/api/v1/notifications",
                ctx -> Responses.ok(
                        ctx,
                        Pages.write(
                                notifications.forActor(actor(ctx), unreadOnly(ctx), Pages.request(ctx)),
                                NotificationRoutes::notification)));
        routes.post(
                "/api/v1/notifications/{id}/read",
                ctx -> Responses.ok(
                        ctx, notification(notifications.markRead(actor(ctx), Ids.parse("id", ctx.pathParam("id"))))));
        routes.post("/api/v1/notifications/read", ctx -> {
            ObjectNode node = Json.object();
            node.put("marked_read", notifications.markAllRead(actor(ctx)));
            Responses.ok(ctx, node);
        });
    }

    private static boolean unreadOnly(Context ctx) {
        String value = ctx.queryParam("unread");
        if (value == null || value.isBlank() || value.trim().equals("false")) {
            return false;
        }
        if (value.trim().equals("true")) {
            return true;
        }
        throw StorelineException.invalid("unread must be true or false; got '" + value + "'.");
    }

    /** A notification as the calling user sees it; also what the event stream sends as {@code event: notification}. */
    public static ObjectNode notification(UserNotification seen) {
        Notification n = seen.notification();
        ObjectNode node = Json.object();
        node.put("id", n.id().toString());
        node.put("outlet_id", n.outletId().toString());
        node.put("fulfillment_id", Json.id(n.fulfillmentId()));
        node.put("sale_id", Json.id(n.saleId()));
        node.put("message", n.message());
        node.put("created_at", Json.time(n.createdAt()));
        node.put("read", seen.read());
        node.put("read_at", seen.readAt().map(Json::time).orElse(null));
        return node;
    }
}
