package org.storeline.server.browser;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Scanner, as a picker uses it: its list of open fulfillments, one opened by its packing slip, products picked by
 * a handheld scanner (keys sent in a burst, no field selected), the camera or typed, the feedback it gives, and its
 * actions.
 */
public final class ScannerPage {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final WebDriver driver;

    private ScannerPage(WebDriver driver) {
        this.driver = driver;
    }

    public static ScannerPage open(WebDriver driver, String base) {
        driver.get(base + "/scanner");
        return at(driver);
    }

    public static ScannerPage at(WebDriver driver) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("scanner")));
        return new ScannerPage(driver);
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The receipt numbers the list shows. */
    public List<String> receipts() {
        return driver.findElements(By.cssSelector("#scanner-list .receipt")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /**
     * A handheld scanner reads {@code code}: its keys and Enter arrive in a burst at whatever has the focus, with no
     * field selected (the focus is taken off any first, as a picker's phone would have it).
     */
    public void wedge(String code) {
        ((JavascriptExecutor) driver).executeScript("if (document.activeElement) document.activeElement.blur();");
        new Actions(driver).sendKeys(code + Keys.ENTER).perform();
    }

    /** Scans a packing slip on the list: its fulfillment opens. */
    public ScannerPage openBySlip(String receipt) {
        WebElement list = driver.findElement(By.id("scanner-list"));
        wedge(receipt);
        new WebDriverWait(driver, WAIT).until(Browser.gone(list));
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "the fulfillment of slip " + receipt + " to open; the browser shows "
                        + driver.getCurrentUrl() + ": " + feedback())
                .until(ExpectedConditions.presenceOfElementLocated(By.id("picking")));
        return this;
    }

    /** Scans a product and waits for the answer: the feedback that follows it. */
    public String scan(String code) {
        String before = feedbackMarker();
        wedge(code);
        new WebDriverWait(driver, WAIT).until(d -> !feedbackMarker().equals(before));
        return feedback();
    }

    /** Types a code in the form and sends it. */
    public String type(String code) {
        String before = feedbackMarker();
        WebElement input = driver.findElement(By.id("scan-code"));
        input.sendKeys(code + Keys.ENTER);
        new WebDriverWait(driver, WAIT).until(d -> !feedbackMarker().equals(before));
        return feedback();
    }

    /**
     * Starts the camera and waits for the first answer to what it reads (the camera keeps reading, so a later answer
     * may follow).
     */
    public String scanWithCamera() {
        String before = feedbackMarker();
        driver.findElement(By.id("camera-start")).click();
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "an answer to what the camera reads; the page says: " + cameraNote())
                .until(d -> !feedbackMarker().equals(before));
        return feedback();
    }

    /** Starts the camera where it cannot start, and waits for the page to say why. */
    public String cameraRefused() {
        driver.findElement(By.id("camera-start")).click();
        new WebDriverWait(driver, WAIT).until(d -> !cameraNote().isEmpty());
        return cameraNote();
    }

    /** What the page says about the camera, empty when nothing. */
    public String cameraNote() {
        WebElement note = driver.findElement(By.id("camera-note"));
        return note.isDisplayed() ? note.getText() : "";
    }

    /** A marker of the panel now shown, changed by every answer (each answer is a new element). */
    private String feedbackMarker() {
        Object id = ((JavascriptExecutor) driver)
                .executeScript("var p = document.getElementById('picking');"
                        + " if (!p) return 'none'; if (!p.dataset.mark) p.dataset.mark = String(Math.random());"
                        + " return p.dataset.mark;");
        return String.valueOf(id);
    }

    /** What the live region says now. */
    public String feedback() {
        return driver.findElement(By.id("scan-feedback")).getText();
    }

    /** ok or refused: how the last answer was coloured. */
    public String feedbackKind() {
        List<WebElement> found = driver.findElements(By.cssSelector("#scan-feedback [data-result]"));
        return found.isEmpty() ? "" : found.get(0).getAttribute("data-result");
    }

    /** The lines still to pick, as shown ("1 / 2 Tee TEE-..."). */
    public List<String> toPick() {
        return driver.findElements(By.cssSelector("#picking .to-pick .line")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Whether the picked lines are collapsed, and what they hold (read even while collapsed). */
    public boolean pickedCollapsed() {
        WebElement details = driver.findElement(By.cssSelector("#picking .picked-lines"));
        return details.getAttribute("open") == null;
    }

    public List<String> pickedLines() {
        return driver.findElements(By.cssSelector("#picking .picked-lines .line")).stream()
                .map(line ->
                        line.getAttribute("textContent").replaceAll("\\s+", " ").trim())
                .toList();
    }

    public String status() {
        return driver.findElement(By.cssSelector("#picking .status")).getText();
    }

    public String assignee() {
        return driver.findElement(By.cssSelector("#picking .assignee")).getText();
    }

    /** Clicks a button of the panel by its id and waits for the panel that answers. */
    public String press(String id) {
        String before = feedbackMarker();
        driver.findElement(By.id(id)).click();
        new WebDriverWait(driver, WAIT).until(d -> !feedbackMarker().equals(before));
        return feedback();
    }

    /** Writes a note: what happened (damaged, unavailable, other), and details. */
    public String note(String what, String details) {
        driver.findElement(By.cssSelector("#picking .note-form summary")).click();
        driver.findElement(By.cssSelector("#picking input[name='what'][value='" + what + "']"))
                .click();
        driver.findElement(By.id("note-details")).sendKeys(details);
        String before = feedbackMarker();
        driver.findElement(By.cssSelector("#picking .note-form button[type='submit']"))
                .click();
        new WebDriverWait(driver, WAIT).until(d -> !feedbackMarker().equals(before));
        return feedback();
    }

    public List<String> notes() {
        return driver.findElements(By.cssSelector("#picking .notes li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The labels of the page's buttons and fields, for the words of a language. */
    public String text() {
        return driver.findElement(By.id("scanner")).getAttribute("textContent").replaceAll("\\s+", " ");
    }

    public ScannerPage waitUntil(Predicate<ScannerPage> condition) {
        new WebDriverWait(driver, WAIT).until(d -> condition.test(this));
        return this;
    }
}
