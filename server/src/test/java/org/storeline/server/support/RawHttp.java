package org.storeline.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP for tests that need what {@link ApiClient} hides: the answer's headers, and requests no HTTP client would
 * send (a broken request line, a bad percent escape, a URI or header far too long), written byte by byte.
 */
public final class RawHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private RawHttp() {}

    /** An answer with its headers (names lower-cased). */
    public record Answer(int status, Map<String, String> headers, String text) {
        /** Read as {@link ApiClient} reads an answer. */
        public JsonNode json() {
            return new ApiClient.Response(status, text).json();
        }

        public String errorCode() {
            return new ApiClient.Response(status, text).errorCode();
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends a request built as usual, keeping the answer's headers. */
    public static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new TreeMap<>();
            response.headers()
                    .map()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            return new Answer(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code head} (request line and headers, without the blank line that ends them) as it is, asks the server
     * to close the connection, and reads its answer to the end.
     */
    public static Answer sendRaw(String baseUrl, String head) {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            byte[] request = (head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            socket.getOutputStream().write(request);
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(String raw) {
        int endOfHead = raw.indexOf("\r\n\r\n");
        if (endOfHead < 0) {
            throw new IllegalStateException("No HTTP answer: " + raw);
        }
        String[] lines = raw.substring(0, endOfHead).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.put(name, lines[i].substring(colon + 1).trim());
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            throw new IllegalStateException("A chunked answer; this helper reads only whole ones: " + raw);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(endOfHead + 4));
    }
}
