package org.storeline.web.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.storeline.core.error.ErrorCategory;
import org.storeline.core.error.ErrorCode;

/** The one place where an error category becomes an HTTP status, and the error body is written. */
public final class ErrorResponses {
    private ErrorResponses() {}

    public static int status(ErrorCategory category) {
        return switch (category) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case URI_TOO_LONG -> 414;
            case UNPROCESSABLE -> 422;
            case HEADERS_TOO_LARGE -> 431;
            case TOO_MANY_REQUESTS -> 429;
            case INTERNAL -> 500;
            case UNAVAILABLE -> 503;
        };
    }

    public static void write(Context ctx, ErrorCode code, String message) {
        write(ctx, status(code.category()), code.code(), message);
    }

    public static void write(Context ctx, int status, String code, String message) {
        ctx.status(status).contentType("application/json").result(body(code, message));
    }

    /** {@code {"error": {"code": ..., "message": ...}}}, for whoever writes the answer itself (the HTTP server). */
    public static byte[] body(String code, String message) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return Json.write(body);
    }
}
