package org.storeline.core.error;

/**
 * What kind of failure an {@link ErrorCode} is. The web layer maps each category to one HTTP status,
 * in one place, so that a new code never needs its own status decision.
 */
public enum ErrorCategory {
    /** The request itself is malformed or misses a field (400). */
    INVALID,
    /** No credentials, or credentials that match nobody (401). */
    UNAUTHENTICATED,
    /** Known caller, not permitted: a role that lacks the right, or an outlet the user may not see (403). */
    FORBIDDEN,
    /** The thing named does not exist (404). */
    NOT_FOUND,
    /** The path exists, but not with this method (405). */
    METHOD_NOT_ALLOWED,
    /** The request conflicts with the current state: a closed register, a taken SKU (409). */
    CONFLICT,
    /** The body is too large (413). */
    TOO_LARGE,
    /** The request's URI is too long for the server to read (414). */
    URI_TOO_LONG,
    /** Well-formed, but breaks a business rule: a payment over the balance (422). */
    UNPROCESSABLE,
    /** The request's headers are too large for the server to read (431). */
    HEADERS_TOO_LARGE,
    /** Too many attempts in a while: a sign-in locked out after repeated failures (429). */
    TOO_MANY_REQUESTS,
    /** A fault of ours, logged; the request may be fine (500). */
    INTERNAL,
    /** A dependency (database, platform) cannot be reached right now (503). */
    UNAVAILABLE
}
