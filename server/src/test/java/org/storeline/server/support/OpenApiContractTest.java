package org.storeline.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check every IT's answers go through can fail: drift from the published document is caught and named. */
class OpenApiContractTest {
    private static final String JSON = "application/json";
    private static final String OUTLET_PATH = "/api/v1/outlets/0193a5b2-7c1e-7d2a-9f3b-1c2d3e4f5a6b";
    private static final String OUTLET = """
            {"id": "0193a5b2-7c1e-7d2a-9f3b-1c2d3e4f5a6b", "number": 3, "name": "Downtown",
             "time_zone": "Europe/Brussels", "language": "en", "created_at": "2026-11-22T10:15:00Z"}""";

    private final OpenApiContract contract = OpenApiContract.published();

    @Test
    void anAnswerAsDocumentedPasses() {
        assertThat(contract.problems("GET", OUTLET_PATH, 200, JSON + "; charset=utf-8", OUTLET))
                .isEmpty();
    }

    @Test
    void aMissingRequiredFieldIsCaughtAndNamed() {
        String withoutZone = OUTLET.replace("\"time_zone\": \"Europe/Brussels\", ", "");

        assertThat(contract.problems("GET", OUTLET_PATH, 200, JSON, withoutZone))
                .singleElement()
                .asString()
                .contains("'time_zone'");
    }

    @Test
    void aWronglyTypedFieldIsCaught() {
        String numberAsText = OUTLET.replace("\"number\": 3", "\"number\": \"3\"");

        assertThat(contract.problems("GET", OUTLET_PATH, 200, JSON, numberAsText))
                .singleElement()
                .asString()
                .contains("number");
    }

    @Test
    void aFieldTheDocumentDoesNotNameIsCaught() {
        String extra = OUTLET.replace("\"name\"", "\"nickname\": \"DT\", \"name\"");

        assertThat(contract.problems("GET", OUTLET_PATH, 200, JSON, extra))
                .singleElement()
                .asString()
                .contains("'nickname'");
    }

    @Test
    void aBadFormatIsCaught() {
        String localTime = OUTLET.replace("2026-11-22T10:15:00Z", "22/11/2026 10:15");

        assertThat(contract.problems("GET", OUTLET_PATH, 200, JSON, localTime))
                .singleElement()
                .asString()
                .contains("created_at");
    }

    @Test
    void aPathOrMethodOrStatusTheDocumentDoesNotDescribeFails() {
        assertThat(contract.problems("GET", "/api/v1/no-such-thing", 200, JSON, "{}"))
                .singleElement()
                .asString()
                .contains("no path");
        assertThat(contract.problems("DELETE", OUTLET_PATH, 200, JSON, OUTLET))
                .singleElement()
                .asString()
                .contains("no DELETE");
        assertThat(contract.problems("GET", OUTLET_PATH, 418, JSON, OUTLET))
                .singleElement()
                .asString()
                .contains("no 418");
    }

    @Test
    void anErrorAnswerMustBeADocumentedError() {
        String error = "{\"error\": {\"code\": \"outlet_not_found\", \"message\": \"No outlet with this id.\"}}";

        assertThat(contract.problems("GET", OUTLET_PATH, 404, JSON, error)).isEmpty();
        assertThat(contract.problems("GET", OUTLET_PATH, 404, JSON, "{\"error\": \"outlet_not_found\"}"))
                .isNotEmpty();
        assertThat(contract.undocumentedProblems(404, JSON, "{\"message\": \"Not found\"}"))
                .isNotEmpty();
    }

    @Test
    void aMediaTypeTheDocumentDoesNotListFails() {
        assertThat(contract.problems("GET", OUTLET_PATH, 200, "text/html", "<p>Downtown</p>"))
                .singleElement()
                .asString()
                .contains("text/html");
        assertThat(contract.problems("GET", "/metrics", 200, "text/plain; version=0.0.4; charset=utf-8", "up 1"))
                .isEmpty();
    }
}
