package org.storeline.server.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A sale's page: its badges, balance, fulfillments and the outcome of the last action, and its dialogs (Apply
 * payment, Return items, Cancel), each a native modal dialog.
 */
public final class SalePage {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final WebDriver driver;

    private SalePage(WebDriver driver) {
        this.driver = driver;
    }

    public static SalePage at(WebDriver driver) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("lines-heading")));
        return new SalePage(driver);
    }

    /** On a fulfillment's page: why the order cannot be completed yet. */
    public static String whyUnpaid(WebDriver driver) {
        return driver.findElement(By.cssSelector("#take-payment p")).getText();
    }

    /** On a fulfillment's page: Take payment, which opens the sale's page with its Apply payment dialog. */
    public static SalePage takePayment(WebDriver driver) {
        driver.findElement(By.cssSelector("#take-payment a")).click();
        SalePage page = at(driver);
        page.waitForModal("pay-dialog");
        return page;
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String paymentBadge() {
        return driver.findElement(By.cssSelector(".page-head .pay")).getText();
    }

    public String statusBadge() {
        return driver.findElement(By.cssSelector(".page-head .status")).getText();
    }

    public String balance() {
        return driver.findElement(By.cssSelector(".facts .balance")).getText();
    }

    /** The labels of the actions offered. */
    public List<String> actions() {
        return driver.findElements(By.cssSelector(".actions-bar a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** What the last action did (heading and details), or "". */
    public String outcome() {
        List<WebElement> found = driver.findElements(By.cssSelector("main .outcome"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    public String activity() {
        return driver.findElement(By.cssSelector("ol.activity")).getText();
    }

    /** Opens a fulfillment of the sale from its list. */
    public FulfillmentPage openFulfillment() {
        driver.findElement(By.cssSelector("ul.fulfillment-links a")).click();
        return FulfillmentPage.at(driver);
    }

    public SalePage openPayment() {
        driver.findElement(By.id("open-pay")).click();
        waitForModal("pay-dialog");
        return this;
    }

    public SalePage openReturn() {
        driver.findElement(By.id("open-return")).click();
        waitForModal("return-dialog");
        return this;
    }

    public SalePage openCancel() {
        driver.findElement(By.id("open-cancel")).click();
        waitForModal("cancel-dialog");
        return this;
    }

    private void waitForModal(String id) {
        new WebDriverWait(driver, WAIT)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript(
                                "var e = document.getElementById(arguments[0]);"
                                        + " return !!e && e.matches(':modal');",
                                id)));
    }

    /** Whether the dialog is shown modal and holds the focus. */
    public boolean focusIsIn(String dialogId) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript(
                        "var d = document.getElementById(arguments[0]);"
                                + " return d.matches(':modal') && d.contains(document.activeElement);",
                        dialogId));
    }

    /** The id of the element that has the focus. */
    public String focused() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return document.activeElement.id;"));
    }

    public String value(String fieldId) {
        return driver.findElement(By.id(fieldId)).getAttribute("value");
    }

    public SalePage set(String fieldId, String value) {
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", fieldId, value);
        return this;
    }

    public SalePage choose(String selectId, String value) {
        new Select(driver.findElement(By.id(selectId))).selectByValue(value);
        return this;
    }

    /** The units to give back of a line, by the line's product name. */
    public SalePage units(String productName, int units) {
        WebElement field = driver.findElement(By.xpath(
                "//dialog[@id='return-dialog']//tr[th[contains(normalize-space(), '" + productName + "')]]//input"));
        field.clear();
        field.sendKeys(Integer.toString(units));
        return this;
    }

    /** Closes the open dialog with its Close button, as a keyboard user would. */
    public SalePage close(String dialogId) {
        driver.findElement(By.cssSelector("#" + dialogId + " [data-close]")).click();
        new WebDriverWait(driver, WAIT)
                .until(d -> Boolean.FALSE.equals(((JavascriptExecutor) d)
                        .executeScript("return document.getElementById(arguments[0]).open;", dialogId)));
        return this;
    }

    /** Submits a dialog's form by its submit button; the page comes back with the outcome. */
    public SalePage submit(String buttonId) {
        WebElement heading = driver.findElement(By.tagName("h1"));
        driver.findElement(By.id(buttonId)).click();
        new WebDriverWait(driver, WAIT).until(Browser.gone(heading));
        return at(driver);
    }

    /** The error shown in a dialog, or "". */
    public String dialogError(String dialogId) {
        List<WebElement> found = driver.findElements(By.cssSelector("#" + dialogId + " .error-box"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }
}
