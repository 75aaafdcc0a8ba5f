package org.storeline.web.app.user;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCategory;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;
import org.storeline.core.user.Role;
import org.storeline.core.user.User;
import org.storeline.core.user.UserService;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.WebSessions;
import org.storeline.web.app.view.Formats;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;
import org.storeline.web.http.ErrorResponses;

/**
 * Users and permissions (admins): the users with their roles and outlets, a form to add one, and each user's API
 * tokens (a new one shown once, revoked with a button). The same use cases as the API decide who may.
 */
public final class UserPages {
    private final UserService users;
    private final OutletService outlets;
    private final Layout layout;
    private final Views views;

    public UserPages(UserService users, OutletService outlets, Layout layout, Views views) {
        this.users = users;
        this.outlets = outlets;
        this.layout = layout;
        this.views = views;
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/users", ctx -> list(ctx, 200, Optional.empty()));
        routes.post("/users", this::create);
        routes.get("/users/{id}", ctx -> page(ctx, 200, Optional.empty(), done(ctx), Optional.empty()));
        routes.post("/users/{id}", this::update);
        routes.post("/users/{id}/deactivate", ctx -> activate(ctx, false));
        routes.post("/users/{id}/reactivate", ctx -> activate(ctx, true));
        routes.post("/users/{id}/tokens", this::issueToken);
        routes.post("/users/{id}/tokens/{token}/revoke", this::revoke);
    }

