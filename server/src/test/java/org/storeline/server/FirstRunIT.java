package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.core.user.ApiTokens;
import org.storeline.server.support.TestStoreline;

/**
 * A new installation, as its owner meets it: nobody has a password, the sign-in page points to the first-run setup,
 * the admin token printed by the first start gives the first administrator a sign-in, and then the setup is gone.
 * The tests run in order on one fresh database: each takes the installation one step further.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunIT {
    private static final String PASSWORD = "my own long password";

    @TempDir
    static Path dataDir;

    private static Storeline storeline;
    private static String base;
    private static String adminToken;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        adminToken = ApiTokens.newToken();
        storeline = Storeline.start(TestStoreline.config(dataDir, adminToken));
        base = "http://127.0.0.1:" + storeline.port();
    }

    @AfterAll
    static void stop() {
        storeline.close();
    }

    @Test
    @Order(1)
    void theSignInPageOfANewInstallationPointsToTheSetup() throws Exception {
        HttpResponse<String> login = get("/login", null);

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Nobody can sign in yet.", "href=\"/setup\"");
        HttpResponse<String> setup = get("/setup", null);
        assertThat(setup.statusCode()).isEqualTo(200);
        assertThat(setup.body()).contains("Admin token", "name=\"token\"", "type=\"password\"");
    }

    @Test
    @Order(2)
    void aWrongTokenIsRefusedWithWhatToDoAndNothingChanges() throws Exception {
        HttpResponse<String> refused = setUp("not-the-token", "owner@example.com", PASSWORD, base);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("That is not an admin token of this Storeline", "owner@example.com");
        assertThat(refused.body()).doesNotContain(PASSWORD, "not-the-token");
        assertThat(get("/login", null).body()).contains("Nobody can sign in yet.");
    }

    @Test
    @Order(3)
    void aShortPasswordOrAFormFromAnotherSiteIsRefused() throws Exception {
        HttpResponse<String> shortPassword = setUp(adminToken, "owner@example.com", "short", base);
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(shortPassword.body()).contains("password must have at least 10 characters.");

        HttpResponse<String> forged = setUp(adminToken, "owner@example.com", PASSWORD, "http://evil.example");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(get("/login", null).body()).contains("Nobody can sign in yet.");
    }

    @Test
    @Order(4)
    void theAdminTokenGivesTheFirstAdministratorASignInAndSignsThemIn() throws Exception {
        HttpResponse<String> done = setUp(adminToken, "Owner@Example.com", PASSWORD, base);

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValue("/");
        String cookie = sessionCookie(done);
        HttpResponse<String> home = get("/fulfillments", cookie);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Olivia Owner");
        assertThat(signIn("owner@example.com", PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    @Order(5)
    void onceSomeoneCanSignInTheSetupIsGoneAndTheTokenNoLongerChangesAnything() throws Exception {
        HttpResponse<String> page = get("/setup", null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");

        HttpResponse<String> again = setUp(adminToken, "intruder@example.com", "another long password", base);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).hasValue("/login");
        assertThat(signIn("intruder@example.com", "another long password").statusCode())
                .isEqualTo(401);
        assertThat(get("/login", null).body()).doesNotContain("Nobody can sign in yet.");
    }

    private HttpResponse<String> setUp(String token, String email, String password, String origin) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("name", "Olivia Owner");
        form.put("email", email);
        form.put("password", password);
        return post("/setup", form, origin);
    }

    private HttpResponse<String> signIn(String email, String password) throws Exception {
        return post("/login", Map.of("email", email, "password", password), base);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String origin) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", origin)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("storeline_session=") && c.length() > "storeline_session=".length())
                .findFirst()
                .orElseThrow();
    }
}
