package org.storeline.server.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Fulfillments board's details drawer: opened from a row, where the focus is, its actions and what they did. */
public final class FulfillmentDrawer {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final WebDriver driver;

    private FulfillmentDrawer(WebDriver driver) {
        this.driver = driver;
    }

    /** Clicks the receipt of a row and waits for its drawer. */
    public static FulfillmentDrawer open(WebDriver driver, String receipt) {
        driver.findElement(By.xpath("//a[@class='receipt' and normalize-space()='" + receipt + "']"))
                .click();
        new WebDriverWait(driver, WAIT)
                .until(d -> isOpen(d) && !d.findElements(By.id("drawer-title")).isEmpty());
        return new FulfillmentDrawer(driver);
    }

    private static boolean isOpen(WebDriver driver) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("var d = document.getElementById('drawer'); return d !== null && d.open;"));
    }

    public boolean isOpen() {
        return isOpen(driver);
    }

    public String title() {
        return driver.findElement(By.id("drawer-title")).getText();
    }

    public String text() {
        return driver.findElement(By.id("drawer")).getText();
    }

    /** Whether the focused element is inside the drawer. */
    public boolean focusInside() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("return document.getElementById('drawer').contains(document.activeElement);"));
    }

    /** The focused element's text (or its receipt link's). */
    public String focused() {
        return String.valueOf(
                ((JavascriptExecutor) driver).executeScript("return document.activeElement.textContent.trim();"));
    }

    public void tab(boolean backwards) {
        Actions actions = new Actions(driver);
        if (backwards) {
            actions.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        } else {
            actions.sendKeys(Keys.TAB).perform();
        }
    }

    /** Escape closes it; waits until it is closed. */
    public void escape() {
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        new WebDriverWait(driver, WAIT).until(d -> !isOpen(d));
    }

    public List<String> actions() {
        return driver.findElements(By.cssSelector("#drawer .actions-bar button")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Clicks an action by its label and waits for the drawer to say what happened. */
    public FulfillmentDrawer act(String label) {
        WebElement button = driver.findElement(By.xpath(
                "//dialog[@id='drawer']//section[@class='actions-bar']//button[normalize-space()='" + label + "']"));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("document.querySelector('#drawer .drawer-content').dataset.old = 'yes';");
        button.click();
        // The drawer's content is replaced by the answer: wait for content without the mark, and no request left.
        new WebDriverWait(driver, WAIT)
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return document.querySelector('#drawer .drawer-content:not([data-old])') !== null"
                                + " && document.querySelector('#drawer .htmx-request') === null"
                                + " && document.querySelector('#drawer [data-outcome]') !== null;")));
        return this;
    }

    /** The outcome of the last action (done or refused), as shown. */
    public String outcome() {
        return driver.findElement(By.cssSelector("#drawer [data-outcome]")).getText();
    }

    public String status() {
        return driver.findElement(By.cssSelector("#drawer .drawer-badges .status"))
                .getText();
    }
}
