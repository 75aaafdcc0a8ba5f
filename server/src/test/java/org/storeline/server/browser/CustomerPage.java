package org.storeline.server.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A customer's profile with their sales. */
public final class CustomerPage extends BackOffice {
    private CustomerPage(WebDriver driver) {
        super(driver);
    }

    public static CustomerPage at(WebDriver driver) {
        await(driver, "#sales-heading");
        return new CustomerPage(driver);
    }

    /** From the Customers screen: searches, then opens the customer by name. */
    public static CustomerPage found(WebDriver driver, String baseUrl, String search, String name) {
        driver.get(baseUrl + "/customers");
        await(driver, "#q");
        new BackOffice(driver).submit("q", search);
        driver.findElement(By.linkText(name)).click();
        return at(driver);
    }

    /** The receipts of the sales listed. */
    public List<String> receipts() {
        return driver.findElements(By.cssSelector("table.customer-sales a.receipt")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Where a receipt's link leads. */
    public String link(String receipt) {
        return driver.findElement(By.linkText(receipt)).getAttribute("href");
    }
}
