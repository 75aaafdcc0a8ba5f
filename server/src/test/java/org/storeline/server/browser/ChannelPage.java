package org.storeline.server.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A channel's page: its health, Import orders with its progress, the activity log with its filters and Retry. */
public final class ChannelPage {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final WebDriver driver;

    private ChannelPage(WebDriver driver) {
        this.driver = driver;
    }

    public static ChannelPage at(WebDriver driver) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("activity")));
        return new ChannelPage(driver);
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String notice() {
        var found = driver.findElements(By.cssSelector("main .notice"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    public String health() {
        return driver.findElement(By.cssSelector(".page-head .health")).getText();
    }

    /** Imports these order ids and waits until the progress says the import ended; answers what it says. */
    public String importOrders(String ids) {
        driver.findElement(By.id("import-orders")).sendKeys(ids);
        driver.findElement(By.id("import-start")).click();
        // htmx replaces the progress every second: an element found may be gone when it is read, so look again.
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> {
            var progress = d.findElements(By.cssSelector("#import-progress"));
            return !progress.isEmpty() && progress.get(0).getAttribute("hx-get") == null;
        });
        return driver.findElement(By.id("import-progress")).getText();
    }

    /** The activity's rows, newest first, as text. */
    public List<String> activity() {
        return driver.findElements(By.cssSelector("table.activity tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Shows only entries of this outcome (its words, as the menu says them). */
    public ChannelPage filterOutcome(String label) {
        WebElement table = driver.findElement(By.id("activity"));
        new Select(driver.findElement(By.id("activity-outcome"))).selectByVisibleText(label);
        driver.findElement(By.cssSelector("#activity form.filters button[type=submit]"))
                .click();
        new WebDriverWait(driver, WAIT).until(Browser.gone(table));
        return at(driver);
    }

    /** Clicks Retry on the first entry that offers it; the page comes back with what the retry did. */
    public ChannelPage retryFirst() {
        WebElement table = driver.findElement(By.id("activity"));
        driver.findElement(By.cssSelector("table.activity button.retry")).click();
        new WebDriverWait(driver, WAIT).until(Browser.gone(table));
        return at(driver);
    }

    public int retryButtons() {
        return driver.findElements(By.cssSelector("table.activity button.retry"))
                .size();
    }
}
