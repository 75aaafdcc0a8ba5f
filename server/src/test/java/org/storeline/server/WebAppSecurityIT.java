package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.browser.WebAppFixture.PASSWORD;
import static org.storeline.server.browser.WebAppFixture.user;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * The web app's session and request protections, over plain HTTP: the cookie's flags (Secure only over HTTPS, also
 * behind a proxy), the security headers on every page (WebAssembly allowed on the Scanner's alone), sign-in required
 * for pages (the API keeps its JSON 401), and CSRF: a change without the session's token, or from another site, is
 * refused.
 */
class WebAppSecurityIT {
    private final String base = TestStoreline.admin().baseUrl();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String outlet = new Shop(TestStoreline.admin()).outlet("Web");

    @Test
    void signingInSetsAnHttpOnlySameSiteCookieThatIsSecureOnlyOverHttps() throws Exception {
        String email = user("staff", outlet);

        HttpResponse<String> plain = signIn(email, PASSWORD, null);
        HttpResponse<String> proxied = signIn(email, PASSWORD, "https");

        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(plain.headers().firstValue("Location")).hasValue("/fulfillments");
        String cookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("storeline_session=").contains("HttpOnly", "SameSite=Lax", "Path=/");
        assertThat(cookie).doesNotContain("Secure");
        assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
    }

    @Test
    void aWrongPasswordIsRefusedWith401AndNoCookie() throws Exception {
        HttpResponse<String> refused = signIn(user("staff", outlet), "wrong password!", null);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(refused.body()).contains("The email or password is wrong.");
    }

    @Test
    void everyPageCarriesAStrictContentSecurityPolicyAndIsNotCached() throws Exception {
        HttpResponse<String> login = get("/login", null);

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'self';")
                .contains("frame-ancestors 'none'")
                .doesNotContain("script-src", "unsafe-eval", "'unsafe-inline'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(login.body()).doesNotContain("<script>").doesNotContain("style=\"");
    }

    @Test
    void assetsAreServedFromTheJarWithLongCacheHeaders() throws Exception {
        String page = get("/login", null).body();
        Matcher htmx = Pattern.compile("src=\"(/assets/[0-9a-f]+/htmx\\.js)\"").matcher(page);
        assertThat(htmx.find()).as(page).isTrue();

        HttpResponse<String> script = get(htmx.group(1), null);

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(script.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        assertThat(script.body()).contains("htmx");
        assertThat(get("/favicon.ico", null).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheScannerMayCompileWebAssemblyAndItsDecoderIsServedFromHereWhenTheCameraNeedsIt() throws Exception {
        String session = session(signIn(user("staff", outlet), PASSWORD, null));
        HttpResponse<String> board = get("/fulfillments", session);
        HttpResponse<String> scanner = get("/scanner", session);

        assertThat(board.headers().firstValue("Content-Security-Policy").orElseThrow())
                .doesNotContain("wasm-unsafe-eval");
        assertThat(board.body()).doesNotContain("zxing");
        assertThat(scanner.statusCode()).isEqualTo(200);
        assertThat(scanner.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'self';")
                .endsWith("; script-src 'self' 'wasm-unsafe-eval'")
                .doesNotContain("'unsafe-eval'", "'unsafe-inline'");
        assertThat(scanner.body())
                .as("loaded by scanner.js, not by the page")
                .doesNotContainPattern("<script[^>]+zxing");
        Matcher decoder = Pattern.compile("data-decoder=\"(/assets/[0-9a-f]+/zxing-reader\\.js)\" "
                        + "data-decoder-wasm=\"(/assets/[0-9a-f]+/zxing-reader\\.wasm)\"")
                .matcher(scanner.body());
        assertThat(decoder.find()).as(scanner.body()).isTrue();

        HttpResponse<String> script = get(decoder.group(1), null);
        HttpResponse<String> wasm = get(decoder.group(2), null);

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(script.body()).contains("ZXingWASM");
        assertThat(wasm.statusCode()).isEqualTo(200);
        assertThat(wasm.headers().firstValue("Content-Type")).hasValue("application/wasm");
        assertThat(wasm.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        assertThat(wasm.body()).startsWith("\0asm");
    }

    @Test
    void aPageWithoutASessionSendsTheBrowserToSignInWhileTheApiKeepsItsJson() throws Exception {
        HttpResponse<String> page = get("/fulfillments?status=packed", null);
        HttpResponse<String> api = get("/api/v1/fulfillments", null);

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location"))
                .hasValue("/login?next=" + URLEncoder.encode("/fulfillments?status=packed", StandardCharsets.UTF_8));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"code\":\"unauthenticated\"");
    }

    @Test
    void aChangeWithoutTheSessionsCsrfTokenOrFromAnotherSiteIsRefused() throws Exception {
        String session = session(signIn(user("staff", outlet), PASSWORD, null));
        String token = csrfToken(get("/fulfillments", session).body());

        HttpResponse<String> without = post("/logout", "", session, null);
        HttpResponse<String> foreign = post("/logout", "_csrf=" + token, session, "https://evil.example");
        HttpResponse<String> with = post("/logout", "_csrf=" + token, session, null);

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("csrf_rejected");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(with.statusCode()).isEqualTo(303);
        assertThat(get("/fulfillments", session).statusCode()).as("signed out").isEqualTo(303);
    }

    private HttpResponse<String> signIn(String email, String password, String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String session(HttpResponse<String> signedIn) {
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring("storeline_session=".length(), cookie.indexOf(';'));
    }

    private static String csrfToken(String page) {
        Matcher meta = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">")
                .matcher(page);
        assertThat(meta.find()).as(page).isTrue();
        return meta.group(1);
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (session != null) {
            request.header("Cookie", "storeline_session=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String session, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "storeline_session=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
