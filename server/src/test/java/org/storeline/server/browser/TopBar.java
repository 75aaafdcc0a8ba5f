package org.storeline.server.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The top bar of every signed-in page: on a desktop its screens, outlet switcher, bell and account menu in a row; on
 * a phone the brand, a menu button and the bell, the button showing the rest.
 */
public final class TopBar {
    private final WebDriver driver;

    private TopBar(WebDriver driver) {
        this.driver = driver;
    }

    public static TopBar of(WebDriver driver) {
        return new TopBar(driver);
    }

    /** Opens what holds the language menu and sign-out: the phone's menu, then the account menu where it shows. */
    public TopBar openAccount() {
        openMenu();
        WebElement summary = driver.findElement(By.cssSelector(".account summary"));
        if (summary.isDisplayed()) {
            summary.click();
        }
        return this;
    }

    /** On a phone, opens the menu with a click (on a desktop there is no menu button, and nothing happens). */
    public TopBar openMenu() {
        WebElement toggle = menuButton();
        if (toggle.isDisplayed() && !expanded()) {
            toggle.click();
        }
        return this;
    }

    public WebElement menuButton() {
        return driver.findElement(By.id("menu-toggle"));
    }

    public boolean expanded() {
        return "true".equals(menuButton().getAttribute("aria-expanded"));
    }

    /** The bar's height in CSS pixels. */
    public int height() {
        return driver.findElement(By.cssSelector("header.topbar")).getRect().getHeight();
    }

    /** The links to the screens that show now (none on a phone while the menu is closed). */
    public List<WebElement> visibleLinks() {
        return driver.findElements(By.cssSelector("header.topbar nav.nav a")).stream()
                .filter(WebElement::isDisplayed)
                .toList();
    }

    public WebElement bell() {
        return driver.findElement(By.id("bell"));
    }

    /** The bell's count as shown on it ("" while hidden at zero). */
    public String bellCount() {
        return driver.findElement(By.cssSelector("#bell .bell-count")).getText();
    }
}
