package org.storeline.web.app.session;

import io.javalin.http.Context;

/**
 * Headers on every page: a Content-Security-Policy that lets the page load only this site's files, with no inline
 * script or style, no framing by another site, no sniffing of types, and nothing kept in caches (assets say otherwise).
 */
public final class SecurityHeaders {
    static final String POLICY =
            "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none';" + " form-action 'self'";

    private SecurityHeaders() {}

    public static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }
}
