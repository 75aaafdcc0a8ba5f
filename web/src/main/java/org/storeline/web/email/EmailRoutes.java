package org.storeline.web.email;

import static org.storeline.web.security.Authentication.actor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.storeline.core.customer.Email;
import org.storeline.core.email.CustomerEmail;
import org.storeline.core.email.CustomerEmailService;
import org.storeline.core.email.EmailSettings;
import org.storeline.core.ids.Ids;
import org.storeline.web.http.Json;
import org.storeline.web.http.JsonBody;
import org.storeline.web.http.Pages;
import org.storeline.web.http.Responses;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/** Customer emails (FUL-6): the SMTP settings, a sale's emails with their status, and resending one. */
public final class EmailRoutes implements Routes {
    private final CustomerEmailService emails;

    public EmailRoutes(CustomerEmailService emails) {
        this.emails = emails;
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.get("/api/v1/settings/email", ctx -> Responses.ok(ctx, settings(emails.settings(actor(ctx)))));
        routes.put("/api/v1/settings/email", this::updateSettings);
        routes.get(
                "/api/v1/sales/{id}/emails",
                ctx -> Responses.ok(
                        ctx,
                        Pages.writeAll(
                                emails.ofSale(actor(ctx), Ids.parse("id", ctx.pathParam("id"))), EmailRoutes::email)));
        routes.post(
                "/api/v1/sales/{id}/emails/{email_id}/resend",
                ctx -> Responses.ok(
                        ctx,
                        email(emails.resend(
                                actor(ctx),
                                Ids.parse("id", ctx.pathParam("id")),
                                Ids.parse("email_id", ctx.pathParam("email_id"))))));
    }

    private void updateSettings(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        var changes = new EmailSettings.Changes(
                body.optionalBoolean("enabled"),
                body.optionalText("host"),
                body.optionalWholeNumber("port"),
                body.optionalText("security"),
                body.optionalText("username"),
                body.optionalText("password"),
                body.optionalText("from_address"),
                body.optionalText("from_name"));
        Responses.ok(ctx, settings(emails.updateSettings(actor(ctx), changes)));
    }

    static ObjectNode settings(EmailSettings settings) {
        ObjectNode node = Json.object();
        node.put("enabled", settings.enabled());
        node.put("host", settings.host().orElse(null));
        node.put("port", settings.port());
        node.put("security", settings.security().wireName());
        node.put("username", settings.username().orElse(null));
        // The password is write-only: sealed at rest and never answered.
        node.put("has_password", settings.hasPassword());
        node.put("from_address", settings.fromAddress().map(Email::value).orElse(null));
        node.put("from_name", settings.fromName().orElse(null));
        return node;
    }

    static ObjectNode email(CustomerEmail email) {
        ObjectNode node = Json.object();
        node.put("id", Json.id(email.id()));
        node.put("sale_id", Json.id(email.saleId()));
        node.put("fulfillment_id", Json.id(email.fulfillmentId()));
        node.put("outlet_id", Json.id(email.outletId()));
        node.put("kind", email.kind().wireName());
        node.put("to", email.recipient().map(Email::value).orElse(null));
        node.put("language", email.language().wireName());
        node.put("subject", email.letter().subject());
        node.put("body", email.letter().body());
        node.put("status", email.status().wireName());
        node.put("attempts", email.attempts());
        node.put("next_attempt_at", email.nextAttemptAt().map(Json::time).orElse(null));
        node.put("last_error", email.lastError().orElse(null));
        node.put("skip_reason", email.skipReason().orElse(null));
        node.put("sent_at", email.sentAt().map(Json::time).orElse(null));
        node.put("created_at", Json.time(email.createdAt()));
        node.put("updated_at", Json.time(email.updatedAt()));
        return node;
    }
}
