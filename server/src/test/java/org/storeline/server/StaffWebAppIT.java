package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.FulfillmentFixture.order;
import static org.storeline.server.browser.WebAppFixture.PASSWORD;
import static org.storeline.server.browser.WebAppFixture.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.storeline.server.browser.Axe;
import org.storeline.server.browser.Browser;
import org.storeline.server.browser.FulfillmentPage;
import org.storeline.server.browser.FulfillmentsPage;
import org.storeline.server.browser.LoginPage;
import org.storeline.server.browser.SalesPage;
import org.storeline.server.browser.TopBar;
import org.storeline.server.browser.WebAppFixture;
import org.storeline.server.support.Shop;

/**
 * The staff web app in a real browser (headless Chromium): staff sign in and land on their outlet's Fulfillments, see
 * an imported order with FUL-1's columns, and a new order appear live; five wrong passwords lock the email out with a
 * message that says when to try again; staff of outlet A reach nothing of outlet B; the page speaks French and Dutch
 * with the glossary's words; on a phone the top bar is one row whose menu the keyboard opens, closes and follows. No
 * test leaves a JavaScript error or CSP violation in the console.
 */
class StaffWebAppIT {
    @RegisterExtension
    static final WebAppFixture web = new WebAppFixture();

    private static FulfillmentFixture shop;
    private static String emailA;

    @BeforeAll
    static void shop() {
        shop = FulfillmentFixture.shared();
        emailA = shop.staffA.email();
    }

    @Test
    void staffSignInLandOnTheirOutletsFulfillmentsAndSeeAnImportedOrderWithItsColumns(ChromeDriver driver) {
        JsonNode sale = shop.imported(order().status("on-hold")
                .paidWith("bacs", "Direct bank transfer", false)
                .customer("Ada", "Lovelace", Shop.unique("ada") + "@example.com")
                .line(shop.tee, 2, "20.00", "20.00", "0.00")
                .totals("20.00", "0.00"));
        String receipt = sale.path("receipt_number").asText();

        FulfillmentsPage page = web.signInWithTheForm(emailA);

        assertThat(driver.getCurrentUrl()).contains("/fulfillments");
        assertThat(page.heading()).startsWith("Fulfillments");
        assertThat(page.receipts()).contains(receipt);
        assertThat(page.row(receipt)).contains("Ada Lovelace", "0 of 2 picked", "Unpaid", "Delivery", "New", "Nobody");
        assertThat(page.tabs()).hasSize(3);
        assertThat(page.tabs().get(0)).startsWith("New ");
        assertThat(page.columns())
                .contains(
                        "Receipt",
                        "Ordered",
                        "Status",
                        "Type",
                        "Channel",
                        "Customer",
                        "Items",
                        "Payment",
                        "Sale note",
                        "Fulfillment notes",
                        "Assigned user");
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void anUnpaidOrderIsPackedFromItsPageButNotShippedAndThePageSaysToTakeThePaymentFirst(ChromeDriver driver) {
        JsonNode sale = shop.imported(order().status("on-hold")
                .paidWith("bacs", "Direct bank transfer", false)
                .line(shop.tee, 2, "20.00", "20.00", "0.00")
                .totals("20.00", "0.00"));
        web.signIn(emailA);
        driver.get(
                web.url("/fulfillments/" + shop.fulfillmentOf(sale).path("id").asText()));
        FulfillmentPage page = FulfillmentPage.at(driver);
        assertThat(page.actions()).containsExactly("Mark as packed");

        page = page.act("Mark as packed");
        assertThat(page.notice()).isEqualTo("Marked as packed.");
        assertThat(page.status()).isEqualTo("Packed");
        assertThat(page.actions()).containsExactly("Mark as shipped");

        page = page.act("Mark as shipped");
        assertThat(page.error())
                .startsWith("This order is not fully paid: €20.00 is still owed. Take the payment first");
        assertThat(page.status()).isEqualTo("Packed");
        assertThat(Browser.consoleErrors()).allMatch(message -> message.contains("409"));
    }

    @Test
    void aNewOrderAppearsInTheOpenListAndRingsTheBellWithoutAReloadAndItsNotificationOpensIt(ChromeDriver driver) {
        web.signIn(emailA);
        FulfillmentsPage page = FulfillmentsPage.open(driver, web.url("/fulfillments"));
        ((JavascriptExecutor) driver).executeScript("window.storelineNotReloaded = true;");
        String bell = page.bellLabel();

        JsonNode sale = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        String receipt = sale.path("receipt_number").asText();

        page.waitForReceipt(receipt, Duration.ofSeconds(15));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.storelineNotReloaded === true;"))
                .as("the page was not reloaded")
                .isEqualTo(true);
        assertThat(page.row(receipt)).contains("Paid");
        assertThat(page.arrived(receipt)).as("marked as arrived").isTrue();
        assertThat(page.liveNotice()).isEqualTo("New order: " + receipt);
        page.waitForBell(label -> !label.equals(bell), Duration.ofSeconds(15));
        assertThat(Browser.consoleErrors()).isEmpty();

        FulfillmentPage opened = page.openNewestNotification();
        assertThat(driver.getCurrentUrl()).contains("/fulfillments/");
        assertThat(opened.heading()).contains(receipt);
    }

    @Test
    void fiveWrongPasswordsLockTheEmailOutWithAMessageSayingWhenToTryAgain(ChromeDriver driver) {
        String email = user("staff", shop.outletA);
        LoginPage login = LoginPage.open(driver, web.base());
        for (int attempt = 1; attempt <= 4; attempt++) {
            login = login.signInRefused(email, "not the password " + attempt);
            assertThat(login.error()).isEqualTo("The email or password is wrong. Check both and try again.");
        }

        login = login.signInRefused(email, "not the password 5");
        assertThat(login.error()).startsWith("Too many failed sign-ins for this email. Try again in 15 minutes");
        login = login.signInRefused(email, PASSWORD);
        assertThat(login.error()).as("locked: even the right password waits").startsWith("Too many failed sign-ins");
    }

    @Test
    void aStaffUserOfOutletAReachesNothingOfOutletB(ChromeDriver driver) {
        JsonNode sale = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.mug, 1, "10.00", "10.00", "0.00")
                .shipping("local_pickup", "Pickup at B", "0.00", "0.00")
                .totals("10.00", "0.00"));
        String fulfillmentB = shop.fulfillmentOf(sale).path("id").asText();

