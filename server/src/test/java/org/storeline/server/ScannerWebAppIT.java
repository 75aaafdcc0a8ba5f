package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.FulfillmentFixture.order;
import static org.storeline.server.browser.WebAppFixture.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.storeline.server.browser.Axe;
import org.storeline.server.browser.Browser;
import org.storeline.server.browser.FakeCamera;
import org.storeline.server.browser.FulfillmentDrawer;
import org.storeline.server.browser.FulfillmentsPage;
import org.storeline.server.browser.ScannerPage;
import org.storeline.server.browser.WebAppFixture;
import org.storeline.server.support.WooCommerceOrders;

/**
 * The Scanner and the Fulfillments board's drawer in a real browser: a picker on a phone opens an order by its packing
 * slip and picks it with a handheld scanner (keys in a burst, no field selected) while someone on the Fulfillments
 * page of a second browser sees the counts and the row change live; the drawer keeps the focus inside and gives it
 * back to its row; both pass axe; the Scanner speaks French and Dutch. A phone whose camera (a fake one, filming a
 * barcode) is read by the WebAssembly decoder picks a product with it, and is refused another order's. No test leaves a
 * console error.
 */
class ScannerWebAppIT {
    @RegisterExtension
    static final WebAppFixture web = new WebAppFixture();

    private static final Duration LIVE = Duration.ofSeconds(15);
    private static FulfillmentFixture shop;

    @BeforeAll
    static void shop() {
        shop = FulfillmentFixture.shared();
    }

    @Test
    void aPickerOnAPhonePicksAnOrderWithAHandheldScannerWhileTheFulfillmentsPageFollowsLive(ChromeDriver driver) {
        JsonNode sale = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .customer("Grace", "Hopper", "grace-" + System.nanoTime() + "@example.com")
                .line(shop.tee, 2, "20.00", "20.00", "0.00")
                .totals("20.00", "0.00"));
        String receipt = sale.path("receipt_number").asText();
        ChromeDriver watcher = Browser.second();
        web.signIn(watcher, shop.staffA.email());
        FulfillmentsPage board = FulfillmentsPage.open(watcher, web.url("/fulfillments"));
        List<Long> counts = counts(board.tabs());
        board = FulfillmentsPage.open(watcher, web.url("/fulfillments?outlet=" + shop.outletA + "&status=in_progress"));
        assertThat(board.receipts()).doesNotContain(receipt);

        driver.manage().window().setSize(Browser.PHONE);
        // A picker of their own, whose name the board shows once they take the order.
        web.signIn(user("staff", shop.outletA));
        ScannerPage scanner = ScannerPage.open(driver, web.base());
        assertThat(scanner.heading()).startsWith("Scanner");
        assertThat(scanner.receipts()).contains(receipt);

        scanner.openBySlip(receipt);
        assertThat(scanner.heading()).contains(receipt);
        assertThat(scanner.toPick()).singleElement().asString().contains("0 / 2", shop.tee);

        assertThat(scanner.scan(shop.teeBarcode)).startsWith("Picked ").contains(shop.tee + ": 1 of 2.");
        assertThat(scanner.feedbackKind()).isEqualTo("ok");
        board.waitForRow(receipt, row -> row.contains("1 of 2 picked") && row.contains("In progress"), LIVE);
        board.waitForTabs(
                List.of("New " + (counts.get(0) - 1), "In progress " + (counts.get(1) + 1), "Packed " + counts.get(2)),
                LIVE);

        assertThat(scanner.scan("NO-SUCH-CODE-42")).startsWith("Unknown barcode: not picked");
        assertThat(scanner.feedbackKind()).isEqualTo("refused");
        assertThat(scanner.feedback()).contains("Left to pick: 1 × ");

        assertThat(scanner.scan(shop.teeBarcode))
                .startsWith("Picked ")
                .endsWith(": 2 of 2. Everything is picked: mark it as packed.");
        assertThat(scanner.toPick()).isEmpty();
        assertThat(scanner.pickedCollapsed()).as("picked lines collapse").isTrue();
        assertThat(scanner.pickedLines()).singleElement().asString().contains("2 / 2", shop.tee);
        assertThat(scanner.scan(shop.teeBarcode)).startsWith("Already fully picked: put it back");

