package org.storeline.web.app.session;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.storeline.core.session.SignInService;
import org.storeline.core.session.SignedIn;
import org.storeline.core.user.Actor;

/**
 * Finds the signed-in user of each page request from the session cookie, before any screen's handler runs, and checks
 * the CSRF token of each request that changes something. Pages without a session are sent to sign in.
 */
public final class WebSessions {
    private static final String SIGNED_IN = "storeline.signed-in";
    /** Paths anyone may load: the sign-in page, the first run's setup (see FirstAdminPages) and the files they need. */
    private static final Set<String> PUBLIC = Set.of("/login", "/setup", "/favicon.ico");

    private final SignInService signIn;

    public WebSessions(SignInService signIn) {
        this.signIn = signIn;
    }

    /**
     * The simulator page of {@code ./storeline demo} shows the simulated stores, not the shop: no sign-in. Outside demo
     * mode it does not exist (404).
     */
    private static boolean isDemo(String path) {
        return path.equals("/demo") || path.startsWith("/demo/");
    }

    /** The before-handler of every page path. */
    public void authenticate(Context ctx) {
        if (PUBLIC.contains(ctx.path()) || ctx.path().startsWith("/assets/") || isDemo(ctx.path())) {
            return;
        }
        SignedIn signedIn = current(ctx).orElseThrow(SignInRequired::new);
        ctx.attribute(SIGNED_IN, signedIn);
        if (Csrf.isUnsafe(ctx)) {
            Csrf.check(ctx, signedIn.session().csrfToken());
        }
    }

    /** The live session of this request's cookie, if any (read again: for the sign-in page, which is public). */
    public Optional<SignedIn> current(Context ctx) {
        return SessionCookie.read(ctx).flatMap(signIn::authenticate);
    }

    /** The user as they are now, for a long request (an event stream) that asks again from time to time. */
    public Optional<Actor> recheck(Context ctx) {
        return current(ctx).map(SignedIn::actor);
    }

    public static SignedIn signedIn(Context ctx) {
        SignedIn signedIn = ctx.attribute(SIGNED_IN);
        if (signedIn == null) {
            throw new SignInRequired();
        }
        return signedIn;
    }

    public static Actor actor(Context ctx) {
        return signedIn(ctx).actor();
    }
}
