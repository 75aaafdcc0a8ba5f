package org.storeline.server.browser;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Fulfillments page: its tabs and their counts, its rows, the outlet switcher, the language menu. */
public final class FulfillmentsPage {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final WebDriver driver;

    private FulfillmentsPage(WebDriver driver) {
        this.driver = driver;
    }

    public static FulfillmentsPage at(WebDriver driver) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("board")));
        return new FulfillmentsPage(driver);
    }

    public static FulfillmentsPage open(WebDriver driver, String url) {
        driver.get(url);
        return at(driver);
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The receipt numbers listed, top to bottom. */
    public List<String> receipts() {
        return driver.findElements(By.cssSelector("#board a.receipt")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The row of a receipt, as its cells' text. */
    public String row(String receipt) {
        return driver.findElement(By.xpath("//tr[.//a[@class='receipt' and normalize-space()='" + receipt + "']]"))
                .getText();
    }

    /** Waits until the list shows this receipt (it came in live, say). */
    public FulfillmentsPage waitForReceipt(String receipt, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> receipts().contains(receipt));
        return this;
    }

    /** Whether the receipt's row is marked as one that arrived while the page was open. */
    public boolean arrived(String receipt) {
        return driver.findElement(By.xpath("//tr[.//a[@class='receipt' and normalize-space()='" + receipt + "']]"))
                .getAttribute("class")
                .contains("arrived");
    }

    /** The short notice of what arrived live ("New order: 1-000042"), or "" when none shows. */
    public String liveNotice() {
        return driver.findElement(By.id("live-notice")).getText();
    }

    /** The tabs' labels with their counts, as shown ("New 2"). */
    public List<String> tabs() {
        return driver.findElements(By.cssSelector("#board .tab")).stream()
                .map(tab -> tab.getText().replaceAll("\\s+", " ").trim())
                .toList();
    }

    /** Waits until the tabs (labels with counts) read as {@code expected}: they are updated live. */
    public FulfillmentsPage waitForTabs(List<String> expected, Duration timeout) {
        new WebDriverWait(driver, timeout)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> tabs().equals(expected));
        return this;
    }

    /** Waits until the receipt's row is gone from the list shown (it moved to another tab, say). */
    public FulfillmentsPage waitForNoReceipt(String receipt, Duration timeout) {
        new WebDriverWait(driver, timeout)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> !receipts().contains(receipt));
        return this;
    }

    /** Waits until the receipt's row satisfies {@code condition} (its cells' text). */
    public FulfillmentsPage waitForRow(String receipt, Predicate<String> condition, Duration timeout) {
        new WebDriverWait(driver, timeout)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> receipts().contains(receipt) && condition.test(row(receipt)));
        return this;
    }

    /** What the page says when the tab is empty. */
    public String emptyMessage() {
        return driver.findElement(By.cssSelector("#board .empty")).getText();
    }

    /** The outlets the switcher offers. */
    public List<String> outlets() {
        return new Select(driver.findElement(By.id("outlet-select")))
                .getOptions().stream().map(WebElement::getText).toList();
    }

    /** The column headers of the list. */
    public List<String> columns() {
        return driver.findElements(By.cssSelector("#board thead th")).stream()
                .map(th -> th.getAttribute("textContent").trim())
                .toList();
    }

    /** Chooses a language in the account menu; the page comes back in it. */
    public FulfillmentsPage chooseLanguage(String value) {
        TopBar.of(driver).openAccount();
        WebElement board = driver.findElement(By.id("board"));
        new Select(driver.findElement(By.id("language-select"))).selectByValue(value);
        new WebDriverWait(driver, WAIT).until(Browser.gone(board));
        return at(driver);
    }

    /** Waits until the bell's label (its count, in words) satisfies {@code condition}: it is updated live. */
    public FulfillmentsPage waitForBell(Predicate<String> condition, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> condition.test(bellLabel()));
        return this;
    }

    /** Opens the bell's list and the newest notification in it, which leads to its fulfillment. */
    public FulfillmentPage openNewestNotification() {
        driver.findElement(By.id("bell")).click();
        new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".notifications li a")))
                .click();
        return FulfillmentPage.at(driver);
    }

    public String bellLabel() {
        return driver.findElement(By.id("bell")).getAttribute("aria-label");
    }

    public String navigation() {
        return driver.findElement(By.cssSelector("header.topbar")).getText();
    }

    /** Signs out from the account menu. */
    public LoginPage signOut() {
        TopBar.of(driver).openAccount();
        driver.findElement(By.id("sign-out")).click();
        return LoginPage.at(driver);
    }
}
