package org.storeline.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The HTTP server's own refusals get the API's stable codes, at the status the server chose. */
class JsonErrorHandlerTest {

    @Test
    void givesEachStatusOfTheHttpLayerItsCode() {
        assertThat(JsonErrorHandler.failure(400).code()).isEqualTo("malformed_request");
        assertThat(JsonErrorHandler.failure(405).code()).isEqualTo("method_not_allowed");
        assertThat(JsonErrorHandler.failure(414).code()).isEqualTo("uri_too_long");
        assertThat(JsonErrorHandler.failure(431).code()).isEqualTo("headers_too_large");
        assertThat(JsonErrorHandler.failure(500).code()).isEqualTo("internal_error");
    }

    @Test
    void keepsTheStatusTheServerChose() {
        for (int status : new int[] {400, 404, 405, 413, 414, 431, 500, 505}) {
            assertThat(JsonErrorHandler.failure(status).status()).isEqualTo(status);
        }
        assertThat(JsonErrorHandler.failure(505).code()).isEqualTo("http_505");
    }
}