        assertThat(scanner.press("assign")).startsWith("Assigned to");
        String name = scanner.assignee();
        board.waitForRow(receipt, row -> row.contains("2 of 2 picked") && row.contains(name), LIVE);
        assertThat(scanner.note("damaged", "box dented")).isEqualTo("Note saved.");
        assertThat(scanner.notes()).singleElement().asString().isEqualTo("Damaged — box dented");
        board.waitForRow(receipt, row -> row.contains("Damaged — box dented"), LIVE);

        assertThat(scanner.press("pack")).isEqualTo("Marked as packed.");
        assertThat(scanner.status()).isEqualTo("Packed");
        board.waitForNoReceipt(receipt, LIVE);
        board.waitForTabs(
                List.of("New " + (counts.get(0) - 1), "In progress " + counts.get(1), "Packed " + (counts.get(2) + 1)),
                LIVE);
        assertThat(Browser.consoleErrors()).isEmpty();
        assertThat(Browser.consoleErrors(watcher)).isEmpty();
        watcher.get("about:blank");
    }

    @Test
    void theDrawerKeepsTheFocusInsideReturnsItToItsRowAndSaysWhyAnUnpaidOrderCannotShip(ChromeDriver driver) {
        JsonNode sale = shop.imported(order().status("on-hold")
                .paidWith("bacs", "Direct bank transfer", false)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .line(shop.mug, 1, "10.00", "10.00", "0.00")
                .totals("20.00", "0.00"));
        String receipt = sale.path("receipt_number").asText();
        web.signIn(shop.staffA.email());
        FulfillmentsPage board = FulfillmentsPage.open(driver, web.url("/fulfillments"));

        FulfillmentDrawer drawer = FulfillmentDrawer.open(driver, receipt);
        assertThat(drawer.title()).contains(receipt);
        assertThat(drawer.focusInside()).isTrue();
        for (int i = 0; i < 25; i++) {
            drawer.tab(i % 5 == 4);
            assertThat(drawer.focusInside()).as("focus after Tab " + i).isTrue();
        }
        assertThat(drawer.text())
                .contains("Items", "0 of 1 picked", "Timeline", "Order received", "Split order")
                .containsPattern("[12] of 2 · Ful A")
                .containsPattern("[12] of 2 · Ful B")
                .contains("Not fully paid: €20.00 is still owed", "Take payment");
        assertThat(drawer.actions()).containsExactly("Mark as packed");
        assertThat(Axe.seriousViolations(driver)).as("drawer").isEmpty();

        drawer.escape();
        assertThat(drawer.focused()).isEqualTo(receipt);

        drawer = FulfillmentDrawer.open(driver, receipt);
        drawer.act("Mark as packed");
        assertThat(drawer.outcome()).isEqualTo("Marked as packed.");
        assertThat(drawer.status()).isEqualTo("Packed");
        assertThat(drawer.actions()).containsExactly("Mark as shipped");
        assertThat(drawer.text()).contains("Status: Packed");
        drawer.act("Mark as shipped");
        assertThat(drawer.outcome()).startsWith("This order is not fully paid: €20.00 is still owed.");
        assertThat(drawer.focusInside()).isTrue();
        drawer.escape();
        board.waitForNoReceipt(receipt, LIVE);
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void theScannerHasNoSeriousAccessibilityViolationsAndSaysWhenThereIsNoCamera(ChromeDriver driver) {
        JsonNode sale = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        driver.manage().window().setSize(Browser.PHONE);
        web.signIn(shop.staffA.email());
        ScannerPage scanner = ScannerPage.open(driver, web.base());
        assertThat(Axe.seriousViolations(driver)).as("Scanner list").isEmpty();
        assertThat(scanner.cameraRefused())
                .isIn(
                        "No camera was found on this device. Use a handheld scanner, or type the code.",
                        "The camera could not be started. Allow the camera for this site, or type the code.");

        scanner.openBySlip(sale.path("receipt_number").asText());
        assertThat(scanner.type(shop.teeBarcode)).startsWith("Picked ").contains(": 1 of 1.");
        assertThat(Axe.seriousViolations(driver)).as("Scanner picking").isEmpty();
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void withoutBarcodeDetectorTheCameraReadsABarcodeThroughTheWebAssemblyDecoder() {
        JsonNode tees = shop.imported(paidForOne(shop.tee));
        JsonNode mugs = shop.imported(paidForOne(shop.mug));
        ChromeDriver phone = Browser.withFakeCamera(FakeCamera.code128(shop.teeBarcode));
        try {
            phone.manage().window().setSize(Browser.PHONE);
            web.signIn(phone, user("staff", shop.outletA, shop.outletB));
            assertThat(((JavascriptExecutor) phone).executeScript("return 'BarcodeDetector' in window"))
                    .as("headless Chromium has no BarcodeDetector, so the WebAssembly decoder reads")
                    .isEqualTo(false);

            phone.get(web.url("/scanner/" + shop.fulfillmentOf(mugs).path("id").asText()));
            ScannerPage scanner = ScannerPage.at(phone);
            assertThat(scanner.scanWithCamera()).startsWith("Not in this order: put it back");
            assertThat(scanner.feedbackKind()).isEqualTo("refused");
            assertThat(scanner.toPick()).singleElement().asString().contains("0 / 1", shop.mug);

            phone.get(web.url("/scanner/" + shop.fulfillmentOf(tees).path("id").asText()));
            scanner = ScannerPage.at(phone);
            assertThat(scanner.scanWithCamera()).startsWith("Picked ").contains(shop.tee + ": 1 of 1.");
            assertThat(scanner.feedbackKind()).isEqualTo("ok");
            assertThat(scanner.toPick()).isEmpty();
            assertThat(Axe.seriousViolations(phone))
                    .as("Scanner with the camera on")
                    .isEmpty();
            assertThat(Browser.consoleErrors(phone)).isEmpty();
        } finally {
            phone.quit();
        }
    }

    @Test
    void theScannerSpeaksFrenchAndDutchWithTheGlossarysWords(ChromeDriver driver) {
        JsonNode sale = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        String receipt = sale.path("receipt_number").asText();
        driver.manage().window().setSize(Browser.PHONE);
        // A user of its own: the language chosen stays with the user, and the other tests read English.
        web.signIn(user("staff", shop.outletA));
        FulfillmentsPage page = FulfillmentsPage.open(driver, web.url("/fulfillments"));

        page.chooseLanguage("fr");
        ScannerPage french = ScannerPage.open(driver, web.base());
        assertThat(french.text()).contains("Numéro de reçu sur le bordereau d'expédition", "Commandes ouvertes");
        french.openBySlip(receipt);
        assertThat(french.text())
                .contains("À prélever", "Marquer comme emballé", "Nouveau", "Notes sur la commande", "M'attribuer");

        FulfillmentsPage.open(driver, web.url("/fulfillments")).chooseLanguage("nl");
        ScannerPage dutch = ScannerPage.open(driver, web.base());
        assertThat(dutch.text()).contains("Bonnummer op de pakbon", "Open afhandelingen");
        dutch.openBySlip(receipt);
        assertThat(dutch.text())
                .contains("Te picken", "Markeren als verpakt", "Nieuw", "Afhandelingsnotities", "Aan mij toewijzen");
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    /** An order of one unit of a product, paid by card. */
    private static WooCommerceOrders paidForOne(String sku) {
        return order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(sku, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00");
    }

    /** The counts of the tabs New, In progress, Packed, as shown ("New 2" → 2). */
    private static List<Long> counts(List<String> tabs) {
        return tabs.stream()
                .map(tab -> Long.parseLong(tab.replaceAll("^.* (\\d+)$", "$1")))
                .toList();
    }
}
