package org.storeline.core.error;

/**
 * A failure with a stable {@link ErrorCode} and a message written for the person who has to act on it.
 * Thrown by the domain; turned into {@code {"error": {"code", "message"}}} by the web layer.
 */
public class StorelineException extends RuntimeException {
    private final ErrorCode code;

    public StorelineException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public StorelineException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static StorelineException invalid(String message) {
        return new StorelineException(ErrorCode.INVALID_REQUEST, message);
    }

    public static StorelineException notFound(ErrorCode code, String what, Object id) {
        return new StorelineException(code, what + " " + id + " does not exist.");
    }
}
