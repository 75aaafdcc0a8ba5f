package org.storeline.documents;

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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.PackingSlip;
import org.storeline.core.outlet.Language;

/** Slips for the tests, and the tools to read a PDF back as a person or a scanner would. */
final class Slips {
    static final ZonedDateTime ORDERED = ZonedDateTime.of(2026, 12, 7, 14, 5, 0, 0, ZoneId.of("Europe/Brussels"));

    private Slips() {}

    static PackingSlip slip(Language language, FulfillmentType type, List<PackingSlip.Line> lines) {
        return new PackingSlip(
                type,
                language,
                "Bruxelles Centre",
                "1-000042",
                Optional.of("#727"),
                ORDERED,
                Optional.of("Zoé Dubois <zoe@example.com>, +32 2 123 45 67"),
                Optional.of("Colissimo"),
                List.of("Zoé Dubois", "12 rue de la Paix", "1000 Bruxelles"),
                Optional.of("Sonnez deux fois."),
                List.of(),
                lines,
                List.of());
    }

    static PackingSlip delivery(Language language) {
        return slip(
                language,
                FulfillmentType.DELIVERY,
                List.of(
                        new PackingSlip.Line("TEE-BLUE-M", "T-shirt bleu, taille M", 2, false),
                        new PackingSlip.Line("MUG-01", "Mug émaillé", 5, false),
                        new PackingSlip.Line("GHOST-9", "Article inconnu", 1, true)));
    }

    static List<PackingSlip.Line> manyLines(int count) {
        List<PackingSlip.Line> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(new PackingSlip.Line("SKU-" + i, "Product number " + i, i % 7 + 1, false));
        }
        return lines;
    }

    static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pages(byte[] pdf) {
        try (PDDocument document = load(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PDRectangle mediaBox(byte[] pdf, int pageIndex) {
        try (PDDocument document = load(pdf)) {
            return document.getPage(pageIndex).getMediaBox();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text a PDF reader extracts, line by line as printed. */
    static String text(byte[] pdf) {
        try (PDDocument document = load(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a Code 128 scanner reads on the page printed at 200 dpi, or empty when it finds no barcode. */
    static Optional<String> scan(byte[] pdf, int pageIndex) {
        try (PDDocument document = load(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(pageIndex, 200, ImageType.RGB);
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
