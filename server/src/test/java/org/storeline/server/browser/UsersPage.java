package org.storeline.server.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Users and permissions: the list, the form that adds a user, and a user's page with their API tokens. */
public final class UsersPage {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final WebDriver driver;

    private UsersPage(WebDriver driver) {
        this.driver = driver;
    }

    public static UsersPage open(WebDriver driver, String base) {
        driver.get(base + "/users");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("add-user")));
        return new UsersPage(driver);
    }

    /** Adds a user with a role (its words in the menu) and one outlet; lands on the new user's page. */
    public UsersPage add(String name, String email, String password, String role, String outletId) {
        driver.findElement(By.id("user-name")).sendKeys(name);
        driver.findElement(By.id("user-email")).sendKeys(email);
        driver.findElement(By.id("user-password")).sendKeys(password);
        new Select(driver.findElement(By.id("user-role"))).selectByVisibleText(role);
        driver.findElement(By.id("user-outlet-" + outletId)).click();
        WebElement form = driver.findElement(By.cssSelector("form[action='/users']"));
        driver.findElement(By.id("add-user")).click();
        new WebDriverWait(driver, WAIT).until(Browser.gone(form));
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("create-token")));
        return this;
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    public String notice() {
        var found = driver.findElements(By.cssSelector("main .notice"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** Creates an API token; answers the token the page shows once. */
    public String createToken(String label) {
        driver.findElement(By.id("token-label")).sendKeys(label);
        WebElement button = driver.findElement(By.id("create-token"));
        button.click();
        new WebDriverWait(driver, WAIT).until(Browser.gone(button));
        return new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("new-token")))
                .getAttribute("value");
    }

    /** Revokes the first token listed. */
    public UsersPage revokeFirst() {
        WebElement table = driver.findElement(By.cssSelector("table.tokens"));
        table.findElement(By.cssSelector("button.danger")).click();
        new WebDriverWait(driver, WAIT).until(Browser.gone(table));
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("create-token")));
        return this;
    }

    public List<String> tokens() {
        return driver.findElements(By.cssSelector("table.tokens tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** A user's page, with the form that changes them. */
    public static UsersPage user(WebDriver driver, String base, String userId) {
        driver.get(base + "/users/" + userId);
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("save-user")));
        return new UsersPage(driver);
    }

    /** Ticks (or unticks) an outlet in the change form. */
    public UsersPage toggleOutlet(String outletId) {
        driver.findElement(By.id("edit-outlet-" + outletId)).click();
        return this;
    }

    /** Chooses a role (its words in the menu) in the change form. */
    public UsersPage chooseRole(String role) {
        new Select(driver.findElement(By.id("edit-role"))).selectByVisibleText(role);
        return this;
    }

    /** Saves the change form and waits for the page that answers, saved or refused. */
    public UsersPage save() {
        WebElement form = driver.findElement(By.cssSelector("form:has(#save-user)"));
        driver.findElement(By.id("save-user")).click();
        new WebDriverWait(driver, WAIT).until(Browser.gone(form));
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("save-user")));
        return this;
    }

    /** Deactivates the user: Deactivate, then the dialog's confirmation; waits for the page that answers. */
    public UsersPage deactivate() {
        WebElement opener = driver.findElement(By.id("open-deactivate"));
        opener.click();
        WebElement confirm = new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.id("deactivate-submit")));
        confirm.click();
        new WebDriverWait(driver, WAIT).until(Browser.gone(opener));
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("reactivate")));
        return this;
    }

    /** Reactivates the user and waits for the page that answers. */
    public UsersPage reactivate() {
        WebElement button = driver.findElement(By.id("reactivate"));
        button.click();
        new WebDriverWait(driver, WAIT).until(Browser.gone(button));
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("open-deactivate")));
        return this;
    }

    /** The rows of the users' list, as read. */
    public List<String> rows() {
        return driver.findElements(By.cssSelector("table.users tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The refusal shown above the form, or "". */
    public String error() {
        var found = driver.findElements(By.cssSelector("main .error-box"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }
}
