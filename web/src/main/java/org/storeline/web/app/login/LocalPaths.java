package org.storeline.web.app.login;

import java.net.URI;
import java.util.Optional;

/** Where the app may send a browser back to: a path of this site only, never another site (no open redirect). */
final class LocalPaths {
    private LocalPaths() {}

    static Optional<String> path(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return Optional.empty();
        }
        String value = candidate.trim();
        if (!value.startsWith("/") || value.startsWith("//") || value.contains("\\")) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null || uri.getAuthority() != null) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** The path and query of a same-site {@code Referer} (the page a form was sent from). */
    static Optional<String> fromReferer(String referer, String host) {
        if (referer == null || host == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(referer.trim());
            String refererHost = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            if (!host.equalsIgnoreCase(refererHost)) {
                return Optional.empty();
            }
            return path(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
