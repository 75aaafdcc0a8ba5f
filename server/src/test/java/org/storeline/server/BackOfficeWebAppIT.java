package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.browser.WebAppFixture.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.storeline.server.browser.Axe;
import org.storeline.server.browser.BackOffice;
import org.storeline.server.browser.Browser;
import org.storeline.server.browser.ClosureReportPage;
import org.storeline.server.browser.CustomerPage;
import org.storeline.server.browser.ProductPage;
import org.storeline.server.browser.RegisterPage;
import org.storeline.server.browser.WebAppFixture;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * The back office screens in a real browser: a register opened with a float and closed short shows expected, counted
 * and the difference in its closure report (PAY-1); a stock adjustment with a reason shows in the ledger and the new
 * level, below zero said in words; a customer is found and their sale listed; outlet A's staff reach nothing of outlet
 * B's registers or stock by URL; the screens speak French and Dutch with the glossary's words and fit a phone. Axe
 * finds no serious violation on any of them, and the console stays clean.
 */
class BackOfficeWebAppIT {
    @RegisterExtension
    static final WebAppFixture web = new WebAppFixture();

    private static final ApiClient ADMIN = TestStoreline.admin();
    private static final Shop SHOP = new Shop(ADMIN);
    private static String outletA;
    private static String outletB;
    private static String cash;
    private static String product;
    private static String productName;
    private static String staffA;
    private static String managerA;

    @BeforeAll
    static void shop() {
        outletA = SHOP.outlet("BO A");
        outletB = SHOP.outlet("BO B");
        cash = SHOP.paymentType("cash");
        productName = Shop.unique("Linen apron");
        product = created(ADMIN.post(
                "/api/v1/products",
                Map.of(
                        "sku",
                        Shop.unique("APRON"),
                        "name",
                        productName,
                        "price",
                        "10.00",
                        "currency",
                        "EUR",
                        "tax_rate",
                        "0",
                        "barcodes",
                        List.of(Shop.unique("873")))));
        SHOP.setStock(product, outletA, 12);
        SHOP.setStock(product, outletB, 30);
        staffA = user("staff", outletA);
        managerA = user("manager", outletA);
    }

