package org.storeline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * What the web app's browser tests share, registered in each as {@code @RegisterExtension static final WebAppFixture
 * web = new WebAppFixture();}: the class fails at once where there is no Chromium; a test that takes a
 * {@link ChromeDriver} parameter gets the shared browser, fresh; users sign in with {@link #PASSWORD}; and requests
 * sent beside the browser, as its session, see the status a page or a form answers that the browser only renders.
 *
 * <p>Signing in through the form costs a test two pages and the typing (about two seconds), so a test about something
 * else signs in with {@link #signIn}: the session the form would have made, given to the browser as its cookie. The
 * tests of signing in itself use {@link #signInWithTheForm}.
 */
public final class WebAppFixture implements BeforeAllCallback, AfterEachCallback, ParameterResolver {
    public static final String PASSWORD = "a long enough password";
    private static final String SESSION = "storeline_session";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ChromeDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) {
        Browser.requireAvailable();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ChromeDriver.class;
    }

    /** The shared browser, fresh: no cookies, desktop-sized, its console read empty. */
    @Override
    public ChromeDriver resolveParameter(ParameterContext parameter, ExtensionContext context) {
        driver = Browser.fresh();
        return driver;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        driver = null;
    }

    /** The running app's address, as {@code http://127.0.0.1:port}. */
    public String base() {
        return TestStoreline.admin().baseUrl();
    }

    public String url(String path) {
        return base() + path;
    }

    /** A new user of this role and these outlets, who signs in with {@link #PASSWORD}; answers their email. */
    public static String user(String role, String... outletIds) {
        return userNamed(Shop.unique("Sam"), role, outletIds);
    }

    /** A new user with this name (shown in the top bar and on the Users screen); answers their email. */
    public static String userNamed(String name, String role, String... outletIds) {
        String email = Shop.unique("web") + "@example.com";
        ApiClient.Response user = TestStoreline.admin()
                .post(
                        "/api/v1/users",
                        Map.of(
                                "name",
                                name,
                                "email",
                                email,
                                "password",
                                PASSWORD,
                                "role",
                                role,
                                "outlet_ids",
                                List.of(outletIds)));
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        return email;
    }

    /** Signs in over plain HTTP, as the sign-in form does; answers the session cookie's value. */
    public static String session(String email) {
        HttpResponse<String> signedIn =
                send(HttpRequest.newBuilder(URI.create(TestStoreline.admin().baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "email=" + encoded(email) + "&password=" + encoded(PASSWORD))));
        assertThat(signedIn.statusCode()).as("signing in as " + email).isEqualTo(303);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring((SESSION + "=").length(), cookie.indexOf(';'));
    }

    /** Signs this test's browser in as the user, on no page yet (open the one the test is about). */
    public void signIn(String email) {
        signIn(browser(), email);
    }

    /** Signs another browser (a second one, one with a camera) in as the user, on no page yet. */
    public void signIn(ChromeDriver other, String email) {
        // The cookie as the sign-in answer sets it (SessionCookie): CDP, unlike WebDriver, sets it from any page.
        other.executeCdpCommand(
                "Network.setCookie",
                Map.of(
                        "name",
                        SESSION,
                        "value",
                        session(email),
                        "url",
                        base(),
                        "path",
                        "/",
                        "httpOnly",
                        true,
                        "sameSite",
                        "Lax"));
    }

    /** Signs in through the sign-in page, typing as a person does, and lands on the Fulfillments page. */
    public FulfillmentsPage signInWithTheForm(String email) {
        return LoginPage.open(browser(), base()).signIn(email, PASSWORD);
    }

    /** The browser's session cookie's value. */
    public String sessionCookie() {
        return browser().manage().getCookieNamed(SESSION).getValue();
    }

    /** GETs a path of the app, or a URL a page gave, as the browser's session would (redirects not followed). */
    public HttpResponse<String> get(String pathOrUrl) {
        return get(pathOrUrl, sessionCookie());
    }

    /** GETs a path of the app, or a URL a page gave, with this session cookie (redirects not followed). */
    public static HttpResponse<String> get(String pathOrUrl, String session) {
        String url = pathOrUrl.startsWith("/") ? TestStoreline.admin().baseUrl() + pathOrUrl : pathOrUrl;
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", SESSION + "=" + session)
                .GET());
    }

    /**
     * POSTs a form as the page the browser shows would send it: with the browser's session, this site's Origin and
     * the page's CSRF token (so that a refusal is the app's answer to the user, not to a forged form).
     */
    public HttpResponse<String> post(String path, String form) {
        String token =
                browser().findElement(By.cssSelector("meta[name=csrf-token]")).getAttribute("content");
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Cookie", SESSION + "=" + sessionCookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base())
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encoded(token) + "&" + form)));
    }

    private ChromeDriver browser() {
        if (driver == null) {
            throw new IllegalStateException("This test has no browser: give it a ChromeDriver parameter");
        }
        return driver;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
