package org.storeline.server.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test JVM, shared by the browser tests (starting one takes a second or two): Debian's
 * {@code chromium} driven by its {@code chromedriver}, both named by path so that Selenium never looks for (or
 * downloads) a browser or driver of its own. Each test starts with no cookies and reads the console it left.
 */
public final class Browser {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);

    private static ChromeDriver driver;
    private static ChromeDriver second;

    private Browser() {}

    /** Fails the test class at once, saying what to install, when this machine has no Chromium to drive. */
    public static void requireAvailable() {
        if (!available()) {
            throw new AssertionError(
                    "Debian's chromium and chromium-driver are needed (apt-get install -y chromium chromium-driver)");
        }
    }

    /** Whether this machine has Debian's chromium and chromedriver (.ci/run installs them). */
    public static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    /** The shared browser, with no cookies, desktop-sized, and its console read empty. */
    public static synchronized ChromeDriver fresh() {
        if (driver == null) {
            driver = start();
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
        }
        reset(driver);
        return driver;
    }

    /**
     * A second browser, for a test where two people work at once (a picker and someone watching the Fulfillments
     * page): its own profile and cookies, started on first use and shared like the first, fresh like it.
     */
    public static synchronized ChromeDriver second() {
        if (second == null) {
            second = start();
            Runtime.getRuntime().addShutdownHook(new Thread(second::quit));
        }
        reset(second);
        return second;
    }

    /**
     * A browser of its own (not shared: quit it when done) whose camera is the video file {@code y4m}, looped, with
     * camera access granted as if the person had allowed it. Headless Chromium has no BarcodeDetector, so its Scanner
     * reads the video with the WebAssembly decoder.
     */
    public static ChromeDriver withFakeCamera(Path y4m) {
        ChromeDriver chrome = start(
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + y4m.toAbsolutePath());
        reset(chrome);
        return chrome;
    }

    private static void reset(ChromeDriver chrome) {
        // Away from the last test's page first (its event stream would otherwise go on without its cookie), then
        // every site's cookies cleared (WebDriver's own deleteAllCookies only reaches the current page's site).
        chrome.get("about:blank");
        chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chrome.manage().window().setSize(DESKTOP);
        chrome.manage().logs().get(LogType.BROWSER).getAll();
    }

    private static ChromeDriver start(String... more) {
        Path profile;
        try {
            profile = Files.createTempDirectory("storeline-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-features=PasswordLeakDetection,PasswordManagerOnboarding",
                "--password-store=basic",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        options.addArguments(more);
        // No password manager: its prompts after a page with password fields (a store's secrets) hold up headless
        // Chromium's next page loads.
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "intl.accept_languages",
                        "en-US,en",
                        "credentials_enable_service",
                        false,
                        "profile.password_manager_enabled",
                        false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return chrome;
    }

    /** What the console printed since it was last read: JavaScript errors, CSP violations, failed requests. */
    public static List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** The console's errors since it was last read, as text. */
    public static List<String> consoleErrors() {
        return consoleErrors(driver);
    }

    /** The console's errors of this browser (the first or the second) since it was last read, as text. */
    public static List<String> consoleErrors(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    public static WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /**
     * Until the element has left the page (the page was replaced, or htmx swapped it out). Selenium's own
     * {@code stalenessOf} expects a stale-element error only, but while the next document is loading Chromium may
     * answer "Node with given id does not belong to the document" instead, which is the same fact in other words.
     */
    public static ExpectedCondition<Boolean> gone(WebElement element) {
        return ignored -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException stale) {
                return true;
            } catch (WebDriverException detached) {
                if (String.valueOf(detached.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw detached;
            }
        };
    }
}