    private void list(Context ctx, int status, Optional<String> error) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        List<User> all = users.list(actor);
        Map<UUID, String> names = names(outlets.list(actor));
        List<UserViews.Choice> roles = roles(t, form(ctx, "role").orElse(Role.STAFF.wireName()));
        List<UserViews.Choice> outletChoices = outletChoices(names, ticked(ctx, names.keySet()));
        views.answer(
                ctx,
                status,
                "user/list.jte",
                new UserViews.ListPage(
                        layout.page(ctx, t.get("nav.users"), Optional.empty(), "users"),
                        all.stream().map(u -> row(u, names, t)).toList(),
                        form(ctx, "name").orElse(""),
                        form(ctx, "email").orElse(""),
                        roles,
                        outletChoices,
                        error));
    }

    private void create(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        actor.require(Permission.MANAGE_USERS);
        List<UUID> outletIds =
                ticked(ctx, outlets.list(actor).stream().map(Outlet::id).toList());
        User user;
        try {
            user = users.create(
                    actor,
                    new UserService.NewUser(
                            form(ctx, "name").orElse(""),
                            form(ctx, "email").orElse(""),
                            form(ctx, "password").filter(p -> !p.isEmpty()),
                            Role.fromWire(form(ctx, "role").orElse("")),
                            outletIds));
        } catch (StorelineException e) {
            rethrowUnlessRefusal(e);
            list(ctx, ErrorResponses.status(e.code().category()), Optional.of(e.getMessage()));
            return;
        }
        ctx.redirect("/users/" + user.id() + "?done=created", HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx, int status, Optional<String> token, Optional<String> done, Optional<String> error) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        User user = users.get(actor, id(ctx));
        List<Outlet> visible = outlets.list(actor);
        ZoneId zone = visible.stream().findFirst().map(Outlet::timeZone).orElse(ZoneId.of("UTC"));
        Map<UUID, String> names = names(visible);
        UserViews.Row row = row(user, names, t);
        // The change form shows the user as stored, or what was sent when the change was refused.
        boolean refilled = form(ctx, "edit").isPresent();
        String formName = refilled ? form(ctx, "name").orElse("") : user.name();
        String formRole = refilled ? form(ctx, "role").orElse("") : user.role().wireName();
        List<UUID> formOutlets = refilled ? ticked(ctx, names.keySet()) : user.outletIds();
        List<UserViews.Token> tokens = users.tokens(actor, user.id()).stream()
                .map(k -> new UserViews.Token(
                        k.id().toString(),
                        k.label(),
                        Formats.dateTime(k.createdAt(), zone, t),
                        k.lastUsedAt().map(at -> Formats.dateTime(at, zone, t)).orElse(t.get("users.never"))))
                .toList();
        views.answer(
                ctx,
                status,
                "user/page.jte",
                new UserViews.UserPage(
                        layout.page(ctx, user.name(), Optional.empty(), "users"),
                        user.id().toString(),
                        row.name(),
                        row.email(),
                        row.role(),
                        row.outlets(),
                        user.isActive(),
                        user.id().equals(actor.userId()),
                        "deactivate".equals(ctx.queryParam("open")),
                        formName,
                        roles(t, formRole),
                        outletChoices(names, formOutlets),
                        tokens,
                        token,
                        done,
                        error));
    }

    /** Changes the user's name, role, outlets or password; a refusal is shown above the form, filled in again. */
    private void update(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        actor.require(Permission.MANAGE_USERS);
        UUID id = id(ctx);
        try {
            users.update(
                    actor,
                    id,
                    new UserService.Changes(
                            form(ctx, "name"),
                            Optional.of(Role.fromWire(form(ctx, "role").orElse(""))),
                            Optional.of(ticked(
                                    ctx,
                                    outlets.list(actor).stream().map(Outlet::id).toList())),
                            form(ctx, "password").filter(p -> !p.isEmpty())));
        } catch (StorelineException e) {
            refused(ctx, e, refusal(e, Layout.messages(ctx)));
            return;
        }
        ctx.redirect("/users/" + id + "?done=updated", HttpStatus.SEE_OTHER);
    }

    /** Deactivates (signs out at once, shuts out) or reactivates the user; a refusal is shown above the forms. */
    private void activate(Context ctx, boolean active) {
        Actor actor = WebSessions.actor(ctx);
        actor.require(Permission.MANAGE_USERS);
        UUID id = id(ctx);
        try {
            users.update(actor, id, UserService.Changes.activation(active));
        } catch (StorelineException e) {
            refused(ctx, e, refusal(e, Layout.messages(ctx)));
            return;
        }
        ctx.redirect("/users/" + id + "?done=" + (active ? "reactivated" : "deactivated"), HttpStatus.SEE_OTHER);
    }

    /** The user's page again, with the refusal above its forms (a refusal to see it at all is the error page). */
    private void refused(Context ctx, StorelineException e, String message) {
        rethrowUnlessRefusal(e);
        page(ctx, ErrorResponses.status(e.code().category()), Optional.empty(), Optional.empty(), Optional.of(message));
    }

    /** The rules of changing users in the reader's words; any other refusal as the use case words it. */
    private static String refusal(StorelineException e, Messages t) {
        return switch (e.code()) {
            case OWN_ADMIN_ROLE -> t.get("users.refused.own_admin_role");
            case LAST_ADMIN -> t.get("users.refused.last_admin");
            case OWN_ACCOUNT -> t.get("users.refused.own_account");
            default -> e.getMessage();
        };
    }

    /** The token is shown in the answer to this POST, once: it is not in any URL and cannot be read again. */
    private void issueToken(Context ctx) {
        String token;
        try {
            token = users.issueToken(
                    WebSessions.actor(ctx), id(ctx), form(ctx, "label").orElse(null));
        } catch (StorelineException e) {
            refused(ctx, e, e.getMessage());
            return;
        }
        page(ctx, 201, Optional.of(token), Optional.empty(), Optional.empty());
    }

    private void revoke(Context ctx) {
        UUID id = id(ctx);
        users.revokeToken(WebSessions.actor(ctx), id, Ids.parse("token", ctx.pathParam("token")));
        ctx.redirect("/users/" + id + "?done=revoked", HttpStatus.SEE_OTHER);
    }

    private static UserViews.Row row(User user, Map<UUID, String> outletNames, Messages t) {
        String outlets = user.role().seesEveryOutlet()
                ? t.get("users.everyOutlet")
                : String.join(
                        ", ",
                        user.outletIds().stream()
                                .map(id -> outletNames.getOrDefault(id, id.toString()))
                                .toList());
        return new UserViews.Row(
                user.id().toString(),
                user.name(),
                user.email().value(),
                t.get("role." + user.role().wireName()),
                outlets,
                user.isActive());
    }

    private static List<UserViews.Choice> roles(Messages t, String selected) {
        List<UserViews.Choice> roles = new ArrayList<>();
        for (Role r : Role.values()) {
            roles.add(new UserViews.Choice(
                    r.wireName(), t.get("role." + r.wireName()), r.wireName().equals(selected)));
        }
        return roles;
    }

    private static List<UserViews.Choice> outletChoices(Map<UUID, String> names, List<UUID> ticked) {
        return names.entrySet().stream()
                .map(e -> new UserViews.Choice(e.getKey().toString(), e.getValue(), ticked.contains(e.getKey())))
                .toList();
    }

    /** The outlets of {@code offered} whose box the form ticked (none for a GET). */
    private static List<UUID> ticked(Context ctx, Collection<UUID> offered) {
        return offered.stream()
                .filter(id -> form(ctx, "outlet_" + id).isPresent())
                .toList();
    }

    private static void rethrowUnlessRefusal(StorelineException e) {
        if (e.code().category() == ErrorCategory.FORBIDDEN) {
            throw e;
        }
    }

    private static Map<UUID, String> names(List<Outlet> outlets) {
        Map<UUID, String> names = new LinkedHashMap<>();
        outlets.forEach(o -> names.put(o.id(), o.name()));
        return names;
    }

    private static Optional<String> done(Context ctx) {
        Messages t = Layout.messages(ctx);
        return Optional.ofNullable(ctx.queryParam("done"))
                .filter(k -> List.of("created", "revoked", "updated", "deactivated", "reactivated")
                        .contains(k))
                .map(k -> t.get("users.done." + k));
    }

    private static Optional<String> form(Context ctx, String name) {
        // A GET has no form: reading its body would take the next request on a kept-alive connection for it.
        if (!ctx.method().name().equals("POST")) {
            return Optional.empty();
        }
        return Optional.ofNullable(ctx.formParam(name));
    }

    private static UUID id(Context ctx) {
        return Ids.parse("id", ctx.pathParam("id"));
    }
}
