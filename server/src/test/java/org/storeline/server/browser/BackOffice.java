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

/** What every back office screen shares: its heading, the top bar's words, a language chosen, the width it needs. */
public class BackOffice {
    static final Duration WAIT = Duration.ofSeconds(10);

    protected final WebDriver driver;

    BackOffice(WebDriver driver) {
        this.driver = driver;
    }

    /** Any back office page the browser shows, once its heading is there. */
    public static BackOffice at(WebDriver driver) {
        await(driver, "h1");
        return new BackOffice(driver);
    }

    /** Waits for a page whose main holds {@code css}. */
    static void await(WebDriver driver, String css) {
        new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main " + css)));
    }

    public String heading() {
        return driver.findElement(By.cssSelector("main h1")).getText();
    }

    public String navigation() {
        return driver.findElement(By.cssSelector("header.topbar")).getText();
    }

    public String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    /** The column headers of the first table with this class. */
    public List<String> columns(String table) {
        return driver.findElements(By.cssSelector("table." + table + " thead th")).stream()
                .map(th -> th.getAttribute("textContent").trim())
                .toList();
    }

    /** Chooses a language in the account menu and waits for this page to come back in it. */
    public void chooseLanguage(String value) {
        WebElement main = driver.findElement(By.tagName("main"));
        TopBar.of(driver).openAccount();
        new Select(driver.findElement(By.id("language-select"))).selectByValue(value);
        new WebDriverWait(driver, WAIT).until(Browser.gone(main));
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
    }

    /** Whether the page fits the window's width (nothing to scroll sideways, as on a phone). */
    public boolean fitsTheWidth() {
        Object fits = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(fits);
    }

    public String notice() {
        var found = driver.findElements(By.cssSelector("main .notice"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    public String error() {
        var found = driver.findElements(By.cssSelector("main .error-box"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** Submits the form holding {@code field} after typing {@code value} in it; waits for the next page. */
    void submit(String field, String value) {
        WebElement input = driver.findElement(By.id(field));
        WebElement form = input.findElement(By.xpath("./ancestor::form"));
        input.clear();
        input.sendKeys(value);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, WAIT).until(Browser.gone(form));
    }
}
