package org.storeline.server.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The sign-in page, as a person uses it: by its labels' fields and its button. */
public final class LoginPage {
    private final WebDriver driver;

    private LoginPage(WebDriver driver) {
        this.driver = driver;
    }

    public static LoginPage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/login");
        return at(driver);
    }

    /** The sign-in page the browser is on (after a redirect, say). */
    public static LoginPage at(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        return new LoginPage(driver);
    }

    /** Signs in and lands on the Fulfillments page. */
    public FulfillmentsPage signIn(String email, String password) {
        submit(email, password);
        return FulfillmentsPage.at(driver);
    }

    /** Submits the form and stays on the sign-in page, which says why. */
    public LoginPage signInRefused(String email, String password) {
        submit(email, password);
        return at(driver);
    }

    /** Fills the form and sends it, then waits until the browser has left this page for the answer. */
    private void submit(String email, String password) {
        WebElement form = driver.findElement(By.cssSelector("form[action='/login']"));
        driver.findElement(By.id("email")).clear();
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(Browser.gone(form));
    }

    /** The refusal shown, or "" when there is none. */
    public String error() {
        var errors = driver.findElements(By.id("login-error"));
        return errors.isEmpty() ? "" : errors.get(0).getText();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }
}
