package org.storeline.server.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A register closure report: payment types expected, and the drawer's cash expected, counted and the difference. */
public final class ClosureReportPage extends BackOffice {
    private ClosureReportPage(WebDriver driver) {
        super(driver);
    }

    public static ClosureReportPage at(WebDriver driver) {
        await(driver, ".closure-table");
        return new ClosureReportPage(driver);
    }

    public String expectedCash() {
        return driver.findElement(By.id("drawer-expected")).getText();
    }

    public String countedCash() {
        return driver.findElement(By.id("drawer-counted")).getText();
    }

    public String difference() {
        return driver.findElement(By.id("drawer-difference")).getText();
    }

    /** The rows of the table's body (float and payment types), each as its text. */
    public List<String> lines() {
        return driver.findElements(By.cssSelector(".closure-table tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public boolean printable() {
        return driver.findElement(By.cssSelector("[data-print]")).isDisplayed();
    }
}
