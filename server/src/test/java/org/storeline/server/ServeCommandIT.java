package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;

/**
 * The README's first command, run for real: {@code ./storeline serve} starts on the embedded
 * PostgreSQL, prints the admin token once, answers /health, and on a later start is up within
 * 5 seconds with its data intact.
 */
class ServeCommandIT {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern TOKEN = Pattern.compile("(stl_[A-Za-z0-9_-]{20,})");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void serveStartsPrintsTheAdminTokenOnceAndRestartsWithinFiveSecondsKeepingItsData() throws Exception {
        Path dataDir = Files.createTempDirectory("storeline-serve-");
        int port = freePort();

        Path firstLog = dataDir.resolve("first.log");
        long firstStart = start(port, dataDir, firstLog);
        Duration firstStartup = waitForHealth(port, firstStart, Duration.ofMinutes(3));
        String token = awaitToken(firstLog);
        ApiClient api = new ApiClient("http://127.0.0.1:" + port, token);
        String outlet = api.post("/api/v1/outlets", "{\"name\": \"Persistent\", \"time_zone\": \"Europe/Amsterdam\"}").id();
        stopGracefully();

        Path secondLog = dataDir.resolve("second.log");
        long secondStart = start(port, dataDir, secondLog);
        Duration restart = waitForHealth(port, secondStart, Duration.ofSeconds(60));

        System.out.printf("serve: first start %d ms, later start %d ms%n", firstStartup.toMillis(), restart.toMillis());
        assertThat(restart).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(api.get("/api/v1/outlets/" + outlet).json().path("name").asText()).isEqualTo("Persistent");
        assertThat(Files.readString(secondLog)).doesNotContain(token).contains("http://localhost:" + port);
        assertThat(Files.readString(firstLog)).contains("/health").contains("Authorization: Bearer");
    }

    private long start(int port, Path dataDir, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(REPOSITORY.resolve("storeline").toString(), "serve",
                "--port", Integer.toString(port), "--host", "127.0.0.1", "--data-dir", dataDir.toString()))
                .directory(REPOSITORY.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("STORELINE_ADMIN_TOKEN");
        // The jar was just packaged by the build running this test; building again from inside it would race.
        builder.environment().put("STORELINE_SKIP_BUILD", "1");
        long started = System.nanoTime();
        process = builder.start();
        return started;
    }

    private void stopGracefully() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
    }

    private Duration waitForHealth(int port, long startedNanos, Duration limit) throws InterruptedException {
        long deadline = startedNanos + limit.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("serve is still running").isTrue();
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
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

    private static String awaitToken(Path log) throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            Matcher matcher = TOKEN.matcher(Files.readString(log));
            if (matcher.find()) {
                return matcher.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No admin token printed:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
