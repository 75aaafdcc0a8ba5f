package org.storeline.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.storeline.core.fulfillment.PackingSlip;
import org.storeline.core.fulfillment.PackingSlips;
import org.storeline.core.fulfillment.PaperSize;

/** Packing slips and pick lists as PDF, with Apache PDFBox: the standard 14 fonts, a Code 128 barcode by ZXing. */
public final class PdfBoxPackingSlips implements PackingSlips {
    /** The document's three faces of Helvetica, made for each document (a font belongs to the document using it). */
    record Fonts(PDFont regular, PDFont bold, PDFont oblique) {
        static Fonts helvetica() {
            return new Fonts(
                    new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                    new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD),
                    new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE));
        }
    }

    @Override
    public byte[] pdf(PackingSlip slip, PaperSize size) {
        SlipWords words = SlipWords.of(slip.language());
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(WinAnsi.text(words.title(slip.isPickList()) + " " + slip.receiptNumber()));
            info.setCreator("Storeline");
            document.getDocumentCatalog().setLanguage(slip.language().wireName());
            new SlipLayout(document, Sheet.of(size), Fonts.helvetica(), words, slip).write();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the packing slip of " + slip.receiptNumber(), e);
        }
    }
}
