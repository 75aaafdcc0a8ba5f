package org.storeline.web.app.session;

import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/**
 * Cross-site request forgery: a request that changes something must carry the session's token, in the form's hidden
 * {@value #FIELD} field or in the {@value #HEADER} header (htmx sends it, set by app.js from the page's meta tag), and
 * must not come from another site's page ({@code Origin}). SameSite=Lax cookies already keep most forgeries out; the
 * token is the second lock.
 */
public final class Csrf {
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private Csrf() {}

    public static boolean isUnsafe(Context ctx) {
        return switch (ctx.method().name()) {
            case "GET", "HEAD", "OPTIONS" -> false;
            default -> true;
        };
    }

    /** Refuses the request unless it carries {@code expected} and comes from this site. */
    public static void check(Context ctx, String expected) {
        checkOrigin(ctx);
        String sent = ctx.header(HEADER);
        if (sent == null || sent.isBlank()) {
            sent = ctx.formParam(FIELD);
        }
        if (sent == null
                || !MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw rejected();
        }
    }

    /**
     * A browser names the page's site in {@code Origin} on every POST; one that names another host is refused (the
     * scheme may differ behind a TLS-terminating proxy, the host does not). No Origin: not a browser's cross-site form.
     */
    public static void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.isBlank()) {
            return;
        }
        String host = ctx.header("Host");
        try {
            URI uri = URI.create(origin.trim());
            String originHost = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            if (host == null || !host.equalsIgnoreCase(originHost)) {
                throw rejected();
            }
        } catch (IllegalArgumentException e) {
            throw rejected();
        }
    }

    private static StorelineException rejected() {
        return new StorelineException(
                ErrorCode.CSRF_REJECTED,
                "This form was not sent from a current Storeline page. Reload the page and try again.");
    }
}
