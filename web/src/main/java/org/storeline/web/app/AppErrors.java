package org.storeline.web.app;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.session.SignedIn;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.SessionCookie;
import org.storeline.web.app.session.WebSessions;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;
import org.storeline.web.http.ErrorResponses;

/**
 * Errors on page paths, as pages: the same status and stable code as the API would answer, with a heading and a
 * message in the reader's language that say what to do. htmx requests get the message alone (app.js shows it); a
 * request without a session goes to sign in.
 */
final class AppErrors {
    private final Layout layout;
    private final Views views;
    private final WebSessions sessions;

    AppErrors(Layout layout, Views views, WebSessions sessions) {
        this.layout = layout;
        this.views = views;
        this.sessions = sessions;
    }

    void signInRequired(Context ctx) {
        if (ctx.header("HX-Request") != null || ctx.path().equals("/events")) {
            ctx.header("HX-Redirect", "/login");
            ctx.status(401).contentType("text/plain; charset=utf-8").result("Sign in first.");
            return;
        }
        if (SessionCookie.read(ctx).isPresent()) {
            // The browser had a session that ended: it is forgotten, so the sign-in page is not sent back here.
            SessionCookie.clear(ctx);
        }
        String target = ctx.method().name().equals("GET") ? ctx.path() + query(ctx) : "/fulfillments";
        ctx.redirect("/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    void write(Context ctx, ErrorCode code, String message) {
        if (code == ErrorCode.UNAUTHENTICATED) {
            signInRequired(ctx);
            return;
        }
        int status = ErrorResponses.status(code.category());
        Optional<SignedIn> attached = attached(ctx);
        Messages t = Layout.messages(ctx, attached.isPresent() ? attached : sessions.current(ctx));
        String heading = t.has("error." + status) ? t.get("error." + status) : t.get("error.other");
        String text = t.has("error." + code.code() + ".page") ? t.get("error." + code.code() + ".page") : message;
        if (ctx.header("HX-Request") != null) {
            ctx.status(status).contentType("text/plain; charset=utf-8").result(heading + " " + text);
            return;
        }
        var shell = attached.isPresent()
                ? layout.page(ctx, heading, Optional.empty(), "")
                : layout.bare(ctx, t, heading, "");
        views.answer(ctx, status, "error.jte", new ErrorView(shell, status, code.code(), heading, text));
    }

    /** The session the before-handler found for this request, if it ran and found one. */
    private static Optional<SignedIn> attached(Context ctx) {
        try {
            return Optional.of(WebSessions.signedIn(ctx));
        } catch (RuntimeException none) {
            return Optional.empty();
        }
    }

    private static String query(Context ctx) {
        String query = ctx.queryString();
        return query == null || query.isEmpty() ? "" : "?" + query;
    }
}
