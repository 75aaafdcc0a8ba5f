package org.storeline.server.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A report's page: its chart (server-drawn SVG), its table and its CSV link. */
public final class ReportsPage {
    private final WebDriver driver;

    private ReportsPage(WebDriver driver) {
        this.driver = driver;
    }

    public static ReportsPage open(WebDriver driver, String url) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("csv-download")));
        return new ReportsPage(driver);
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The chart's bars, by the label drawn above each. */
    public List<String> chartLabels() {
        return driver.findElements(By.cssSelector("svg.chart .chart-label")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public int bars() {
        return driver.findElements(By.cssSelector("svg.chart rect.chart-bar")).size();
    }

    public List<String> rows() {
        return driver.findElements(By.cssSelector("table.report tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String csvUrl() {
        return driver.findElement(By.id("csv-download")).getAttribute("href");
    }

    public List<String> tabs() {
        return driver.findElements(By.cssSelector("nav.tabs .tab")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
