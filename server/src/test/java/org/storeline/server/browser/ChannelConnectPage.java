package org.storeline.server.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The form that connects a store, per platform, filled in by its labels' fields as a person would. */
public final class ChannelConnectPage {
    private final WebDriver driver;

    private ChannelConnectPage(WebDriver driver) {
        this.driver = driver;
    }

    public static ChannelConnectPage open(WebDriver driver, String base, String platform) {
        driver.get(base + "/channels/new?platform=" + platform);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/channels']")));
        return new ChannelConnectPage(driver);
    }

    public ChannelConnectPage type(String fieldId, String value) {
        WebElement field = driver.findElement(By.id(fieldId));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    public ChannelConnectPage tick(String outletId) {
        WebElement box = driver.findElement(By.id("outlet-" + outletId));
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    public ChannelConnectPage register(String registerId) {
        new Select(driver.findElement(By.id("register"))).selectByValue(registerId);
        return this;
    }

    /** The password fields of the form: the secrets, never filled in by the server. */
    public long secretFields() {
        return driver.findElements(By.cssSelector("form[action='/channels'] input[type=password]"))
                .size();
    }

    public ChannelPage connect() {
        WebElement form = driver.findElement(By.cssSelector("form[action='/channels']"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(Browser.gone(form));
        return ChannelPage.at(driver);
    }
}
