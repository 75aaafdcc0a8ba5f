package org.storeline.channels.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Building blocks for {@link Connector#storeIdentity}: the parts of an address that name a store. */
public final class StoreIdentities {
    private StoreIdentities() {}

    /**
     * The host, lower-cased, with its port when it is not the scheme's default (a local test server is told apart by
     * its port): {@code example.myshopify.com}, {@code 127.0.0.1:8089}.
     */
    public static String host(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1
                || (port == 443 && "https".equalsIgnoreCase(url.getScheme()))
                || (port == 80 && "http".equalsIgnoreCase(url.getScheme()));
        return defaultPort ? host : host + ":" + port;
    }

    /**
     * The site an address is on: its {@link #host} and path, without the scheme (a site moved to https is the same
     * site), query, trailing slashes, or the given API path suffix ({@code /wp-json/wc/v3}) when the owner pasted it.
     */
    public static String site(URI url, String apiPathStart) {
        String path = url.getPath() == null ? "" : url.getPath();
        int api = path.toLowerCase(Locale.ROOT).indexOf(apiPathStart.toLowerCase(Locale.ROOT));
        if (!apiPathStart.isEmpty() && api >= 0) {
            path = path.substring(0, api);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return host(url) + path;
    }

    /**
     * A short fingerprint of a credential that names a store but should not be shown (an API key): the first 16 hex
     * digits of its SHA-256.
     */
    public static String fingerprint(String credential) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
