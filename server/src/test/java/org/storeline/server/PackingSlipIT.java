package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * FUL-3's documents over HTTP: an order imported through the webhook, then its fulfillment's packing slip fetched
 * as a PDF, read back as text, measured, and its barcode scanned from the rendered page.
 */
class PackingSlipIT {
    private static final AtomicLong ORDER_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L + 7_000);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private String outlet;
    private String channel;
    private String tee;
    private String mug;

    @BeforeEach
    void aFrenchSpeakingOutletWithAWebShop() {
        ApiClient.Response created = admin.post(
                "/api/v1/outlets",
                Map.of("name", Shop.unique("Liège"), "time_zone", "Europe/Brussels", "language", "fr"));
        assertThat(created.status()).isEqualTo(201);
        outlet = created.id();
        String register = shop.register(outlet);
        channel = shop.wooChannel(register, List.of(outlet), Map.of(), false, "http://127.0.0.1:9");
        tee = Shop.unique("TEE");
        mug = Shop.unique("MUG");
        shop.setStock(shop.productWithSku(tee, "10.00"), outlet, 10);
        shop.setStock(shop.productWithSku(mug, "5.00"), outlet, 10);
    }

    /** Two units of the T-shirt, one mug, three of a SKU the catalog lacks, and a shipping fee. */
    private JsonNode importedOrder() {
        WooCommerceOrders order = WooCommerceOrders.order(ORDER_IDS.incrementAndGet())
                .customer("Zoé", "Dubois-山田", Shop.unique("zoe") + "@example.com")
                .line(tee, 2, "20.00", "20.00", "4.20")
                .line(mug, 1, "5.00", "5.00", "1.05")
                .line("NOWHERE-" + UUID.randomUUID().toString().substring(0, 6), 3, "12.00", "12.00", "0.00")
                .shipping("flat_rate", "Flat Rate", "5.00", "0.00")
                .totals("47.25", "5.25");
        assertThat(order.deliver(admin, channel, "order.created").status()).isEqualTo(200);
        JsonNode sale = OrderImportScenarioIT.await(
                () -> {
                    JsonNode items = admin.get("/api/v1/sales?channel_id=" + channel)
                            .json()
                            .path("items");
                    return items.isEmpty() ? null : items.get(0);
                },
                "the order's sale");
        return admin.get("/api/v1/sales/" + sale.path("id").asText()).json();
    }

    private JsonNode fulfillmentOf(JsonNode sale) {
        JsonNode items = admin.get(
                        "/api/v1/fulfillments?sale_id=" + sale.path("id").asText())
                .json()
                .path("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    @Test
    void aDeliverysPackingSlipIsAPdfInTheOutletsLanguageWithItsItemsAndReceiptNumber() {
        JsonNode sale = importedOrder();
        JsonNode fulfillment = fulfillmentOf(sale);
        String receipt = fulfillment.path("receipt_number").asText();

        HttpResponse<byte[]> answer =
                pdf(admin, "/api/v1/fulfillments/" + fulfillment.path("id").asText() + "/packing-slip.pdf");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(answer.headers().firstValue("Content-Disposition"))
                .contains("inline; filename=\"" + receipt + ".pdf\"");
        String text = text(answer.body());
        String soldAt = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.FRENCH)
                .format(Instant.parse(sale.path("created_at").asText()).atZone(ZoneId.of("Europe/Brussels")));
        assertThat(text)
                .contains("Bordereau d'expédition")
                .contains("Numéro de reçu " + receipt)
                .contains("Date de la commande " + soldAt)
                .contains("Type Livraison")
                .contains("Mode d'expédition Flat Rate")
                .contains("Client Zoé Dubois-??")
                .contains("Adresse de livraison")
                .contains("969 Market")
                .contains("2 " + tee)
                .contains("1 " + mug)
                .contains("3 NOWHERE-")
                .contains("Non associé")
                .contains("6 Total des unités");
        JsonNode fee = shippingFeeLine(sale);
        assertThat(text).doesNotContain(fee.path("sku").asText());
        assertThat(mediaBox(answer.body())).isEqualTo(List.of(595.28f, 841.89f));
        assertThat(scan(answer.body())).contains(receipt);
    }

    @Test
    void aLabelIsFourBySixInchesAndItsBarcodeScansAsTheReceiptNumber() {
        JsonNode fulfillment = fulfillmentOf(importedOrder());

        HttpResponse<byte[]> answer =
                pdf(admin, "/api/v1/fulfillments/" + fulfillment.path("id").asText() + "/packing-slip.pdf?size=label");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(mediaBox(answer.body())).isEqualTo(List.of(288f, 432f));
        assertThat(scan(answer.body()))
                .contains(fulfillment.path("receipt_number").asText());
    }

    @Test
    void onlyUsersPermittedForTheOutletMayPrintIt() {
        String path = "/api/v1/fulfillments/"
                + fulfillmentOf(importedOrder()).path("id").asText() + "/packing-slip.pdf";
        ApiClient elsewhere = admin.as(shop.staffToken(shop.outlet("Elsewhere")));
        ApiClient here = admin.as(shop.staffToken(outlet));

        ApiClient.Response refused = elsewhere.get(path);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("outlet_forbidden");
        assertThat(pdf(here, path).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownFulfillmentOrPaperSizeIsRefusedWithAStableCode() {
        String path = "/api/v1/fulfillments/"
                + fulfillmentOf(importedOrder()).path("id").asText() + "/packing-slip.pdf";

        ApiClient.Response badSize = admin.get(path + "?size=letter");
        ApiClient.Response unknown = admin.get("/api/v1/fulfillments/" + UUID.randomUUID() + "/packing-slip.pdf");

        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.errorCode()).isEqualTo("invalid_request");
        assertThat(badSize.json().path("error").path("message").asText())
                .contains("size")
                .contains("letter");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("fulfillment_not_found");
    }

    private static JsonNode shippingFeeLine(JsonNode sale) {
        for (JsonNode line : sale.path("lines")) {
            if (line.path("is_shipping_fee").asBoolean()) {
                return line;
            }
        }
        throw new AssertionError("No shipping fee line in " + sale);
    }

    /** The answer's bytes, after {@link ApiClient} held the same request's answer to the OpenAPI document. */
    private static HttpResponse<byte[]> pdf(ApiClient client, String path) {
        client.send(client.request(path).GET());
        try {
            return HTTP.send(client.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first page's width and height in points, to a hundredth. */
    private static List<Float> mediaBox(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDRectangle box = document.getPage(0).getMediaBox();
            return List.of(Math.round(box.getWidth() * 100) / 100f, Math.round(box.getHeight() * 100) / 100f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a Code 128 scanner reads on the first page printed at 200 dpi. */
    private static Optional<String> scan(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.RGB);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            BinaryBitmap bitmap = new BinaryBitmap(
                    new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            return Optional.of(new MultiFormatReader()
                    .decode(
                            bitmap,
                            Map.of(
                                    DecodeHintType.POSSIBLE_FORMATS,
                                    List.of(BarcodeFormat.CODE_128),
                                    DecodeHintType.TRY_HARDER,
                                    Boolean.TRUE))
                    .getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
