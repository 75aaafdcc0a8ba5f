package org.storeline.web.event;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events on the wire (text/event-stream, UTF-8): {@code id:}, {@code event:}, {@code data:} lines ending
 * with a blank line; comments start with a colon. JSON written by Jackson holds no line break, so one data line
 * carries it whole.
 */
final class SseOutput {
    private final OutputStream out;

    SseOutput(OutputStream out) {
        this.out = out;
    }

    void event(long id, String type, byte[] json) throws IOException {
        text("id: " + id + "\nevent: " + type + "\ndata: ");
        out.write(json);
        text("\n\n");
    }

    /**
     * A comment the client ignores (proxies see traffic), with an {@code id:} line when given: a message of no data
     * dispatches nothing, but still moves the client's last event id forward (what a reconnect sends back).
     */
    void comment(String comment, long id) throws IOException {
        text(": " + comment + "\n" + (id > 0 ? "id: " + id + "\n" : "") + "\n");
    }

    /** How long a client waits before it reconnects after the connection drops. */
    void retry(long millis) throws IOException {
        text("retry: " + millis + "\n\n");
    }

    void flush() throws IOException {
        out.flush();
    }

    private void text(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
