package org.storeline.web.user;

import static org.storeline.web.security.Authentication.actor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.user.ApiTokenInfo;
import org.storeline.core.user.Role;
import org.storeline.core.user.User;
import org.storeline.core.user.UserService;
import org.storeline.web.http.Json;
import org.storeline.web.http.JsonBody;
import org.storeline.web.http.Pages;
import org.storeline.web.http.Responses;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/** Users and their API tokens. Passwords and tokens are write-only: never returned after creation. */
public final class UserRoutes implements Routes {
    private final UserService users;

    public UserRoutes(UserService users) {
        this.users = users;
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.post("/api/v1/users", this::createUser);
        routes.get(
                "/api/v1/users/me",
                ctx -> Responses.ok(ctx, user(users.get(actor(ctx), actor(ctx).userId()))));
        routes.get(
                "/api/v1/users/{id}",
                ctx -> Responses.ok(ctx, user(users.get(actor(ctx), Ids.parse("id", ctx.pathParam("id"))))));
        routes.patch("/api/v1/users/{id}", this::updateUser);
        routes.post("/api/v1/users/{id}/tokens", this::createToken);
        routes.get("/api/v1/users", ctx -> Responses.ok(ctx, Pages.writeAll(users.list(actor(ctx)), UserRoutes::user)));
        routes.get(
                "/api/v1/users/{id}/tokens",
                ctx -> Responses.ok(ctx, Pages.writeAll(users.tokens(actor(ctx), userId(ctx)), UserRoutes::token)));
        routes.delete(
                "/api/v1/users/{id}/tokens/{token_id}",
                ctx -> Responses.ok(
                        ctx,
                        token(users.revokeToken(
                                actor(ctx), userId(ctx), Ids.parse("token_id", ctx.pathParam("token_id"))))));
    }

    private static UUID userId(Context ctx) {
        return Ids.parse("id", ctx.pathParam("id"));
    }

    static ObjectNode token(ApiTokenInfo token) {
        ObjectNode node = Json.object();
        node.put("id", Json.id(token.id()));
        node.put("label", token.label());
        node.put("created_at", Json.time(token.createdAt()));
        node.put("last_used_at", token.lastUsedAt().map(Json::time).orElse(null));
        return node;
    }

    private void createUser(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        User user = users.create(
                actor(ctx),
                new UserService.NewUser(
                        body.text("name"),
                        body.text("email"),
                        body.optionalText("password"),
                        Role.fromWire(body.text("role")),
                        body.idList("outlet_ids")));
        Responses.created(ctx, user(user));
    }

    /**
     * Changes any of name, role, outlets, password and whether the user is active; the email stays (it is what the
     * user signs in with).
     */
    private void updateUser(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        if (body.has("email")) {
            throw StorelineException.invalid("email cannot be changed: create a user with the new email instead.");
        }
        User user = users.update(
                actor(ctx),
                userId(ctx),
                new UserService.Changes(
                        body.optionalText("name"),
                        body.optionalText("role").map(Role::fromWire),
                        body.has("outlet_ids") ? Optional.of(body.idList("outlet_ids")) : Optional.empty(),
                        body.optionalText("password"),
                        body.optionalBoolean("active")));
        Responses.ok(ctx, user(user));
    }

    private void createToken(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        String token = users.issueToken(
                actor(ctx),
                Ids.parse("id", ctx.pathParam("id")),
                body.optionalText("label").orElse(null));
        ObjectNode node = Json.object();
        node.put("token", token);
        Responses.created(ctx, node);
    }

    static ObjectNode user(User user) {
        ObjectNode node = Json.object();
        node.put("id", Json.id(user.id()));
        node.put("name", user.name());
        node.put("email", user.email().value());
        node.put("role", user.role().wireName());
        ArrayNode outlets = node.putArray("outlet_ids");
        user.outletIds().forEach(id -> outlets.add(id.toString()));
        node.put("created_at", Json.time(user.createdAt()));
        node.put("active", user.isActive());
        return node;
    }
}
