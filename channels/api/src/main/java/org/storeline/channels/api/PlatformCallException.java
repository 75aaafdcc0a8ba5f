package org.storeline.channels.api;

/**
 * A call to a platform's API that did not succeed. {@code retryable}: the platform could not answer
 * (429, 5xx, timeout, connection refused) and the same call may work later; otherwise it said no
 * (401, 404, 422...) and repeating it is pointless.
 */
public class PlatformCallException extends RuntimeException {
    private final boolean retryable;
    private final int status;

    public PlatformCallException(String message, boolean retryable, int status, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.status = status;
    }

    public PlatformCallException(String message, boolean retryable, int status) {
        this(message, retryable, status, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The HTTP status the platform answered, or 0 when it did not answer at all. */
    public int status() {
        return status;
    }
}
