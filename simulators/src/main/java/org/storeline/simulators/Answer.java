package org.storeline.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An answer: status, JSON body (or none) and headers. */
record Answer(int status, Optional<JsonNode> body, Map<String, String> headers) {
    static Answer ok(JsonNode body) {
        return new Answer(200, Optional.of(body), Map.of());
    }

    static Answer status(int status, JsonNode body) {
        return new Answer(status, Optional.of(body), Map.of());
    }

    static Answer noContent() {
        return new Answer(204, Optional.empty(), Map.of());
    }

    Answer with(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new Answer(status, body, all);
    }
}
