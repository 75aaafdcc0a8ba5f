package org.storeline.channels.api;

import java.net.URI;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.storeline.core.error.StorelineException;

/**
 * What a connector needs to talk to one channel: where the platform's API is ({@code baseUrl}, which
 * tests and the demo point at a local server), the credentials and the webhook secret, decrypted.
 * Never log it: {@link #toString()} hides the secrets.
 */
public record ChannelConnection(String channelId, URI baseUrl, Map<String, String> credentials, String webhookSecret) {
    private static final Pattern API_VERSION = Pattern.compile("v\\d+|\\d{4}-\\d{2}");

    public ChannelConnection {
        credentials = Map.copyOf(credentials);
    }

    public String credential(String name) {
        String value = credentials.get(name);
        if (value == null || value.isBlank()) {
            throw StorelineException.invalid("credentials." + name + " is required for this platform.");
        }
        return value;
    }

    public Optional<String> optionalCredential(String name) {
        return Optional.ofNullable(credentials.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * The channel's {@code currency} credential, for platforms whose orders do not state theirs (Ecwid, Lightspeed);
     * {@code fallback} when it is not set. A code that is not ISO 4217 is the channel's setting to fix.
     */
    public Currency currency(Currency fallback) {
        return optionalCredential("currency")
                .map(code -> {
                    try {
                        return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw StorelineException.invalid(
                                "credentials.currency '" + code + "' is not an ISO 4217 currency code (such as EUR).");
                    }
                })
                .orElse(fallback);
    }

    /**
     * The base URL with the given API path appended, without doubling the slash. Owners paste the API address
     * their platform's admin shows them, which often already ends with the start of that path
     * ({@code https://api.bigcommerce.com/stores/abc123/v3/}, {@code https://app.ecwid.com/api/v3/1003},
     * {@code https://shop.example.com/wp-json/wc/v3}): where the base's last segments are the path's first
     * ones, they are not repeated. An API version there ({@code v3}, {@code 2024-01}) counts as the same segment
     * as the version the connector calls, which is the one used.
     */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String rawPath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        List<String> baseSegments = segments(rawPath);
        String relative = path.startsWith("/") ? path : "/" + path;
        int queryAt = relative.indexOf('?');
        List<String> pathSegments = segments(queryAt < 0 ? relative : relative.substring(0, queryAt));
        int overlap = overlap(baseSegments, pathSegments);
        if (overlap > 0) {
            String prefix =
                    "/" + String.join("/", baseSegments.subList(baseSegments.size() - overlap, baseSegments.size()));
            base = base.substring(0, base.length() - prefix.length());
        }
        return URI.create(base + relative);
    }

    private static int overlap(List<String> base, List<String> path) {
        for (int k = Math.min(base.size(), path.size()); k > 0; k--) {
            if (sameSegments(base.subList(base.size() - k, base.size()), path.subList(0, k))) {
                return k;
            }
        }
        return 0;
    }

    private static boolean sameSegments(List<String> fromBase, List<String> fromPath) {
        for (int i = 0; i < fromBase.size(); i++) {
            String a = fromBase.get(i);
            String b = fromPath.get(i);
            boolean bothVersions = i == fromBase.size() - 1
                    && API_VERSION.matcher(a).matches()
                    && API_VERSION.matcher(b).matches();
            if (!a.equalsIgnoreCase(b) && !bothVersions) {
                return false;
            }
        }
        return true;
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/"))
                .filter(segment -> !segment.isEmpty())
                .toList();
    }

    @Override
    public String toString() {
        return "ChannelConnection[" + channelId + " " + baseUrl + ", credentials=" + credentials.keySet()
                + ", secret=***]";
    }
}
