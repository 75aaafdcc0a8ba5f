package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.FulfillmentFixture.order;
import static org.storeline.server.browser.WebAppFixture.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.storeline.server.browser.Axe;
import org.storeline.server.browser.Browser;
import org.storeline.server.browser.FulfillmentPage;
import org.storeline.server.browser.SalePage;
import org.storeline.server.browser.SalesPage;
import org.storeline.server.browser.WebAppFixture;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.FakeProcessor;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * Sales history and a sale's page in a real browser (headless Chromium): an unpaid bank-transfer order is paid from
 * its sale page (a payment outside the register's open period refused with the server's reason, PAY-2) and then
 * shipped; a return restocks and says where its refund went (RET-1..3); a scanned receipt opens its sale; outlet B's
 * sales stay out of reach of outlet A's staff; the pages speak French and Dutch with the glossary's words. Each
 * screen and dialog passes axe, and no test leaves an unexpected error in the console.
 */
class SalesWebAppIT {
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
    void anUnpaidBankTransferOrderCannotBeCompletedUntilItIsPaidFromItsSalePageAndThenShips(ChromeDriver driver) {
        String bank = shop.shop.paymentType("bank_deposit");
        JsonNode sale = shop.imported(order().status("on-hold")
                .paidWith("bacs", "Direct bank transfer", false)
                .customer("Émile", "Verhaeren", Shop.unique("emile") + "@example.com")
                .line(shop.tee, 2, "20.00", "20.00", "0.00")
                .totals("20.00", "0.00"));
        web.signIn(emailA);
        driver.get(
                web.url("/fulfillments/" + shop.fulfillmentOf(sale).path("id").asText()));
        FulfillmentPage fulfillment = FulfillmentPage.at(driver);
        assertThat(SalePage.whyUnpaid(driver))
                .isEqualTo("Not fully paid: €20.00 is still owed. It can be packed, but it cannot be shipped or picked "
                        + "up until the payment is taken.");
        fulfillment = fulfillment.act("Mark as packed").act("Mark as shipped");
        assertThat(fulfillment.error()).startsWith("This order is not fully paid");
        assertThat(fulfillment.status()).isEqualTo("Packed");
        assertThat(Browser.consoleErrors()).allMatch(message -> message.contains("409"));

        SalePage page = SalePage.takePayment(driver);
        assertThat(page.focusIsIn("pay-dialog"))
                .as("focus moved into the modal dialog")
                .isTrue();
        assertThat(page.value("pay-amount")).as("the balance by default").isEqualTo("20.00");
        assertThat(Axe.seriousViolations(driver)).as("Apply payment").isEmpty();
        String shown = page.value("pay-date");
        String yesterday =
                LocalDate.now(ZoneId.of("Europe/Brussels")).minusDays(1).toString();

        page = page.choose("pay-type", bank)
                .choose("pay-register", shop.registerA)
                .set("pay-date", yesterday)
                .submit("pay-submit");

        assertThat(page.focusIsIn("pay-dialog"))
                .as("the refused form is shown again")
                .isTrue();
        assertThat(page.dialogError("pay-dialog"))
                .startsWith("Register '")
                .contains("was not open at")
                .endsWith("would be missing from its closure report.");
        assertThat(page.paymentBadge()).isEqualTo("Unpaid");
        assertThat(Browser.consoleErrors()).allMatch(message -> message.contains("409"));

        page = page.set("pay-date", shown).submit("pay-submit");

        assertThat(page.outcome()).contains("Payment recorded.").contains("Balance now €0.00.");
        assertThat(page.paymentBadge()).isEqualTo("Paid");
        assertThat(page.activity()).contains("Payment of €20.00");
        fulfillment = page.openFulfillment();
        assertThat(driver.findElements(By.id("take-payment"))).isEmpty();
        fulfillment = fulfillment.act("Mark as shipped");
        assertThat(fulfillment.notice()).isEqualTo("Marked as shipped.");
        assertThat(fulfillment.status()).isEqualTo("Shipped");
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void aReturnRestocksAndSaysTheProcessorWasAskedOrThatTheRefundIsMadeAtItsPortal(ChromeDriver driver) {
        try (FakeProcessor processor = FakeProcessor.start()) {
            String stripe = processorType(processor);
            JsonNode sale = inStoreSale(shop.outletA, shop.registerA, shop.teeProduct, 2, stripe);
            long before = shop.shop.stockLevel(shop.teeProduct, shop.outletA);
            web.signIn(emailA);
            driver.get(web.url("/sales/" + sale.path("id").asText()));
            SalePage page = SalePage.at(driver);
            assertThat(Axe.seriousViolations(driver)).as("a sale's page").isEmpty();

            page.openReturn();
            assertThat(page.focusIsIn("return-dialog")).isTrue();
            assertThat(Axe.seriousViolations(driver)).as("Return items").isEmpty();
            page = page.units(shop.tee, 1).set("return-reason", "too small").submit("return-submit");

            assertThat(page.outcome())
                    .contains("Refund: the payment processor was asked and has paid the money back.")
                    .contains("Refunded 10.00 through Stripe.");
            assertThat(shop.shop.stockLevel(shop.teeProduct, shop.outletA)).isEqualTo(before + 1);
            assertThat(processor.totalPayouts()).isEqualTo(1);
            assertThat(page.activity()).contains("Return ");
        }

        JsonNode online = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        driver.get(web.url("/sales/" + online.path("id").asText()));
        SalePage page = SalePage.at(driver).openReturn().units(shop.tee, 1).submit("return-submit");

        assertThat(page.outcome()).contains("Refund: no processor was asked").contains("portal");
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void anOrderWhoseGoodsHaveNotLeftIsCancelledAfterConfirmation(ChromeDriver driver) {
        JsonNode sale = shop.imported(order().status("processing")
                .paidWith("bacs", "Direct bank transfer", false)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        web.signIn(emailA);
        driver.get(web.url("/sales/" + sale.path("id").asText()));
        SalePage page = SalePage.at(driver).openCancel();
        assertThat(page.focused()).as("the safe choice has the focus").isEqualTo("cancel-keep");
        assertThat(page.focusIsIn("cancel-dialog")).isTrue();
        assertThat(Axe.seriousViolations(driver)).as("Cancel").isEmpty();
        page.close("cancel-dialog");
        assertThat(page.focused()).as("focus back on the button that opened it").isEqualTo("open-cancel");

        page = page.openCancel().submit("cancel-submit");

        assertThat(page.outcome()).contains("The sale is cancelled.");
        assertThat(page.statusBadge()).isEqualTo("Cancelled");
        assertThat(page.actions()).isEmpty();
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void aScannedReceiptOpensItsSaleAndOrderNumbersAndCustomersAreFound(ChromeDriver driver) {
        String surname = Shop.unique("Lovelace");
        JsonNode order = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .customer("Ada", surname, Shop.unique("ada") + "@example.com")
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        JsonNode counter = inStoreSale(shop.outletA, shop.registerA, shop.teeProduct, 1, shop.shop.paymentType("cash"));
        String receipt = counter.path("receipt_number").asText();
        web.signIn(emailA);
        SalesPage sales = SalesPage.open(driver, web.url("/sales"));
        assertThat(sales.heading()).isEqualTo("Sales history");
        assertThat(sales.receipts()).first().isEqualTo(receipt);
        assertThat(Axe.seriousViolations(driver)).as("Sales history").isEmpty();

        SalePage sale = sales.scan(receipt);

        assertThat(sale.heading()).contains(receipt);
        assertThat(sale.paymentBadge()).isEqualTo("Paid");

        sales = SalesPage.open(driver, web.url("/sales")).search(surname);
        assertThat(sales.receipts())
                .containsExactly(order.path("receipt_number").asText());
        assertThat(sales.row(order.path("receipt_number").asText())).contains("Ada " + surname, "Paid");
        sales = sales.search(order.path("external_order_number").asText());
        assertThat(sales.receipts()).contains(order.path("receipt_number").asText());
        sales = sales.search("no such receipt " + Shop.unique("x"));
        assertThat(sales.emptyMessage()).startsWith("No sale matches this search");
        sales = SalesPage.open(
                driver, web.url("/sales?payment=unpaid&q=" + URLEncoder.encode(surname, StandardCharsets.UTF_8)));
        assertThat(sales.receipts()).as("filters kept in the URL").isEmpty();
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void outletBsSalesAreOutOfReachOfOutletAsStaff(ChromeDriver driver) {
        String registerB = shop.shop.openRegister(shop.outletB);
        JsonNode saleB = inStoreSale(shop.outletB, registerB, shop.mugProduct, 1, shop.shop.paymentType("cash"));
        String id = saleB.path("id").asText();
        String receipt = saleB.path("receipt_number").asText();
        web.signIn(emailA);
        SalesPage sales = SalesPage.open(driver, web.url("/sales"));
        assertThat(sales.receipts()).doesNotContain(receipt);

        assertThat(web.get("/sales/" + id).statusCode()).isEqualTo(403);
        assertThat(web.get("/sales?outlet=" + shop.outletB).statusCode()).isEqualTo(403);
        assertThat(post("/sales/" + id + "/payments")).isEqualTo(403);
        assertThat(post("/sales/" + id + "/returns")).isEqualTo(403);
        assertThat(post("/sales/" + id + "/cancel")).isEqualTo(403);
        sales = sales.search(receipt);
        assertThat(sales.receipts()).isEmpty();
        driver.get(web.url("/sales/" + id));
        assertThat(driver.getPageSource())
                .contains("You are not permitted for this outlet")
                .doesNotContain(receipt);
        Browser.console();
    }

    @Test
    void salesHistoryAndASalesPageSpeakFrenchAndDutchWithTheGlossarysWords(ChromeDriver driver) {
        // A user of its own: the language chosen stays with the user, and the other tests read English.
        String email = user("staff", shop.outletA);
        JsonNode sale = shop.imported(order().status("on-hold")
                .paidWith("bacs", "Direct bank transfer", false)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        web.signIn(email);
        SalesPage sales = SalesPage.open(driver, web.url("/sales"));

        SalesPage french = sales.chooseLanguage("fr");
        assertThat(french.heading()).isEqualTo("Historique des ventes");
        assertThat(french.navigation()).contains("Commandes", "Ventes");
        assertThat(french.labels()).contains("Établissement");
        assertThat(french.row(sale.path("receipt_number").asText())).contains("Impayé");
        driver.get(web.url("/sales/" + sale.path("id").asText()));
        assertThat(SalePage.at(driver).actions())
                .contains("Appliquer le paiement", "Retourner les articles", "Annuler la vente");
        assertThat(Axe.seriousViolations(driver)).as("a sale's page in French").isEmpty();

        SalesPage dutch = SalesPage.open(driver, web.url("/sales")).chooseLanguage("nl");
        assertThat(dutch.heading()).isEqualTo("Verkoopgeschiedenis");
        assertThat(dutch.navigation()).contains("Afhandelingen", "Verkopen");
        assertThat(dutch.labels()).contains("Vestiging");
        assertThat(dutch.row(sale.path("receipt_number").asText())).contains("Niet betaald");
        driver.get(web.url("/sales/" + sale.path("id").asText()));
        SalePage page = SalePage.at(driver);
        assertThat(page.actions()).contains("Betaling toepassen", "Artikelen retourneren");
        page.openPayment();
        assertThat(driver.findElement(By.id("pay-title")).getText()).isEqualTo("Betaling toepassen");
        assertThat(driver.findElement(By.cssSelector("label[for=pay-register]")).getText())
                .isEqualTo("Kassa");
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    /** An in-store sale of {@code quantity} units, paid in full with the payment type. */
    private static JsonNode inStoreSale(String outlet, String register, String product, int quantity, String type) {
        ApiClient admin = TestStoreline.admin();
        ApiClient.Response unpaid = admin.post(
                "/api/v1/sales",
                Map.of(
                        "outlet_id",
                        outlet,
                        "register_id",
                        register,
                        "lines",
                        List.of(Map.of("product_id", product, "quantity", quantity)),
                        "payments",
                        List.of(Map.of("payment_type_id", type, "amount", quantity * 10 + ".00"))));
        assertThat(unpaid.status()).as(unpaid.text()).isEqualTo(201);
        return unpaid.json();
    }

    /** An integrated payment type whose refunds go to the fake processor. */
    private static String processorType(FakeProcessor processor) {
        ApiClient.Response type = TestStoreline.admin()
                .post(
                        "/api/v1/payment-types",
                        Map.of(
                                "name",
                                Shop.unique("Stripe"),
                                "kind",
                                "integrated",
                                "processor",
                                "Stripe",
                                "processor_url",
                                processor.url(),
                                "processor_credentials",
                                "sk_test_web"));
        assertThat(type.status()).as(type.text()).isEqualTo(201);
        return type.id();
    }

    /** A form POST of a payment, a return or a cancellation, as outlet A's page would send it to that path. */
    private static int post(String path) {
        return web.post(
                        path,
                        "register=" + shop.registerA + "&payment_type=" + shop.registerA
                                + "&amount=1.00&date=2026-12-06&time=10:00")
                .statusCode();
    }
}
