package org.storeline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's API calls over loopback, for measuring: HTTP/1.1 on a kept-alive connection, each call made and its whole
 * answer read on the calling thread ({@link HttpURLConnection} blocks; {@code java.net.http} would hand every answer
 * between threads, which a loaded machine turns into latency of the client's own). Also reads Storeline's own
 * request timer from {@code /metrics}: its time for a route, from the request read to the answer written.
 */
final class BenchClient {
    private final String baseUrl;
    private final String token;

    BenchClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** A call: GET, or POST of a JSON body. */
    record Call(String method, String path, String body) {
        static Call get(String path) {
            return new Call("GET", path, null);
        }

        static Call post(String path, String json) {
            return new Call("POST", path, json);
        }
    }

    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer send(Call call) throws IOException {
        HttpURLConnection http =
                (HttpURLConnection) URI.create(baseUrl + call.path()).toURL().openConnection();
        http.setRequestMethod(call.method());
        http.setRequestProperty("Authorization", "Bearer " + token);
        if (call.body() != null) {
            byte[] body = call.body().getBytes(StandardCharsets.UTF_8);
            http.setDoOutput(true);
            http.setRequestProperty("Content-Type", "application/json");
            http.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = http.getOutputStream()) {
                out.write(body);
            }
        }
        int status = http.getResponseCode();
        // Read to the end and closed, so that the connection is kept for the next call.
        try (InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream()) {
            return new Answer(status, in == null ? new byte[0] : in.readAllBytes());
        }
    }

    /** Storeline's request timer for one route, all statuses: how many requests, and their time in seconds. */
    record ServerTime(long count, double seconds) {
        /** The mean server time in milliseconds of the requests between {@code before} and this. */
        double meanMillisSince(ServerTime before) {
            long n = count - before.count;
            return n == 0 ? Double.NaN : (seconds - before.seconds) * 1000 / n;
        }
    }

    /** Reads {@code http_server_requests_seconds} of {@code method route} from {@code /metrics}. */
    ServerTime serverTime(String method, String route) throws IOException {
        String metrics = send(Call.get("/metrics")).text();
        // Labels hold braces of their own (route="/api/v1/fulfillments/{id}/scans"): the value follows the last one.
        Pattern line = Pattern.compile("^http_server_requests_seconds_(count|sum)\\{(.*)} (\\S+)$", Pattern.MULTILINE);
        long count = 0;
        double seconds = 0;
        Matcher m = line.matcher(metrics);
        while (m.find()) {
            String labels = m.group(2);
            if (labels.contains("method=\"" + method + "\"") && labels.contains("route=\"" + route + "\"")) {
                if (m.group(1).equals("count")) {
                    count += (long) Double.parseDouble(m.group(3));
                } else {
                    seconds += Double.parseDouble(m.group(3));
                }
            }
        }
        return new ServerTime(count, seconds);
    }
}
