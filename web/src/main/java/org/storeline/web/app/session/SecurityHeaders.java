package org.storeline.web.app.session;

import io.javalin.http.Context;

/**
 * Headers on every page: a Content-Security-Policy that lets the page load only this site's files, with no inline
 * script or style, no framing by another site, no sniffing of types, and nothing kept in caches (assets say otherwise).
 */
public final class SecurityHeaders {
    static final String POLICY =
            "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none';" + " form-action 'self'";
    /**
     * The Scanner's pages may also compile WebAssembly (its barcode decoder, for browsers without BarcodeDetector):
     * 'wasm-unsafe-eval' allows that and nothing more, no eval of script text, and scripts still come only from here.
     */
    static final String WEBASSEMBLY_POLICY = POLICY + "; script-src 'self' 'wasm-unsafe-eval'";

    private SecurityHeaders() {}

    public static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }

    /** Replaces the policy {@link #apply} set with one that lets this page compile WebAssembly. */
    public static void allowWebAssembly(Context ctx) {
        ctx.header("Content-Security-Policy", WEBASSEMBLY_POLICY);
    }
}
