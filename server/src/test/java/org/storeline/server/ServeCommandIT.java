package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.ServeProcess;

/**
 * The README's first command, run for real: {@code ./storeline serve} starts on the embedded
 * PostgreSQL, prints the admin token once, answers /health, and on a later start is up within
 * 5 seconds with its data intact.
 */
class ServeCommandIT {
    private static final Pattern TOKEN = Pattern.compile("(stl_[A-Za-z0-9_-]{20,})");

    // Kept when the test fails: the server logs are in it.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void serveStartsPrintsTheAdminTokenOnceAndRestartsWithinFiveSecondsKeepingItsData() throws Exception {
        int port = ServeProcess.freePort();

        Path firstLog = dataDir.resolve("first.log");
        String token;
        String outlet;
        Duration firstStartup;
        try (ServeProcess first = ServeProcess.start(port, dataDir, firstLog, Map.of())) {
            firstStartup = first.awaitHealthy(Duration.ofMinutes(3));
            token = awaitToken(firstLog);
            outlet = new ApiClient(first.baseUrl(), token)
                    .post("/api/v1/outlets", "{\"name\": \"Persistent\", \"time_zone\": \"Europe/Amsterdam\"}")
                    .id();
            assertThat(first.stop()).as("serve stops on SIGTERM").isTrue();
        }

        Path secondLog = dataDir.resolve("second.log");
        try (ServeProcess second = ServeProcess.start(port, dataDir, secondLog, Map.of())) {
            Duration restart = second.awaitHealthy(Duration.ofSeconds(60));

            System.out.printf(
                    "serve: first start %d ms, later start %d ms%n", firstStartup.toMillis(), restart.toMillis());
            assertThat(restart).isLessThanOrEqualTo(Duration.ofSeconds(5));
            ApiClient api = new ApiClient(second.baseUrl(), token);
            assertThat(api.get("/api/v1/outlets/" + outlet).json().path("name").asText())
                    .isEqualTo("Persistent");
        }
        assertThat(Files.readString(secondLog)).doesNotContain(token).contains("http://localhost:" + port);
        assertThat(Files.readString(firstLog))
                .contains("/health")
                .contains("Authorization: Bearer")
                .contains("secret.key (generated now");
        assertThat(Files.exists(dataDir.resolve("secret.key"))).isTrue();
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
}
