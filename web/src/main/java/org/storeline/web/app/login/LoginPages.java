package org.storeline.web.app.login;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.session.SignInLocked;
import org.storeline.core.session.SignInService;
import org.storeline.core.session.SignedIn;
import org.storeline.web.app.i18n.Languages;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.Csrf;
import org.storeline.web.app.session.SessionCookie;
import org.storeline.web.app.session.WebSessions;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;
import org.storeline.web.http.ErrorResponses;

/**
 * Sign-in with email and password, sign-out, and the choice of language. A session is made only by a successful
 * sign-in (a new random token each time, so a token planted before sign-in is worth nothing).
 */
public final class LoginPages {
    private static final String HOME = "/fulfillments";

    private final SignInService signIn;
    private final WebSessions sessions;
    private final Layout layout;
    private final Views views;
    private final Clock clock;
    private final BooleanSupplier setUp;

    /** {@code setUp}: whether anyone can sign in yet (if not, the form points to the first-run setup). */
    public LoginPages(
            SignInService signIn,
            WebSessions sessions,
            Layout layout,
            Views views,
            Clock clock,
            BooleanSupplier setUp) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.layout = layout;
        this.views = views;
        this.clock = clock;
        this.setUp = setUp;
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/login", this::form);
        routes.post("/login", this::submit);
        routes.post("/logout", this::signOut);
        routes.post("/language", this::language);
    }

    private void form(Context ctx) {
        if (sessions.current(ctx).isPresent()) {
            ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        Messages t = Layout.messages(ctx, Optional.empty());
        Optional<String> info = ctx.queryParam("signed_out") != null
                ? Optional.of(t.get("login.signedOut"))
                : Optional.ofNullable(ctx.queryParam("next")).map(n -> t.get("login.needed"));
        show(ctx, 200, t, "", ctx.queryParam("next"), Optional.empty(), info);
    }

    private void submit(Context ctx) {
        Csrf.checkOrigin(ctx);
        Messages t = Layout.messages(ctx, Optional.empty());
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("");
        String next = ctx.formParam("next");
        SignInService.NewSession session;
        try {
            session = signIn.signIn(
                    email, Optional.ofNullable(ctx.formParam("password")).orElse(""));
        } catch (SignInLocked e) {
            long minutes =
                    Math.max(1, Duration.between(clock.instant(), e.retryAt()).toSeconds() / 60 + 1);
            show(ctx, 429, t, email, next, Optional.of(t.format("login.locked", minutes)), Optional.empty());
            return;
        } catch (StorelineException e) {
            if (e.code() != ErrorCode.SIGN_IN_FAILED) {
                throw e;
            }
            int status = ErrorResponses.status(e.code().category());
            show(ctx, status, t, email, next, Optional.of(t.get("login.failed")), Optional.empty());
            return;
        }
        SessionCookie.write(ctx, session.token(), signIn.policy().absolute());
        ctx.redirect(next(next), HttpStatus.SEE_OTHER);
    }

    private void show(
            Context ctx,
            int status,
            Messages t,
            String email,
            String next,
            Optional<String> error,
            Optional<String> info) {
        views.answer(
                ctx,
                status,
                "login.jte",
                new LoginView(
                        layout.bare(ctx, t, t.get("login.title"), ""),
                        email,
                        LocalPaths.path(next).orElse(""),
                        error,
                        info,
                        !setUp.getAsBoolean()));
    }

    private void signOut(Context ctx) {
        SessionCookie.read(ctx).ifPresent(signIn::signOut);
        SessionCookie.clear(ctx);
        ctx.redirect("/login?signed_out", HttpStatus.SEE_OTHER);
    }

    /** Keeps the user's language (or "" for the browser's) and goes back to the page the form was on. */
    private void language(Context ctx) {
        SignedIn signedIn = WebSessions.signedIn(ctx);
        signIn.chooseLanguage(signedIn.actor(), Languages.parse(ctx.formParam("language")));
        ctx.redirect(
                LocalPaths.fromReferer(ctx.header("Referer"), ctx.header("Host"))
                        .orElse(HOME),
                HttpStatus.SEE_OTHER);
    }

    private static String next(String candidate) {
        return LocalPaths.path(candidate).orElse(HOME);
    }
}
