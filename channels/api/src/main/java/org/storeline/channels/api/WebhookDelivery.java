package org.storeline.channels.api;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A webhook delivery exactly as it arrived: its headers and its raw body bytes. Signatures are checked
 * over these bytes, never over a parsed and re-serialised copy.
 *
 * @param query the query parameters of the delivery URL (Ecwid puts {@code eventtype} there)
 */
public record WebhookDelivery(Map<String, String> headers, Map<String, String> query, byte[] body) {

    public WebhookDelivery {
        TreeMap<String, String> lowerCased = new TreeMap<>();
        headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lowerCased);
        query = Map.copyOf(query);
    }

    public static WebhookDelivery of(Map<String, String> headers, byte[] body) {
        return new WebhookDelivery(headers, Map.of(), body);
    }

    /** A header by name, whatever its case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public String contentType() {
        return header("content-type").orElse("");
    }
}
