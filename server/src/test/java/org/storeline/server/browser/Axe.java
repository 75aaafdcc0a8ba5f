package org.storeline.server.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (its released build, in src/test/resources/vendor/axe-core) run in the page the browser shows: the rules'
 * serious and critical violations, each as "rule: what it says (where)". The script is given to the browser by the
 * test driver, not by the page, so the page's Content-Security-Policy stays as strict as it is.
 */
public final class Axe {
    private static String script;

    private Axe() {}

    /** The serious and critical violations on the current page (empty: none). */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(source());
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({rule: v.id, help: v.help,"
                + " where: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}))))"
                + ".catch(e => done([{rule: 'axe-error', help: String(e), where: ''}]));");
        return ((List<Map<String, Object>>) result)
                .stream()
                        .map(v -> v.get("rule") + ": " + v.get("help") + " (" + v.get("where") + ")")
                        .toList();
    }

    private static synchronized String source() {
        if (script == null) {
            try (InputStream in = resource("/vendor/axe-core/axe.min.js")) {
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    private static InputStream resource(String path) {
        InputStream in = Axe.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing from the test classpath: " + path);
        }
        return in;
    }
}
