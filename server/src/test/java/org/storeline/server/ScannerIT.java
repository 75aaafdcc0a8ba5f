package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.FulfillmentFixture.act;
import static org.storeline.server.FulfillmentFixture.eventTypes;
import static org.storeline.server.FulfillmentFixture.events;
import static org.storeline.server.FulfillmentFixture.order;
import static org.storeline.server.FulfillmentFixture.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;

/**
 * The Scanner (SCN-1..3, FUL-8) and the Fulfillments page's list (FUL-1, FUL-9): picking by barcode or SKU whatever
 * a scanner wraps around it, refusals that tell the picker what to do, notes, the assignee, a packing slip scanned
 * to find its fulfillment, the oldest order first, and each outlet's staff seeing and touching only their own.
 */
class ScannerIT {
    private final FulfillmentFixture shop = new FulfillmentFixture();

    @Test
    void eachScanPicksOneUnitAndOverPicksUnknownCodesAndOtherProductsAreRefusedClearly() {
        JsonNode sale = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 3, "30.00", "30.00", "0.00")
                .totals("30.00", "0.00"));
        JsonNode f = shop.fulfillmentOf(sale);
        ApiClient picker = shop.staffA.api();

        JsonNode first = scan(picker, f, "\u0002" + shop.teeBarcode + "\u0003").json();
        assertThat(first.path("status").asText()).isEqualTo("in_progress");
        assertThat(first.path("items").get(0).path("picked").asLong()).isEqualTo(1);
        assertThat(first.path("items").get(0).path("quantity").asLong()).isEqualTo(3);
        assertThat(first.path("picking").asText()).isEqualTo("partial");
        assertThat(first.path("items").get(0).path("product_id").asText()).isEqualTo(shop.teeProduct);
        assertThat(scan(picker, f, shop.teeBarcode + "\r\n").status()).isEqualTo(200);
        assertThat(scan(picker, f, "\t" + shop.tee + " ").json().path("picking").asText())
                .as("by SKU, with a tab before and a space after")
                .isEqualTo("complete");

        ApiClient.Response overPicked = scan(picker, f, shop.teeBarcode);
        ApiClient.Response unknown = scan(picker, f, "0000000000000");
        ApiClient.Response otherProduct = scan(picker, f, shop.mugBarcode);
        ApiClient.Response caseMatters = scan(picker, f, shop.tee.toLowerCase());

        assertThat(overPicked.status()).isEqualTo(422);
        assertThat(overPicked.errorCode()).isEqualTo("already_fully_picked");
        assertThat(message(overPicked))
                .contains("Tee " + shop.tee + " (" + shop.tee + ") is already fully picked: 3 of 3")
                .contains("Nothing is left to pick: mark it packed.");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorCode()).isEqualTo("barcode_unknown");
        assertThat(message(unknown)).contains("'0000000000000'");
        assertThat(otherProduct.errorCode()).isEqualTo("product_not_in_fulfillment");
        assertThat(message(otherProduct)).contains("Mug " + shop.mug).contains("is not in this order");
        assertThat(caseMatters.errorCode()).isEqualTo("barcode_unknown");
        assertThat(shop.fulfillmentOf(sale).path("items").get(0).path("picked").asLong())
                .isEqualTo(3);
        assertThat(eventTypes(sale))
                .containsExactly("fulfillment.changed", "fulfillment.changed", "fulfillment.changed");
        assertThat(events(sale).get(0).payload())
                .containsEntry("change", "pick")
                .containsEntry("status", "in_progress");
    }

    @Test
    void everyBarcodeOfAProductPicksItAndAPickerOfTwoOutletsPicksAtBoth() {
        String cap = Shop.unique("CAP");
        String firstBarcode = Shop.unique("873");
        String secondBarcode = Shop.unique("874");
        ApiClient.Response product = shop.admin.post(
                "/api/v1/products",
                Map.of(
                        "sku",
                        cap,
                        "name",
                        "Cap",
                        "price",
                        "10.00",
                        "currency",
                        "EUR",
                        "tax_rate",
                        "0",
                        "barcodes",
                        List.of(secondBarcode, firstBarcode)));
        assertThat(product.status()).as(product.text()).isEqualTo(201);
        shop.shop.setStock(product.id(), shop.outletA, 10);
        FulfillmentFixture.Staff ofBoth = shop.staff(shop.outletA, shop.outletB);
        JsonNode atA = shop.fulfillmentOf(shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(cap, 2, "20.00", "20.00", "0.00")
                .totals("20.00", "0.00")));
        JsonNode atB = shop.fulfillmentOf(shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.mug, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00")));

        assertThat(atA.path("outlet_id").asText()).isEqualTo(shop.outletA);
        assertThat(atB.path("outlet_id").asText()).isEqualTo(shop.outletB);
        assertThat(scan(ofBoth.api(), atA, firstBarcode).status()).isEqualTo(200);
        assertThat(scan(ofBoth.api(), atA, secondBarcode).json().path("picking").asText())
                .isEqualTo("complete");
        assertThat(scan(ofBoth.api(), atB, shop.mugBarcode).status()).isEqualTo(200);
        List<String> barcodes = new ArrayList<>();
        shop.admin
                .get("/api/v1/products/" + product.id())
                .json()
                .path("barcodes")
                .forEach(b -> barcodes.add(b.asText()));
        assertThat(barcodes).containsExactly(firstBarcode, secondBarcode);
    }

    @Test
    void aPartlyPickedOrderSaysWhatIsLeftAndABlankOrMangledScanIsABadRequest() {
        JsonNode sale = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 2, "20.00", "20.00", "0.00")
                .line("NO-SUCH-SKU", 1, "5.00", "5.00", "0.00")
                .totals("25.00", "0.00"));
        JsonNode f = shop.fulfillmentOf(sale);
        ApiClient picker = shop.staffA.api();
        scan(picker, f, shop.teeBarcode);

        ApiClient.Response unknown = scan(picker, f, "NO-SUCH-SKU");
        ApiClient.Response blank = scan(picker, f, "\r\n");
        ApiClient.Response inner = scan(picker, f, "871\u0001" + shop.teeBarcode);

        assertThat(message(unknown))
                .contains("Left to pick: 1 × Item " + shop.tee + " (" + shop.tee + ")")
                .contains("1 × Item NO-SUCH-SKU (NO-SUCH-SKU, no product: pick it by hand)");
        assertThat(List.of(blank, inner)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("invalid_request");
        });
    }

    @Test
    void notesAndTheAssigneeAreSetThroughTheScannerAndShownInTheList() {
        JsonNode sale = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        JsonNode f = shop.fulfillmentOf(sale);
        ApiClient picker = shop.staffA.api();
        FulfillmentFixture.Staff elsewhere = shop.staff(shop.outletB);

        ApiClient.Response note = act(picker, f, "notes", Map.of("text", "  Box slightly damaged  "));
        ApiClient.Response assigned = assign(picker, f, shop.staffA.id());
        ApiClient.Response notPermitted = assign(picker, f, elsewhere.id());
        ApiClient.Response noSuchUser = assign(picker, f, "01a20455-f9c2-780c-a340-c1668a325211");
        ApiClient.Response blankNote = act(picker, f, "notes", Map.of("text", " "));

        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().path("notes"))
                .singleElement()
                .satisfies(n -> assertThat(n.asText()).isEqualTo("Box slightly damaged"));
        assertThat(note.json().path("status").asText())
                .as("a note starts nothing")
                .isEqualTo("new");
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().path("assigned_user_id").asText()).isEqualTo(shop.staffA.id());
        assertThat(assigned.json().path("status").asText()).isEqualTo("in_progress");
        assertThat(notPermitted.status()).isEqualTo(422);
        assertThat(notPermitted.errorCode()).isEqualTo("assignee_not_permitted");
        assertThat(noSuchUser.errorCode()).isEqualTo("user_not_found");
        assertThat(blankNote.status()).isEqualTo(400);
        JsonNode listed = shop.admin
                .get("/api/v1/fulfillments?assigned_user_id=" + shop.staffA.id() + "&outlet_id=" + shop.outletA)
                .json()
                .path("items");
        assertThat(listed).singleElement().satisfies(l -> {
            assertThat(l.path("id").asText()).isEqualTo(f.path("id").asText());
            assertThat(l.path("notes").get(0).asText()).isEqualTo("Box slightly damaged");
        });
        Map<String, Object> unassign = new HashMap<>();
        unassign.put("user_id", null);
        JsonNode unassigned = picker.put("/api/v1/fulfillments/" + f.path("id").asText() + "/assignee", unassign)
                .json();
        assertThat(unassigned.path("assigned_user_id").isNull()).isTrue();
        assertThat(unassigned.path("status").asText()).isEqualTo("in_progress");
        assertThat(events(sale))
                .extracting(e -> e.payload().get("change"))
                .containsExactly("note", "assignee", "assignee");
    }

    @Test
    void aScannedPackingSlipFindsItsFulfillmentByTheReceiptNumber() {
        JsonNode sale = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        String receipt = sale.path("receipt_number").asText();

        JsonNode found = shop.staffA
                .api()
                .get("/api/v1/fulfillments?barcode="
                        + URLEncoder.encode("\u0002" + receipt + "\r\n", StandardCharsets.UTF_8))
                .json()
                .path("items");
        JsonNode nothing = shop.admin
                .get("/api/v1/fulfillments?barcode=NO-SUCH-RECEIPT")
                .json()
                .path("items");

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.path("sale_id").asText()).isEqualTo(sale.path("id").asText());
            assertThat(f.path("receipt_number").asText()).isEqualTo(receipt);
        });
        assertThat(nothing).isEmpty();
    }

    @Test
    void theOpenOrdersListOldestOrderFirstPageAfterPageAndTheCompletedOnesOnlyOnRequest() {
        Instant now = Instant.now();
        JsonNode newer = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .modifiedAt(now.minusSeconds(3_600))
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        JsonNode older = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .modifiedAt(now.minusSeconds(7_200))
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        JsonNode newest = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        JsonNode done = shop.fulfillmentOf(newest);
        act(shop.staffA.api(), done, "pack");
        assertThat(act(shop.staffA.api(), done, "ship").status()).isEqualTo(200);

        List<String> open = pages("/api/v1/fulfillments?limit=1&channel_id=" + shop.channel);
        List<String> any = pages("/api/v1/fulfillments?limit=2&status=any&channel_id=" + shop.channel);

        assertThat(open).containsExactly(id(older), id(newer));
        assertThat(any).containsExactly(id(older), id(newer), done.path("id").asText());
        assertThat(pages("/api/v1/fulfillments?status=shipped,picked_up&channel_id=" + shop.channel))
                .containsExactly(done.path("id").asText());
    }

    @Test
    void staffOfOneOutletNeitherSeeNorTouchAnotherOutletsFulfillments() {
        JsonNode sale = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.mug, 1, "10.00", "10.00", "0.00")
                .shipping("local_pickup", "Pickup at B", "0.00", "0.00")
                .totals("10.00", "0.00"));
        JsonNode atB = shop.fulfillmentOf(sale);
        ApiClient staffA = shop.staffA.api();

        assertThat(staffA.get("/api/v1/fulfillments?status=any&channel_id=" + shop.channel)
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(staffA.get("/api/v1/fulfillments?outlet_id=" + shop.outletB).errorCode())
                .isEqualTo("outlet_forbidden");
        assertThat(staffA.get("/api/v1/fulfillments/" + atB.path("id").asText()).status())
                .isEqualTo(403);
        List<ApiClient.Response> refused = List.of(
                act(staffA, atB, "pack"),
                act(staffA, atB, "pickup"),
                act(staffA, atB, "ship"),
                scan(staffA, atB, shop.mugBarcode),
                act(staffA, atB, "notes", Map.of("text", "mine now")),
                assign(staffA, atB, shop.staffA.id()));
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.errorCode()).isEqualTo("outlet_forbidden");
        });
        assertThat(shop.staffB
                        .api()
                        .get("/api/v1/fulfillments?channel_id=" + shop.channel)
                        .json()
                        .path("items"))
                .singleElement()
                .satisfies(f -> assertThat(f.path("id").asText())
                        .isEqualTo(atB.path("id").asText()));
        assertThat(shop.fulfillmentOf(sale).path("status").asText()).isEqualTo("new");
        assertThat(eventTypes(sale)).isEmpty();
    }

    private ApiClient.Response assign(ApiClient as, JsonNode f, String userId) {
        return as.put("/api/v1/fulfillments/" + f.path("id").asText() + "/assignee", Map.of("user_id", userId));
    }

    /** Every id a list gives, following next_cursor. */
    private List<String> pages(String path) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = shop.admin
                    .get(path + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.path("items").forEach(f -> ids.add(f.path("id").asText()));
            cursor = page.path("next_cursor").isNull()
                    ? null
                    : page.path("next_cursor").asText();
        } while (cursor != null);
        return ids;
    }

    private String id(JsonNode sale) {
        return shop.fulfillmentOf(sale).path("id").asText();
    }

    private static String message(ApiClient.Response response) {
        return response.json().path("error").path("message").asText();
    }
}
