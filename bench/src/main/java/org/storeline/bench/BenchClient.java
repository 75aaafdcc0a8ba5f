package org.storeline.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's API calls over loopback, for measuring: HTTP/1.1 on one kept-alive socket, each request written and its
 * whole answer read on the calling thread, and nothing else. {@code java.net.http} hands every answer between
 * threads, and {@code HttpURLConnection} probes a kept-alive connection with a 1 ms read timeout before reusing it:
 * both add latency of the client's own to what is measured. Also reads Storeline's own request timer from
 * {@code /metrics}: its time for a route, from the request read to the answer written.
 */
final class BenchClient {
    private final String host;
    private final int port;
    private final String credentials;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** A client of the API, with a user's API token. */
    BenchClient(String baseUrl, String token) {
        this(URI.create(baseUrl), "Authorization: Bearer " + token);
    }

    private BenchClient(URI uri, String credentials) {
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.credentials = credentials;
    }

    /** A client of the web app, signed in: its requests carry the session's cookie ({@code name=value}). */
    static BenchClient withCookie(String baseUrl, String cookie) {
        return new BenchClient(URI.create(baseUrl), "Cookie: " + cookie);
    }

    /** A call: GET, or POST or PUT of a JSON body. */
    record Call(String method, String path, String body) {
        static Call get(String path) {
            return new Call("GET", path, null);
        }

        static Call post(String path, String json) {
            return new Call("POST", path, json);
        }

        static Call put(String path, String json) {
            return new Call("PUT", path, json);
        }
    }

    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer send(Call call) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream());
        }
        byte[] body = call.body() == null ? new byte[0] : call.body().getBytes(StandardCharsets.UTF_8);
        String head = call.method() + " " + call.path() + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\n" + credentials + "\r\n"
                + (call.body() == null
                        ? ""
                        : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return read();
    }

    /** The answer: its status line, headers, and body by Content-Length or in chunks. */
    private Answer read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(header.indexOf(':') + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {}
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                chunks.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers, none expected
            }
            body = chunks.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            socket.close();
            socket = null;
        }
        return new Answer(status, body);
    }

    private int chunkSize() throws IOException {
        String size = line();
        int extension = size.indexOf(';');
        return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    /** One line of the head, without its CRLF. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("The server closed the connection mid-answer");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
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
