package org.storeline.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.PackingSlip;
import org.storeline.core.fulfillment.PaperSize;
import org.storeline.core.outlet.Language;

class PdfBoxPackingSlipsTest {
    private final PdfBoxPackingSlips slips = new PdfBoxPackingSlips();

    @Test
    void aPackingSlipListsTheItemsWithTheirQuantitiesAndTheReceiptNumber() {
        String text = Slips.text(slips.pdf(Slips.delivery(Language.EN), PaperSize.A4));

        assertThat(text)
                .contains("Packing slip")
                .contains("Bruxelles Centre")
                .contains("Receipt number 1-000042")
                .contains("Order #727")
                .contains("Order date 7 December 2026, 14:05")
                .contains("Type Delivery")
                .contains("Shipping method Colissimo")
                .contains("Customer Zoé Dubois <zoe@example.com>, +32 2 123 45 67")
                .contains("Delivery address Zoé Dubois")
                .contains("12 rue de la Paix")
                .contains("Customer's note Sonnez deux fois.")
                .contains("Qty SKU Item")
                .contains("2 TEE-BLUE-M T-shirt bleu, taille M")
                .contains("5 MUG-01 Mug émaillé")
                .contains("1 GHOST-9 Article inconnu")
                .contains("8 Total units")
                .contains("Page 1 / 1");
    }

    @Test
    void anUnmatchedItemIsMarkedAndOnlyIt() {
        String text = Slips.text(slips.pdf(Slips.delivery(Language.EN), PaperSize.A4));

        assertThat(text).containsOnlyOnce("Unmatched");
        assertThat(text.substring(text.indexOf("GHOST-9"))).contains("Unmatched: no product in the catalog");
    }

    @Test
    void aFrenchOutletsSlipSpeaksFrench() {
        String text = Slips.text(slips.pdf(Slips.delivery(Language.FR), PaperSize.A4));

        assertThat(text)
                .contains("Bordereau d'expédition")
                .contains("Numéro de reçu 1-000042")
                .contains("Date de la commande 7 décembre 2026, 14:05")
                .contains("Type Livraison")
                .contains("Mode d'expédition Colissimo")
                .contains("Client Zoé Dubois")
                .contains("Adresse de livraison")
                .contains("Note du client")
                .contains("QTÉ SKU Article")
                .contains("5 MUG-01 Mug émaillé")
                .contains("Non associé")
                .contains("8 Total des unités")
                .doesNotContain("Packing slip", "Customer");
    }

    @Test
    void aDutchOutletsSlipSpeaksDutch() {
        String text = Slips.text(slips.pdf(Slips.delivery(Language.NL), PaperSize.A4));

        assertThat(text)
                .contains("Pakbon")
                .contains("Bonnummer 1-000042")
                .contains("Besteldatum 7 december 2026, 14:05")
                .contains("Type Verzending")
                .contains("Verzendmethode Colissimo")
                .contains("Klant Zoé Dubois")
                .contains("Leveradres")
                .contains("Aantal SKU Artikel")
                .contains("2 TEE-BLUE-M")
                .contains("Niet gekoppeld")
                .contains("8 Totaal aantal stuks")
                .contains("Pagina 1 / 1")
                .doesNotContain("Packing slip", "Customer");
    }

    @Test
    void aPickupGetsAPickListInTheOutletsLanguage() {
        List<PackingSlip.Line> lines = List.of(new PackingSlip.Line("TEE", "T-shirt", 3, false));

        assertThat(Slips.text(slips.pdf(Slips.slip(Language.EN, FulfillmentType.PICKUP, lines), PaperSize.A4)))
                .contains("Pick list")
                .contains("Type Pickup")
                .doesNotContain("Packing slip");
        assertThat(Slips.text(slips.pdf(Slips.slip(Language.FR, FulfillmentType.PICKUP, lines), PaperSize.A4)))
                .contains("Liste de prélèvement")
                .contains("Type Ramassage");
        assertThat(Slips.text(slips.pdf(Slips.slip(Language.NL, FulfillmentType.PICKUP, lines), PaperSize.LABEL)))
                .contains("Verzamellijst")
                .contains("Type Afhalen");
    }

    @Test
    void anA4SlipIsOnA4Paper() {
        PDRectangle box = Slips.mediaBox(slips.pdf(Slips.delivery(Language.EN), PaperSize.A4), 0);

        assertThat(box.getWidth()).isCloseTo(210 / 25.4f * 72, within(0.5f));
        assertThat(box.getHeight()).isCloseTo(297 / 25.4f * 72, within(0.5f));
    }

    @Test
    void aLabelIsFourBySixInches() {
        PDRectangle box = Slips.mediaBox(slips.pdf(Slips.delivery(Language.EN), PaperSize.LABEL), 0);

        assertThat(box.getWidth()).isEqualTo(4 * 72f);
        assertThat(box.getHeight()).isEqualTo(6 * 72f);
    }

