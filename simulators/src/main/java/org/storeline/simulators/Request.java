package org.storeline.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request to the store's API. */
record Request(String method, String path, Map<String, String> query, byte[] body, Map<String, List<String>> headers) {
    JsonNode json() {
        try {
            return body.length == 0 ? StoreSimulator.JSON.createObjectNode() : StoreSimulator.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    String param(String name, String fallback) {
        return query.getOrDefault(name, fallback);
    }
}
