package org.storeline.server.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A product's page: stock per outlet, one outlet's level and ledger, the adjustment form. */
public final class ProductPage extends BackOffice {
    private ProductPage(WebDriver driver) {
        super(driver);
    }

    public static ProductPage at(WebDriver driver) {
        await(driver, "table.levels");
        return new ProductPage(driver);
    }

    /** From the Products screen: searches, then opens the product by its name. */
    public static ProductPage found(WebDriver driver, String baseUrl, String search, String name) {
        driver.get(baseUrl + "/products");
        await(driver, "#q");
        new BackOffice(driver).submit("q", search);
        driver.findElement(By.linkText(name)).click();
        return at(driver);
    }

    /** The selected outlet's level as shown ("7", "−2"). */
    public String level() {
        return driver.findElement(By.id("level-now")).getText();
    }

    /** The level at every outlet shown, each row's text. */
    public List<String> levels() {
        return driver.findElements(By.cssSelector("table.levels tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public boolean offersAdjustment() {
        return !driver.findElements(By.id("quantity")).isEmpty();
    }

    /** Sets the level with a reason chosen by its label. */
    public ProductPage adjust(String quantity, String reasonLabel) {
        new Select(driver.findElement(By.id("reason"))).selectByVisibleText(reasonLabel);
        submit("quantity", quantity);
        return at(driver);
    }

    /** The ledger's rows, newest first, each as its text. */
    public List<String> ledger() {
        return driver.findElements(By.cssSelector("table.ledger tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