    @ParameterizedTest
    @EnumSource(PaperSize.class)
    void aScannerReadsTheBarcodeAsExactlyTheReceiptNumber(PaperSize size) {
        byte[] pdf = slips.pdf(Slips.delivery(Language.FR), size);

        assertThat(Slips.scan(pdf, 0)).contains("1-000042");
    }

    @ParameterizedTest
    @EnumSource(PaperSize.class)
    void aLongerReceiptNumberStillFitsAndScans(PaperSize size) {
        PackingSlip slip = Slips.delivery(Language.EN);
        PackingSlip longer = new PackingSlip(
                slip.type(),
                slip.language(),
                slip.outletName(),
                "123-0045678901",
                slip.orderNumber(),
                slip.orderedAt(),
                slip.customer(),
                slip.shippingMethod(),
                slip.address(),
                slip.customerNote(),
                slip.saleNote(),
                slip.lines(),
                slip.notes());

        assertThat(Slips.scan(slips.pdf(longer, size), 0)).contains("123-0045678901");
    }

    @ParameterizedTest
    @EnumSource(PaperSize.class)
    void aThreeHundredLineOrderFlowsOntoSeveralPagesWithEveryItem(PaperSize size) {
        PackingSlip slip = Slips.slip(Language.EN, FulfillmentType.DELIVERY, Slips.manyLines(300));

        byte[] pdf = slips.pdf(slip, size);

        int pages = Slips.pages(pdf);
        assertThat(pages).isGreaterThan(2);
        String text = Slips.text(pdf);
        for (PackingSlip.Line line : slip.lines()) {
            assertThat(text).contains(line.quantity() + " " + line.sku() + " " + line.name() + "\n");
        }
        assertThat(text).contains("Page 1 / " + pages).contains("Page " + pages + " / " + pages);
        assertThat(text).contains(slip.units() + " Total units");
        // Each page after the first says what it continues and repeats the table's header.
        assertThat(text.split("Packing slip · 1-000042", -1)).hasSize(2 * pages);
        assertThat(text.split("Qty SKU Item", -1)).hasSize(pages + 1);
        assertThat(Slips.mediaBox(pdf, pages - 1).toString())
                .isEqualTo(Slips.mediaBox(pdf, 0).toString());
        assertThat(Slips.scan(pdf, 0)).contains("1-000042");
        assertThat(Slips.scan(pdf, 1))
                .as("the barcode is on the first page only")
                .isEmpty();
    }

    @Test
    void namesInOtherScriptsDoNotBreakTheSlip() {
        PackingSlip slip = new PackingSlip(
                FulfillmentType.DELIVERY,
                Language.FR,
                "Gdańsk",
                "1-000042",
                Optional.empty(),
                Slips.ORDERED,
                Optional.of("Łukasz Żółć / 山田太郎 / Σωκράτης 🎁"),
                Optional.empty(),
                List.of("ul. Długa 1", "80-827 Gdańsk"),
                Optional.empty(),
                List.of(),
                List.of(new PackingSlip.Line("ZÓŁĆ-1", "Filiżanka ☕", 1, false)),
                List.of());

        for (PaperSize size : PaperSize.values()) {
            byte[] pdf = slips.pdf(slip, size);

            assertThat(Slips.text(pdf))
                    .contains("Lukasz Zólc / ???? / ???????? ?")
                    .contains("ul. Dluga 1")
                    .contains("ZÓLC-1 Filizanka ?")
                    .contains("Gdansk");
            assertThat(Slips.scan(pdf, 0)).contains("1-000042");
        }
    }

    @Test
    void fulfillmentNotesAndStaffsSaleNoteArePrintedWhenThereAreSome() {
        PackingSlip slip = Slips.delivery(Language.NL);
        PackingSlip noted = new PackingSlip(
                slip.type(),
                slip.language(),
                slip.outletName(),
                slip.receiptNumber(),
                slip.orderNumber(),
                slip.orderedAt(),
                slip.customer(),
                slip.shippingMethod(),
                slip.address(),
                slip.customerNote(),
                List.of("Klant belt eerst"),
                slip.lines(),
                List.of("Mok beschadigd", "Doos vervangen"));

        assertThat(Slips.text(slips.pdf(slip, PaperSize.A4)))
                .doesNotContain("Afhandelingsnotities")
                .doesNotContain("Verkoopnotitie");
        assertThat(Slips.text(slips.pdf(noted, PaperSize.A4)))
                .contains("Verkoopnotitie Klant belt eerst")
                .contains("Afhandelingsnotities • Mok beschadigd")
                .contains("• Doos vervangen");
    }
}
