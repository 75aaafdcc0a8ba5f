package org.storeline.server.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One fulfillment's page: its status, its items, the actions it offers and what the last one did. */
public final class FulfillmentPage {
    private final WebDriver driver;

    private FulfillmentPage(WebDriver driver) {
        this.driver = driver;
    }

    public static FulfillmentPage at(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".actions-bar")));
        return new FulfillmentPage(driver);
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String status() {
        return driver.findElement(By.cssSelector(".page-head .status")).getText();
    }

    /** The labels of the action buttons offered. */
    public List<String> actions() {
        return driver.findElements(By.cssSelector(".actions-bar button")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Clicks an action by its label; the page comes back with the outcome. */
    public FulfillmentPage act(String label) {
        WebElement bar = driver.findElement(By.cssSelector(".actions-bar"));
        driver.findElement(By.xpath("//section[@class='actions-bar']//button[normalize-space()='" + label + "']"))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(Browser.gone(bar));
        return at(driver);
    }

    /** The fulfillments of a split order, as listed: "1 of 2 · Outlet B — Packed". */
    public List<String> siblings() {
        return driver.findElements(By.cssSelector(".siblings li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String notice() {
        var found = driver.findElements(By.cssSelector("main .notice"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    public String error() {
        var found = driver.findElements(By.cssSelector("main .error-box"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }
}
