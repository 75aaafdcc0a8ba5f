package org.storeline.web.app.setup;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Optional;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.session.SignInService;
import org.storeline.core.user.UserService;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.Csrf;
import org.storeline.web.app.session.SessionCookie;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;
import org.storeline.web.http.ErrorResponses;

/**
 * The first run of a new installation ({@code /setup}): nobody has a password yet, so nobody could sign in. Whoever
 * runs the server has the admin token it printed (or {@code STORELINE_ADMIN_TOKEN}); with it they choose the first
 * administrator's name, email and password here, and are signed in. Once anyone can sign in, the page is gone.
 */
public final class FirstAdminPages {
    private final UserService users;
    private final SignInService signIn;
    private final Layout layout;
    private final Views views;

    public FirstAdminPages(UserService users, SignInService signIn, Layout layout, Views views) {
        this.users = users;
        this.signIn = signIn;
        this.layout = layout;
        this.views = views;
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/setup", this::form);
        routes.post("/setup", this::submit);
    }

    private void form(Context ctx) {
        if (users.isSetUp()) {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
            return;
        }
        show(ctx, 200, Layout.messages(ctx, Optional.empty()), "", "", Optional.empty());
    }

    private void submit(Context ctx) {
        Csrf.checkOrigin(ctx);
        Messages t = Layout.messages(ctx, Optional.empty());
        String name = field(ctx, "name");
        String email = field(ctx, "email");
        String password = field(ctx, "password");
        try {
            users.setUpFirstAdmin(field(ctx, "token"), name, email, password);
        } catch (StorelineException e) {
            if (e.code() == ErrorCode.ALREADY_SET_UP) {
                ctx.redirect("/login", HttpStatus.SEE_OTHER);
                return;
            }
            String message = e.code() == ErrorCode.UNAUTHENTICATED ? t.get("setup.badToken") : e.getMessage();
            show(ctx, ErrorResponses.status(e.code().category()), t, name, email, Optional.of(message));
            return;
        }
        SignInService.NewSession session = signIn.signIn(email, password);
        SessionCookie.write(ctx, session.token(), signIn.policy().absolute());
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, int status, Messages t, String name, String email, Optional<String> error) {
        views.answer(
                ctx,
                status,
                "setup/first-admin.jte",
                new FirstAdminView(layout.bare(ctx, t, t.get("setup.title"), ""), name, email, error));
    }

    private static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }
}