    @Test
    void aRegisterOpenedWithAFloatAndClosedShortShowsExpectedCountedAndTheDifference(ChromeDriver driver) {
        String register = SHOP.register(outletA);
        String name =
                ADMIN.get("/api/v1/registers/" + register).json().path("name").asText();
        web.signIn(staffA);

        RegisterPage page = RegisterPage.fromList(driver, web.base(), name);
        assertThat(page.state()).isEqualTo("Closed");
        assertThat(Axe.seriousViolations(driver)).as("a closed register").isEmpty();
        page = page.open("100.00");
        assertThat(page.notice()).isEqualTo("Register opened.");
        assertThat(page.state()).isEqualTo("Open");
        assertThat(page.text()).contains("with an opening float of €100.00");

        cashSale(register, null, "20.00");
        ClosureReportPage report = page.close("115");

        assertThat(report.heading()).isEqualTo("Register closure report");
        assertThat(report.expectedCash()).isEqualTo("€120.00");
        assertThat(report.countedCash()).isEqualTo("€115.00");
        assertThat(report.difference()).isEqualTo("−€5.00 short");
        assertThat(report.lines()).anyMatch(line -> line.startsWith("cash-") && line.contains("€20.00"));
        assertThat(report.printable()).as("a Print button").isTrue();
        assertThat(Axe.seriousViolations(driver)).as("closure report").isEmpty();

        driver.get(web.url("/registers/" + register));
        RegisterPage closed = RegisterPage.at(driver);
        assertThat(closed.state()).isEqualTo("Closed");
        assertThat(closed.closures()).singleElement().asString().contains("€120.00", "€115.00", "−€5.00 short");
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void aStockAdjustmentWithAReasonShowsInTheLedgerAndTheNewLevelAndBelowZeroIsSaidInWords(ChromeDriver driver) {
        SHOP.setStock(product, outletA, 12);
        web.signIn(managerA);
        ProductPage page = ProductPage.found(driver, web.base(), productName.substring(0, 12), productName);
        assertThat(Axe.seriousViolations(driver)).as("product page").isEmpty();

        page = page.adjust("7", "Adjustment (damaged, lost, received)");

        assertThat(page.notice()).startsWith("Stock level saved.");
        assertThat(page.level()).isEqualTo("7");
        assertThat(page.ledger().get(0)).contains("Adjustment (damaged, lost, received)", "−5", "7");

        page = page.adjust("-2", "Stock count");
        assertThat(page.level()).isEqualTo("−2");
        assertThat(page.text()).contains("Below zero");
        assertThat(page.ledger().get(0)).contains("Stock count", "−9", "−2 Below zero");
        assertThat(page.levels()).noneMatch(level -> level.contains("BO B"));

        driver.get(web.url("/products"));
        BackOffice list = BackOffice.at(driver);
        assertThat(list.text()).contains("Stock below zero", productName);
        assertThat(Axe.seriousViolations(driver)).as("products").isEmpty();
        SHOP.setStock(product, outletA, 12);
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void staffSeeStockButAreNotOfferedTheAdjustmentTheirRoleMayNotMake(ChromeDriver driver) {
        web.signIn(staffA);
        driver.get(web.url("/products/" + product));
        ProductPage page = ProductPage.at(driver);

        assertThat(page.level()).isNotEmpty();
        assertThat(page.offersAdjustment()).isFalse();
        assertThat(page.text()).doesNotContain("Edit name, price");
    }

    @Test
    void aCustomerIsFoundByNameAndTheirSaleIsListedWithALinkToIt(ChromeDriver driver) {
        String customerName = Shop.unique("Émile Verhaeren");
        String customer = created(ADMIN.post(
                "/api/v1/customers", Map.of("name", customerName, "email", Shop.unique("emile") + "@example.com")));
        String register = SHOP.openRegister(outletA);
        JsonNode sale = cashSale(register, customer, "10.00");
        String receipt = sale.path("receipt_number").asText();
        web.signIn(staffA);

        CustomerPage page = CustomerPage.found(driver, web.base(), customerName.substring(3), customerName);

        assertThat(page.heading()).isEqualTo(customerName);
        assertThat(page.receipts()).containsExactly(receipt);
        assertThat(page.link(receipt)).endsWith("/sales/" + sale.path("id").asText());
        assertThat(page.text()).contains("€10.00", "Paid");
        assertThat(Axe.seriousViolations(driver)).as("customer").isEmpty();
        driver.get(web.url("/customers?q=" + customerName.substring(0, 6)));
        assertThat(Axe.seriousViolations(driver)).as("customers").isEmpty();
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void outletAsStaffReachNothingOfOutletBsRegistersOrStockByUrl(ChromeDriver driver) {
        String registerB = SHOP.register(outletB);
        String nameB =
                ADMIN.get("/api/v1/registers/" + registerB).json().path("name").asText();
        assertThat(ADMIN.post("/api/v1/registers/" + registerB + "/open", Map.of())
                        .status())
                .isEqualTo(201);
        JsonNode closure = ADMIN.post("/api/v1/registers/" + registerB + "/close", Map.of("counted_cash", "0"))
                .json();
        String period = closure.path("period").path("id").asText();
        web.signIn(staffA);
        driver.get(web.url("/registers"));
        BackOffice registers = BackOffice.at(driver);

        assertThat(web.get("/registers/" + registerB).statusCode()).isEqualTo(403);
        assertThat(web.get("/registers/" + registerB + "/closures/" + period).statusCode())
                .isEqualTo(403);
        assertThat(web.post("/registers/" + registerB + "/open", "opening_float=1")
                        .statusCode())
                .isEqualTo(403);
        assertThat(ADMIN.get("/api/v1/registers/" + registerB)
                        .json()
                        .path("status")
                        .asText())
                .as("not opened")
                .isEqualTo("closed");
        assertThat(web.get("/products/" + product + "?outlet=" + outletB).statusCode())
                .isEqualTo(403);
        assertThat(registers.text()).doesNotContain(nameB);
        driver.get(web.url("/products/" + product));
        assertThat(ProductPage.at(driver).levels()).singleElement().asString().startsWith("BO A");
        driver.get(web.url("/registers/" + registerB));
        assertThat(driver.getPageSource())
                .contains("You are not permitted for this outlet")
                .doesNotContain(nameB);
    }

    @Test
    void theRegistersAndStockScreensSpeakFrenchAndDutchWithTheGlossarysWords(ChromeDriver driver) {
        String register = SHOP.openRegister(outletA);
        JsonNode closure = ADMIN.post("/api/v1/registers/" + register + "/close", Map.of("counted_cash", "0"))
                .json();
        String report = "/registers/" + register + "/closures/"
                + closure.path("period").path("id").asText();
        // A user of its own: the language chosen stays with the user, and the other tests read English.
        web.signIn(user("staff", outletA));
        driver.get(web.url(report));
        ClosureReportPage page = ClosureReportPage.at(driver);

        page.chooseLanguage("fr");
        page = ClosureReportPage.at(driver);
        assertThat(page.heading()).isEqualTo("Rapport de fermeture de caisse");
        assertThat(page.navigation()).contains("Caisses", "Produits", "Clients", "Établissement");
        assertThat(page.columns("closure-table")).contains("Attendu", "Compté", "Écart");
        driver.get(web.url("/products/" + product));
        assertThat(ProductPage.at(driver).text()).contains("Stock par établissement", "Mouvements de stock");

        page.chooseLanguage("nl");
        assertThat(ProductPage.at(driver).text()).contains("Voorraad per vestiging", "Voorraadbewegingen");
        driver.get(web.url(report));
        ClosureReportPage dutch = ClosureReportPage.at(driver);
        assertThat(dutch.heading()).isEqualTo("Kassasluitingsrapport");
        assertThat(dutch.navigation()).contains("Kassa's", "Producten", "Klanten", "Vestiging");
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void theBackOfficeScreensFitAPhone(ChromeDriver driver) {
        web.signIn(managerA);
        driver.manage().window().setSize(Browser.PHONE);
        for (String path : List.of("/registers", "/products", "/products/" + product, "/customers")) {
            driver.get(web.url(path));
            assertThat(BackOffice.at(driver).fitsTheWidth()).as(path).isTrue();
        }
        assertThat(Axe.seriousViolations(driver)).as("customers on a phone").isEmpty();
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    /** An in-store sale of the product paid in cash on the register, for the customer if one is given. */
    private static JsonNode cashSale(String register, String customer, String amount) {
        int quantity = Integer.parseInt(amount.replace(".00", "")) / 10;
        Map<String, Object> body = new HashMap<>(Map.of(
                "outlet_id",
                outletA,
                "register_id",
                register,
                "lines",
                List.of(Map.of("product_id", product, "quantity", quantity)),
                "payments",
                List.of(Map.of("payment_type_id", cash, "amount", amount))));
        if (customer != null) {
            body.put("customer_id", customer);
        }
        ApiClient.Response sale = ADMIN.post("/api/v1/sales", body);
        assertThat(sale.status()).as(sale.text()).isEqualTo(201);
        return sale.json();
    }

    private static String created(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.id();
    }
}
