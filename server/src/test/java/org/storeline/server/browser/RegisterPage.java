package org.storeline.server.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** One register's page: its state, the open or close form, and its closure reports. */
public final class RegisterPage extends BackOffice {
    private RegisterPage(WebDriver driver) {
        super(driver);
    }

    public static RegisterPage at(WebDriver driver) {
        await(driver, "#register-state");
        return new RegisterPage(driver);
    }

    /** From the Registers list: opens the register by its name. */
    public static RegisterPage fromList(WebDriver driver, String baseUrl, String name) {
        driver.get(baseUrl + "/registers");
        await(driver, "h1");
        driver.findElement(By.linkText(name)).click();
        return at(driver);
    }

    public String state() {
        return driver.findElement(By.id("register-state")).getText();
    }

    public RegisterPage open(String openingFloat) {
        submit("opening_float", openingFloat);
        return at(driver);
    }

    /** Closes with the counted cash; lands on the closure report of the period just closed. */
    public ClosureReportPage close(String countedCash) {
        submit("counted_cash", countedCash);
        return ClosureReportPage.at(driver);
    }

    public boolean offersOpening() {
        return !driver.findElements(By.id("opening_float")).isEmpty();
    }

    /** The closure reports listed, each row's text. */
    public List<String> closures() {
        return driver.findElements(By.cssSelector("table.closures tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
