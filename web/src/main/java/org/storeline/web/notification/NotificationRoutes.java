package org.storeline.web.notification;

import static org.storeline.web.security.Authentication.actor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.storeline.core.notification.Notification;
import org.storeline.core.notification.NotificationService;
import org.storeline.web.http.Json;
import org.storeline.web.http.Pages;
import org.storeline.web.http.Responses;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/** The calling user's notifications ("the bell"), newest first. */
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
                                notifications.forActor(actor(ctx), Pages.request(ctx)),
                                NotificationRoutes::notification)));
    }

    static ObjectNode notification(Notification n) {
        ObjectNode node = Json.object();
        node.put("id", n.id().toString());
        node.put("outlet_id", n.outletId().toString());
        node.put("fulfillment_id", Json.id(n.fulfillmentId()));
        node.put("sale_id", Json.id(n.saleId()));
        node.put("message", n.message());
        node.put("created_at", Json.time(n.createdAt()));
        node.put("read_at", n.readAt().map(Json::time).orElse(null));
        return node;
    }
}
