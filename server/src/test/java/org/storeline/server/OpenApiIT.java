package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;
import org.storeline.server.support.TestStoreline;
import org.storeline.web.http.ErrorResponses;

/**
 * The OpenAPI document describes exactly the endpoints the server declares, none missing, none invented, and
 * lists every error code with the status it comes with.
 */
class OpenApiIT {

    @Test
    void theOpenApiDocumentListsEveryEndpointAndNoOther() {
        JsonNode document =
                TestStoreline.admin().as(null).get("/api/v1/openapi.json").json();
        Set<String> declared = TestStoreline.instance().endpoints().stream()
                .map(e -> e.method() + " " + e.path())
                .collect(Collectors.toSet());

        Set<String> documented = new HashSet<>();
        Iterator<String> paths = document.path("paths").fieldNames();
        while (paths.hasNext()) {
            String path = paths.next();
            document.path("paths").path(path).fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    documented.add(method + " " + path);
                }
            });
        }

        assertThat(documented).as("documented endpoints").containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void theErrorTableListsEveryErrorCodeWithItsStatus() {
        String description = TestStoreline.admin()
                .as(null)
                .get("/api/v1/openapi.json")
                .json()
                .path("info")
                .path("description")
                .asText();

        for (ErrorCode code : ErrorCode.values()) {
            assertThat(description)
                    .as("the row of " + code)
                    .contains("| `" + code.code() + "` | " + ErrorResponses.status(code.category()) + " |");
        }
    }
}
