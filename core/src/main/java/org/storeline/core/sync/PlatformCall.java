package org.storeline.core.sync;

/**
 * One request a platform module made, as the channel's activity log shows it (BYD-4): the method and path (never the
 * credentials or the query's secrets), the HTTP status, and an excerpt of the platform's answer.
 */
public record PlatformCall(String method, String path, int status, String answer) {
    private static final int MAX_ANSWER = 500;

    public PlatformCall {
        answer = answer == null ? "" : excerpt(answer);
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > MAX_ANSWER ? flat.substring(0, MAX_ANSWER) + "..." : flat;
    }
}
