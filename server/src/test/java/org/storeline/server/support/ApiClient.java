package org.storeline.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A small HTTP client for the tests: real requests over loopback, JSON in and out. Every answer is held to the
 * OpenAPI document ({@link OpenApiContract}): one the document does not describe fails the test that got it.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;
    private final boolean documented;

    public ApiClient(String baseUrl, String token) {
        this(baseUrl, token, true);
    }

    private ApiClient(String baseUrl, String token, boolean documented) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.documented = documented;
    }

    public ApiClient as(String otherToken) {
        return new ApiClient(baseUrl, otherToken, documented);
    }

    /**
     * The same client for calls the document deliberately does not describe (a path that does not exist, say):
     * their answers are not looked up in the document, but an error answer must still be a documented Error.
     */
    public ApiClient undocumented() {
        return new ApiClient(baseUrl, token, false);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The bearer token this client sends, for requests written by hand. */
    public String token() {
        return token;
    }

    public record Response(int status, String text) {
        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + text, e);
            }
        }

        public String errorCode() {
            return json().path("error").path("code").asText();
        }

        public String id() {
            return json().path("id").asText();
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String path, Object body) {
        return post(path, write(body));
    }

    public Response put(String path, Object body) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Response patch(String path, Object body) {
        return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            holdToTheDocument(response);
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void holdToTheDocument(HttpResponse<String> response) {
        HttpRequest request = response.request();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body() == null ? "" : response.body();
        List<String> problems = documented
                ? OpenApiContract.published()
                        .problems(
                                request.method(), request.uri().getRawPath(), response.statusCode(), contentType, body)
                : OpenApiContract.published().undocumentedProblems(response.statusCode(), contentType, body);
        if (!problems.isEmpty()) {
            throw new AssertionError(request.method() + " " + request.uri().getRawPath() + " answered "
                    + response.statusCode() + " (" + contentType + ") as the OpenAPI document "
                    + "(web/src/main/resources/openapi.json) does not describe:\n  - "
                    + String.join("\n  - ", problems) + "\nbody: " + abbreviate(body));
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "...";
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
