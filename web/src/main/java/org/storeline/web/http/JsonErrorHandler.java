package org.storeline.web.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.storeline.core.error.ErrorCode;

/**
 * Errors the HTTP server answers itself, before any route runs: a URI or headers too large to read, a request
 * line or path it cannot parse. Jetty would write an HTML page naming itself; this writes the API's
 * {@code {"error": {"code", "message"}}} with a stable code instead.
 */
public final class JsonErrorHandler extends ErrorHandler {
    /** A status the HTTP layer chose, with the code and message the API gives for it. */
    public record Failure(int status, String code, String message) {
        static Failure of(ErrorCode code, String message) {
            return new Failure(ErrorResponses.status(code.category()), code.code(), message);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            response.setStatus(status);
        }
        if (!errorPageForMethod(request.getMethod()) || HttpStatus.hasNoBody(status)) {
            callback.succeeded();
            return true;
        }
        Failure failure = failure(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(ErrorResponses.body(failure.code(), failure.message())), callback);
        return true;
    }

    /** The answer to a request too broken to become a request at all (Jetty's parser refused its first bytes). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        Failure failure = failure(status);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(ErrorResponses.body(failure.code(), failure.message()));
    }

    /** What the API says for a status the HTTP layer chose. */
    public static Failure failure(int status) {
        return switch (status) {
            case 400 ->
                Failure.of(
                        ErrorCode.MALFORMED_REQUEST,
                        "The request is not well-formed HTTP: check the"
                                + " request line, the percent-encoding (%XX) of the path and query, and the headers.");
            case 404 -> Failure.of(ErrorCode.NOT_FOUND, "No such endpoint. See /api/v1/openapi.json.");
            case 405 ->
                Failure.of(
                        ErrorCode.METHOD_NOT_ALLOWED,
                        "This method is not allowed here." + " See /api/v1/openapi.json.");
            case 413 -> Failure.of(ErrorCode.BODY_TOO_LARGE, "The request body is too large.");
            case 414 ->
                Failure.of(
                        ErrorCode.URI_TOO_LONG,
                        "The request URI is too long for the server to read:"
                                + " shorten the path and query (a few kilobytes at most),"
                                + " and send large data in the body.");
            case 431 ->
                Failure.of(
                        ErrorCode.HEADERS_TOO_LARGE,
                        "The request headers are too large for the server"
                                + " to read: send fewer or shorter headers (a few kilobytes in all).");
            case 500 -> Failure.of(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; it has been logged.");
            default ->
                new Failure(
                        status, "http_" + status, "The HTTP server refused the request with status " + status + ".");
        };
    }
}
