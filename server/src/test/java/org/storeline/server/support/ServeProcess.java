package org.storeline.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./storeline serve} run for real, as a separate process: what a user starts, and what a test can
 * stop gracefully or kill outright.
 */
public final class ServeProcess implements AutoCloseable {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final long startedNanos;
    private final int port;
    private final Path log;

    private ServeProcess(Process process, long startedNanos, int port, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.port = port;
        this.log = log;
    }

    public static ServeProcess start(int port, Path dataDir, Path log, Map<String, String> env, String... extraArgs)
            throws IOException {
        return start("serve", port, dataDir, log, env, extraArgs);
    }

    /** {@code ./storeline <subcommand>} ({@code serve} or {@code demo}) with serve's options. */
    public static ServeProcess start(
            String subcommand, int port, Path dataDir, Path log, Map<String, String> env, String... extraArgs)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                REPOSITORY.resolve("storeline").toString(),
                subcommand,
                "--port",
                Integer.toString(port),
                "--host",
                "127.0.0.1",
                "--data-dir",
                dataDir.toString()));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(REPOSITORY.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("STORELINE_ADMIN_TOKEN");
        // The jar was just packaged by the build running this test; building again from inside it would race.
        builder.environment().put("STORELINE_SKIP_BUILD", "1");
        builder.environment().putAll(env);
        long started = System.nanoTime();
        return new ServeProcess(builder.start(), started, port, log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits for /health to answer 200 and answers how long it took since the process started. */
    public Duration awaitHealthy(Duration limit) throws InterruptedException {
        long deadline = startedNanos + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "serve exited with " + process.exitValue() + "; its output ends:\n" + logTail());
            }
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("/health did not answer 200 within " + limit);
    }

    /** SIGTERM, as a user's Ctrl-C or a service manager would: answers whether it stopped in time. */
    public boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGKILL: no shutdown hook, no goodbye; what a power cut or an OOM killer does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    /** The last lines the process wrote: its log is in a temporary directory, gone once the test failed. */
    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(its output could not be read: " + e + ")";
        }
    }
}
