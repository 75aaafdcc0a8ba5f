package org.storeline.server;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.browser.WebAppFixture.PASSWORD;
import static org.storeline.server.browser.WebAppFixture.user;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.storeline.server.browser.Axe;
import org.storeline.server.browser.Browser;
import org.storeline.server.browser.ChannelConnectPage;
import org.storeline.server.browser.ChannelPage;
import org.storeline.server.browser.FulfillmentsPage;
import org.storeline.server.browser.ReportsPage;
import org.storeline.server.browser.UsersPage;
import org.storeline.server.browser.WebAppFixture;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * The owner's screens in a real browser: a WooCommerce store (WireMock) is connected through the form, an order that
 * the store first answers broken fails its import and Retry imports it once the store answers well; a report draws its
 * chart and downloads its CSV; a user is added with a role and an outlet and given a token shown once, then revoked;
 * a staff user given a second outlet finds it in their switcher, and an admin cannot take their own admin role; a
 * staff user deactivated (confirmed in a dialog) is signed out at once, shown as deactivated, and reactivated; staff
 * get 403 on Channels and Users and no link to them; French and Dutch words. Axe on every screen, desktop and
 * phone, and the console stays clean.
 */
class AdminWebAppIT {
    @RegisterExtension
    static final WebAppFixture web = new WebAppFixture();

    private static final String ORDERS = "/wp-json/wc/v3/orders";
    private static final AtomicLong ORDER_IDS =
            new AtomicLong(System.currentTimeMillis() % 1_000_000_000L + 70_000_000);
    private static final ApiClient ADMIN = TestStoreline.admin();
    private static WireMockServer store;
    private static String outlet;
    private static String register;
    private static String sku;
    private static String adminEmail;

