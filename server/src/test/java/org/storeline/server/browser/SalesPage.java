package org.storeline.server.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Sales history: its search (typed, or scanned by a keyboard-wedge scanner), filters and list of sales. */
public final class SalesPage {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final WebDriver driver;

    private SalesPage(WebDriver driver) {
        this.driver = driver;
    }

    public static SalesPage at(WebDriver driver) {
        new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.sales-filters")));
        return new SalesPage(driver);
    }

    public static SalesPage open(WebDriver driver, String url) {
        driver.get(url);
        return at(driver);
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** A scanner types the code into the focused search field in one burst and ends it with Enter. */
    public SalePage scan(String code) {
        WebElement field = driver.findElement(By.id("sales-q"));
        field.click();
        field.sendKeys(code + Keys.ENTER);
        new WebDriverWait(driver, WAIT).until(Browser.gone(field));
        return SalePage.at(driver);
    }

    /** Types a search and submits it; the list comes back. */
    public SalesPage search(String text) {
        WebElement field = driver.findElement(By.id("sales-q"));
        field.clear();
        field.sendKeys(text + Keys.ENTER);
        new WebDriverWait(driver, WAIT).until(Browser.gone(field));
        return at(driver);
    }

    public List<String> receipts() {
        return driver.findElements(By.cssSelector("table.sales a.receipt")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String row(String receipt) {
        return driver.findElement(
                        By.xpath("//table[contains(@class,'sales')]//tr[.//a[normalize-space()='" + receipt + "']]"))
                .getText();
    }

    public List<String> columns() {
        return driver.findElements(By.cssSelector("table.sales thead th")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The labels of the filter form's fields. */
    public List<String> labels() {
        return driver.findElements(By.cssSelector("form.sales-filters label")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String emptyMessage() {
        List<WebElement> empty = driver.findElements(By.cssSelector("main .empty"));
        return empty.isEmpty() ? "" : empty.get(0).getText();
    }

    public String navigation() {
        return driver.findElement(By.cssSelector("nav.nav")).getText();
    }

    public SalesPage chooseLanguage(String value) {
        TopBar.of(driver).openAccount();
        WebElement form = driver.findElement(By.cssSelector("form.sales-filters"));
        new Select(driver.findElement(By.id("language-select"))).selectByValue(value);
        new WebDriverWait(driver, WAIT).until(Browser.gone(form));
        return at(driver);
    }
}
