package org.storeline.web.app.session;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/**
 * The cookie that carries the session token: HttpOnly (no script reads it), SameSite=Lax (other sites' forms and
 * requests do not carry it), and Secure when the request came over HTTPS, also through a proxy that says so with
 * {@code X-Forwarded-Proto}. A Secure cookie over plain HTTP would never come back, so it is set only then.
 */
public final class SessionCookie {
    public static final String NAME = "storeline_session";

    private SessionCookie() {}

    public static Optional<String> read(Context ctx) {
        return Optional.ofNullable(ctx.cookie(NAME)).filter(v -> !v.isBlank());
    }

    public static void write(Context ctx, String token, Duration maxAge) {
        ctx.res().addHeader("Set-Cookie", cookie(token, maxAge.toSeconds(), isHttps(ctx)));
    }

    public static void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", cookie("", 0, isHttps(ctx)));
    }

    static String cookie(String value, long maxAgeSeconds, boolean secure) {
        return NAME + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }

    /** Whether the browser's connection is HTTPS: the request's own scheme, or the first proxy's word for it. */
    public static boolean isHttps(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Proto");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim().equalsIgnoreCase("https");
        }
        return "https".equalsIgnoreCase(ctx.scheme());
    }
}