    @BeforeAll
    static void aShopWithAStoreToConnect() {
        Shop shop = new Shop(ADMIN);
        outlet = shop.outlet("Admin");
        register = shop.openRegister(outlet);
        sku = Shop.unique("CAP");
        String product = shop.productWithSku(sku, "10.00");
        shop.setStock(product, outlet, 20);
        assertThat(shop.inStoreSale(outlet, register, product, 2).status()).isEqualTo(201);
        adminEmail = user("admin");
        store = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        store.start();
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/system_status"))
                .willReturn(okJson("{\"environment\":{\"version\":\"9.4.0\"}}")));
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/webhooks")).willReturn(okJson("[]")));
        store.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/webhooks")).willReturn(okJson("{\"id\":31}")));
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).willReturn(okJson("[]")));
    }

    @AfterAll
    static void closeTheStore() {
        store.stop();
    }

    @Test
    void aStoreIsConnectedThroughTheFormAndAFailedImportIsFixedByRetry(ChromeDriver driver) {
        web.signIn(adminEmail);
        ChannelConnectPage form = ChannelConnectPage.open(driver, web.base(), "woocommerce");
        assertThat(form.secretFields()).as("consumer secret and webhook secret").isEqualTo(2);
        assertThat(Axe.seriousViolations(driver)).as("connect form").isEmpty();
        String name = Shop.unique("Web shop");
        ChannelPage channel = form.type("channel-name", name)
                .type("channel-url", store.baseUrl())
                .type("credential-consumer_key", "ck_storeline")
                .type("credential-consumer_secret", "cs_never_shown_again")
                .type("webhook-secret", WooCommerceOrders.SECRET)
                .tick(outlet)
                .register(register)
                .connect();

        assertThat(channel.heading()).startsWith(name).contains("WooCommerce");
        assertThat(channel.notice()).startsWith("Store connected.");
        assertThat(driver.getPageSource()).doesNotContain("cs_never_shown_again");
        assertThat(Axe.seriousViolations(driver)).as("channel page").isEmpty();

        long id = ORDER_IDS.incrementAndGet();
        stubOrder(order(id).totals("12,10", "2.10"));
        String progress = channel.importOrders(Long.toString(id));
        assertThat(progress).contains("Import finished with failures").contains("Failed\n1");
        driver.navigate().refresh();
        channel = ChannelPage.at(driver).filterOutcome("Failed");
        assertThat(channel.activity()).singleElement().asString().contains("Order fetched", "Failed", "12,10");
        assertThat(channel.retryButtons()).isEqualTo(1);

        stubOrder(order(id));
        channel = channel.retryFirst();

        assertThat(channel.notice()).startsWith("Retried:");
        assertThat(channel.retryButtons()).as("retried once").isZero();
        String channelId = driver.getCurrentUrl().replaceAll(".*/channels/([^/?#]+).*", "$1");
        assertThat(ADMIN.get("/api/v1/sales?channel_id=" + channelId + "&external_order_id=" + id)
                        .json()
                        .path("items"))
                .hasSize(1);
        driver.manage().window().setSize(Browser.PHONE);
        driver.navigate().refresh();
        ChannelPage.at(driver);
        assertThat(Axe.seriousViolations(driver)).as("channel page, phone").isEmpty();
        driver.get(web.url("/channels"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(name);
        assertThat(Axe.seriousViolations(driver)).as("channels list, phone").isEmpty();
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void aReportDrawsItsChartAndDownloadsItsCsv(ChromeDriver driver) {
        web.signIn(adminEmail);
        ReportsPage report = ReportsPage.open(driver, web.url("/reports/product-sales?outlet_id=" + outlet));

        assertThat(report.tabs()).containsExactly("Sales by channel and day", "Payments", "Product sales");
        assertThat(report.bars()).isPositive();
        assertThat(report.rows()).anySatisfy(row -> assertThat(row).contains(sku));
        assertThat(Axe.seriousViolations(driver)).as("product sales").isEmpty();
        HttpResponse<String> csv = web.get(report.csvUrl());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("product_id,sku,name,is_shipping_fee").contains(sku);

        report = ReportsPage.open(driver, web.url("/reports?outlet_id=" + outlet));
        assertThat(report.chartLabels()).anySatisfy(label -> assertThat(label).endsWith("In store"));
        assertThat(web.get(report.csvUrl()).body()).startsWith("day,channel_id,channel,currency,sales,returns,total");
        driver.manage().window().setSize(Browser.PHONE);
        assertThat(Axe.seriousViolations(driver)).as("sales by channel, phone").isEmpty();
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void aUserIsAddedWithARoleAndAnOutletAndGivenATokenShownOnceThenRevoked(ChromeDriver driver) {
        web.signIn(adminEmail);
        UsersPage users = UsersPage.open(driver, web.base());
        assertThat(Axe.seriousViolations(driver)).as("users").isEmpty();
        String email = Shop.unique("lea") + "@example.com";

        users.add("Léa Martin", email, PASSWORD, "Manager", outlet);

        assertThat(users.notice()).isEqualTo("User added.");
        assertThat(users.text("user-role")).isEqualTo("Manager");
        assertThat(users.text("user-outlets")).startsWith("Admin-");
        String userPage = driver.getCurrentUrl();
        String token = users.createToken("till script");
        assertThat(token).startsWith("stl_");
        assertThat(new ApiClient(web.base(), token).get("/api/v1/users/me").status())
                .isEqualTo(200);
        assertThat(Axe.seriousViolations(driver)).as("user page").isEmpty();
        driver.get(userPage);
        assertThat(driver.getPageSource()).as("shown once").doesNotContain(token);

        users.revokeFirst();

        assertThat(users.notice()).startsWith("Token revoked");
        assertThat(users.tokens()).isEmpty();
        assertThat(new ApiClient(web.base(), token).get("/api/v1/users/me").status())
                .isEqualTo(401);
        driver.manage().window().setSize(Browser.PHONE);
        UsersPage.open(driver, web.base());
        assertThat(Axe.seriousViolations(driver)).as("users, phone").isEmpty();
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void anAdminGivesAStaffUserASecondOutletThatTheirSwitcherThenListsButCannotTakeTheirOwnAdminRole(
            ChromeDriver driver) {
        String second = new Shop(ADMIN).outlet("Second");
        String staffEmail = user("staff", outlet);
        web.signIn(adminEmail);

        UsersPage user = UsersPage.user(driver, web.base(), userId(staffEmail));
        assertThat(Axe.seriousViolations(driver)).as("a user's page").isEmpty();
        user.toggleOutlet(second).save();

        assertThat(user.notice()).isEqualTo("Changes saved.");
        assertThat(user.text("user-outlets")).contains("Admin-", "Second-");

        UsersPage own = UsersPage.user(driver, web.base(), userId(adminEmail))
                .chooseRole("Staff")
                .toggleOutlet(outlet)
                .save();
        assertThat(own.error()).startsWith("You cannot take away your own admin role");
        assertThat(own.text("user-role")).isEqualTo("Admin");
        assertThat(Axe.seriousViolations(driver)).as("a refusal").isEmpty();

        driver.manage().deleteAllCookies();
        web.signIn(staffEmail);
        FulfillmentsPage staff = FulfillmentsPage.open(driver, web.url("/fulfillments"));
        assertThat(staff.outlets()).anySatisfy(name -> assertThat(name).startsWith("Second-"));
        assertThat(Browser.consoleErrors()).allMatch(message -> message.contains("422"));
    }

    @Test
    void aStaffUserDeactivatedFromTheirPageIsSignedOutAtOnceAndSignsInAgainOnceReactivated(ChromeDriver driver) {
        String staffEmail = user("staff", outlet);
        String staffSession = WebAppFixture.session(staffEmail);
        assertThat(WebAppFixture.get("/fulfillments", staffSession).statusCode())
                .isEqualTo(200);
        web.signIn(adminEmail);
        UsersPage.user(driver, web.base(), userId(adminEmail));
        assertThat(driver.findElements(By.id("open-deactivate")))
                .as("not one's own account")
                .isEmpty();

        UsersPage user = UsersPage.user(driver, web.base(), userId(staffEmail)).deactivate();

        assertThat(user.notice()).startsWith("User deactivated");
        assertThat(user.text("user-status")).isEqualTo("Deactivated");
        HttpResponse<String> next = WebAppFixture.get("/fulfillments", staffSession);
        assertThat(next.statusCode()).as("the staff user's next page").isEqualTo(303);
        assertThat(next.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
        assertThat(Axe.seriousViolations(driver))
                .as("a deactivated user's page")
                .isEmpty();
        assertThat(UsersPage.open(driver, web.base()).rows())
                .anySatisfy(row -> assertThat(row).contains(staffEmail, "Deactivated"));

        user = UsersPage.user(driver, web.base(), userId(staffEmail)).reactivate();

        assertThat(user.notice()).startsWith("User reactivated");
        assertThat(user.text("user-status")).isEqualTo("Active");
        assertThat(WebAppFixture.get("/fulfillments", WebAppFixture.session(staffEmail))
                        .statusCode())
                .isEqualTo(200);
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    private static String userId(String email) {
        for (var user : ADMIN.get("/api/v1/users").json().path("items")) {
            if (user.path("email").asText().equals(email)) {
                return user.path("id").asText();
            }
        }
        throw new AssertionError("no user " + email);
    }

    @Test
    void aStaffUserGets403OnChannelsAndUsersAndSeesNoLinkToThem(ChromeDriver driver) {
        web.signIn(user("staff", outlet));
        FulfillmentsPage page = FulfillmentsPage.open(driver, web.url("/fulfillments"));
        assertThat(page.navigation()).contains("Reports").doesNotContain("Channels", "Users");

        for (String path : List.of("/channels", "/channels/new", "/users")) {
            driver.get(web.url(path));
            assertThat(driver.findElement(By.tagName("h1")).getText()).as(path).startsWith("You are not permitted");
            assertThat(web.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(Browser.consoleErrors()).allMatch(message -> message.contains("403"));
    }

    @Test
    void theAdminScreensSpeakFrenchAndDutch(ChromeDriver driver) {
        // An admin of their own: the language chosen stays with the user, and the other tests read English.
        web.signIn(user("admin"));
        FulfillmentsPage page = FulfillmentsPage.open(driver, web.url("/fulfillments"));
        FulfillmentsPage french = page.chooseLanguage("fr");
        assertThat(french.navigation()).contains("Canaux", "Rapports", "Utilisateurs");
        driver.get(web.url("/reports/product-sales"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Rapports · Ventes par produit");
        driver.get(web.url("/channels/new?platform=shopify"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Établissements", "Caisse en ligne");

        driver.get(web.url("/fulfillments"));
        FulfillmentsPage dutch = FulfillmentsPage.at(driver).chooseLanguage("nl");
        assertThat(dutch.navigation()).contains("Kanalen", "Rapporten", "Gebruikers");
        driver.get(web.url("/users"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Vestigingen", "Gebruiker toevoegen");
        driver.get(web.url("/reports/product-sales"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Verkopen per product", "Aantal");
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    private static WooCommerceOrders order(long id) {
        return WooCommerceOrders.order(id)
                .status("processing")
                .line(sku, 1, "10.00", "10.00", "2.10")
                .totals("12.10", "2.10")
                .modifiedAt(Instant.now().minusSeconds(60));
    }

    private static void stubOrder(WooCommerceOrders order) {
        String id = order.json().replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1");
        store.stubFor(get(urlPathEqualTo(ORDERS + "/" + id)).willReturn(okJson(order.json())));
    }
}