        web.signIn(emailA);
        FulfillmentsPage page = FulfillmentsPage.open(driver, web.url("/fulfillments"));

        assertThat(page.receipts()).doesNotContain(sale.path("receipt_number").asText());
        assertThat(page.outlets()).singleElement().asString().startsWith("Ful A");
        assertThat(web.get("/fulfillments?outlet=" + shop.outletB).statusCode()).isEqualTo(403);
        assertThat(web.get("/fulfillments/" + fulfillmentB).statusCode()).isEqualTo(403);
        driver.get(web.url("/fulfillments/" + fulfillmentB));
        assertThat(driver.getPageSource())
                .contains("You are not permitted for this outlet")
                .doesNotContain(sale.path("receipt_number").asText());
    }

    @Test
    void theFulfillmentsPageSpeaksFrenchAndDutchWithTheGlossarysWords(ChromeDriver driver) {
        shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        // A user of its own: the language chosen stays with the user, and the other tests read English.
        web.signIn(user("staff", shop.outletA));
        FulfillmentsPage page = FulfillmentsPage.open(driver, web.url("/fulfillments"));

        FulfillmentsPage french = page.chooseLanguage("fr");
        assertThat(french.heading()).startsWith("Commandes");
        assertThat(french.tabs())
                .map(tab -> tab.replaceAll(" \\d+$", ""))
                .containsExactly("Nouveau", "En cours", "Emballé");
        assertThat(french.columns()).contains("Note sur la vente", "Notes sur la commande", "Utilisateur attribué");
        assertThat(french.navigation()).contains("Établissement");
        assertThat(french.bellLabel()).startsWith("Notifications");

        FulfillmentsPage dutch = french.chooseLanguage("nl");
        assertThat(dutch.heading()).startsWith("Afhandelingen");
        assertThat(dutch.tabs())
                .map(tab -> tab.replaceAll(" \\d+$", ""))
                .containsExactly("Nieuw", "In uitvoering", "Verpakt");
        assertThat(dutch.columns()).contains("Verkoopnotitie", "Afhandelingsnotities", "Toegewezen gebruiker");
        assertThat(dutch.navigation()).contains("Vestiging");
        assertThat(dutch.bellLabel()).startsWith("Meldingen");
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void theSignInPageAndTheFulfillmentsPageHaveNoSeriousAccessibilityViolations(ChromeDriver driver) {
        shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        LoginPage login = LoginPage.open(driver, web.base());
        assertThat(Axe.seriousViolations(driver)).as("sign-in").isEmpty();

        login.signIn(emailA, PASSWORD);

        assertThat(Axe.seriousViolations(driver)).as("Fulfillments").isEmpty();
    }

    @Test
    void onAPhoneTheTopBarIsOneRowWithTheBellAndAMenuThatTheKeyboardOpensClosesAndFollows(ChromeDriver driver) {
        shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        driver.manage().window().setSize(Browser.PHONE);
        web.signIn(emailA);
        FulfillmentsPage.open(driver, web.url("/fulfillments"));
        TopBar bar = TopBar.of(driver);

        assertThat(bar.height()).as("one row").isLessThan(70);
        assertThat(bar.visibleLinks()).as("the screens wait behind the menu").isEmpty();
        assertThat(bar.bell().isDisplayed()).isTrue();
        assertThat(bar.bellCount()).as("the unread count shows on the bell").isNotBlank();
        assertThat(Axe.seriousViolations(driver)).as("menu closed").isEmpty();

        WebElement toggle = bar.menuButton();
        toggle.sendKeys(Keys.ENTER);
        assertThat(bar.expanded()).isTrue();
        assertThat(bar.visibleLinks()).extracting(WebElement::getText).contains("Fulfillments", "Sales");
        assertThat(driver.findElement(By.id("outlet-select")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("language-select")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("sign-out")).isDisplayed()).isTrue();
        assertThat(bar.bellCount()).as("the bell stays in the bar").isNotBlank();
        assertThat(Axe.seriousViolations(driver)).as("menu open").isEmpty();
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Fulfillments");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        assertThat(bar.expanded()).as("Escape closes the menu").isFalse();
        assertThat(driver.switchTo().activeElement())
                .as("and gives the focus back")
                .isEqualTo(toggle);
        assertThat(bar.visibleLinks()).isEmpty();

        toggle.sendKeys(Keys.SPACE);
        new Actions(driver).sendKeys(Keys.TAB, Keys.TAB, Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Sales");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        SalesPage sales = SalesPage.at(driver);
        assertThat(sales.heading()).startsWith("Sales");
        assertThat(bar.expanded()).isFalse();
        assertThat(bar.height()).isLessThan(70);
        assertThat(bar.bellCount()).isNotBlank();

        driver.manage().window().setSize(Browser.DESKTOP);
        assertThat(bar.menuButton().isDisplayed())
                .as("a desktop has no menu button")
                .isFalse();
        assertThat(bar.visibleLinks()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void signingOutEndsTheSession(ChromeDriver driver) {
        web.signIn(emailA);
        FulfillmentsPage page = FulfillmentsPage.open(driver, web.url("/fulfillments"));
        Cookie before = driver.manage().getCookieNamed("storeline_session");

        LoginPage login = page.signOut();

        assertThat(login.heading()).isEqualTo("Sign in");
        driver.manage().addCookie(before);
        driver.get(web.url("/fulfillments"));
        assertThat(LoginPage.at(driver).heading())
                .as("the old cookie opens nothing")
                .isEqualTo("Sign in");
    }
}
