package org.storeline.channels.ecwid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.storeline.channels.api.PlatformJson;

/** The real payloads under src/test/resources/payloads (sources in SOURCES.md there). */
final class EcwidFixtures {
    private EcwidFixtures() {}

    static String payload(String file) {
        try (InputStream in = EcwidFixtures.class.getClassLoader().getResourceAsStream("payloads/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing test payload " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An order as the API returns it, editable so a test can derive a variant from it. */
    static ObjectNode order(String name) {
        return (ObjectNode) PlatformJson.parse(payload(name + ".order.json"), name);
    }
}
