package org.storeline.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.storeline.core.fulfillment.PackingSlip;

/**
 * One slip laid out: the title, the outlet and the receipt number's barcode at the top; the order's details in two
 * columns (field, value); the items to pick; the total; on every page a footer with the receipt number and the page.
 */
final class SlipLayout {
    private static final int MAX_VALUE_LINES = 40;

    private final PDDocument document;
    private final Sheet sheet;
    private final PdfBoxPackingSlips.Fonts fonts;
    private final SlipWords words;
    private final PackingSlip slip;
    private final String title;

    SlipLayout(PDDocument document, Sheet sheet, PdfBoxPackingSlips.Fonts fonts, SlipWords words, PackingSlip slip) {
        this.document = document;
        this.sheet = sheet;
        this.fonts = fonts;
        this.words = words;
        this.slip = slip;
        this.title = words.title(slip.isPickList());
    }

    void write() throws IOException {
        PageFlow page = new PageFlow(document, sheet);
        page.onNewPage(() -> continuation(page));
        header(page);
        details(page);
        ItemTable table = new ItemTable(page, fonts, words, slip.lines());
        page.onNewPage(() -> {
            continuation(page);
            table.header();
        });
        table.write();
        page.onNewPage(() -> continuation(page));
        table.total(slip.units());
        page.close();
        footers();
    }

    private void header(PageFlow page) throws IOException {
        Code128Bars bars = new Code128Bars(slip.receiptNumber());
        float top = sheet.top();
        if (sheet.barcodeBesideTitle()) {
            float module = bars.moduleFor(sheet.contentWidth() * 0.45f, sheet.module());
            float barX = sheet.right() - bars.width(module);
            page.moveTo(top - sheet.barHeight());
            float belowBarcode = barcode(page, bars, barX, module);
            page.moveTo(top);
            titleBlock(page, barX - Code128Bars.QUIET_ZONE * module - sheet.left());
            page.moveTo(Math.min(page.y(), belowBarcode));
        } else {
            page.moveTo(top);
            titleBlock(page, sheet.contentWidth());
            // The quiet zones may reach into the margins: blank paper is all they need.
            float module = bars.moduleFor(sheet.width(), sheet.module());
            page.down(Sheet.leading(sheet.body()) + sheet.barHeight());
            page.moveTo(barcode(page, bars, (sheet.width() - bars.width(module)) / 2, module));
        }
        page.down(Sheet.leading(sheet.body()) * 0.6f);
        page.rule(sheet.left(), sheet.right(), 0.8f);
        page.down(Sheet.leading(sheet.body()) * 0.4f);
    }

    /** The barcode with its bottom at the cursor, and the receipt number under it; answers the lowest point. */
    private float barcode(PageFlow page, Code128Bars bars, float x, float module) throws IOException {
        bars.draw(page, x, page.y(), module, sheet.barHeight());
        float size = sheet.body() + 1;
        page.down(Sheet.leading(size));
        float textWidth = PageFlow.width(fonts.bold(), size, slip.receiptNumber());
        page.text(fonts.bold(), size, x + (bars.width(module) - textWidth) / 2, slip.receiptNumber());
        return page.y() - size * 0.3f;
    }

    private void titleBlock(PageFlow page, float width) throws IOException {
        for (String line : PageFlow.wrap(fonts.bold(), sheet.title(), title, width, 2)) {
            page.down(Sheet.leading(sheet.title()));
            page.text(fonts.bold(), sheet.title(), sheet.left(), line);
        }
        float size = sheet.body() + 2;
        for (String line : PageFlow.wrap(fonts.regular(), size, slip.outletName(), width, 2)) {
            page.down(Sheet.leading(size));
            page.text(fonts.regular(), size, sheet.left(), line);
        }
    }

    private record Field(String label, List<String> values) {}

    private List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(words.receiptNumber(), List.of(slip.receiptNumber())));
        slip.orderNumber().ifPresent(n -> fields.add(new Field(words.order(), List.of(n))));
        fields.add(new Field(words.date(), List.of(words.dateFormat().format(slip.orderedAt()))));
        fields.add(new Field(words.type(), List.of(words.typeName(slip.type()))));
        slip.shippingMethod().ifPresent(m -> fields.add(new Field(words.shippingMethod(), List.of(m))));
        slip.customer().ifPresent(c -> fields.add(new Field(words.customer(), List.of(c))));
        if (!slip.address().isEmpty()) {
            fields.add(new Field(words.address(), slip.address()));
        }
        slip.customerNote().ifPresent(n -> fields.add(new Field(words.customerNote(), List.of(n))));
        if (!slip.saleNote().isEmpty()) {
            fields.add(new Field(words.saleNote(), slip.saleNote()));
        }
        if (!slip.notes().isEmpty()) {
            fields.add(new Field(
                    words.notes(), slip.notes().stream().map(n -> "• " + n).toList()));
        }
        return fields;
    }

    private void details(PageFlow page) throws IOException {
        List<Field> fields = fields();
        float gap = sheet.body();
        float labelWidth = 0;
        for (Field field : fields) {
            labelWidth = Math.max(labelWidth, PageFlow.width(fonts.bold(), sheet.body(), field.label()));
        }
        labelWidth = Math.min(labelWidth, sheet.contentWidth() * 0.35f);
        float valueX = sheet.left() + labelWidth + gap;
        float valueWidth = sheet.right() - valueX;
        float leading = Sheet.leading(sheet.body());
        for (Field field : fields) {
            List<String> labels = PageFlow.wrap(fonts.bold(), sheet.body(), field.label(), labelWidth, 3);
            List<String> values = new ArrayList<>();
            for (String value : field.values()) {
                values.addAll(PageFlow.wrap(fonts.regular(), sheet.body(), value, valueWidth, MAX_VALUE_LINES));
            }
            for (int i = 0; i < Math.max(labels.size(), values.size()); i++) {
                page.room(leading);
                page.down(leading);
                if (i < labels.size()) {
                    page.text(fonts.bold(), sheet.body(), sheet.left(), labels.get(i));
                }
                if (i < values.size()) {
                    page.text(fonts.regular(), sheet.body(), valueX, values.get(i));
                }
            }
            page.down(leading * 0.2f);
        }
        page.down(leading * 0.5f);
    }

    /** The top of every page after the first: which document it continues. */
    private void continuation(PageFlow page) throws IOException {
        page.down(Sheet.leading(sheet.body()));
        page.text(fonts.bold(), sheet.body(), sheet.left(), title + " · " + slip.receiptNumber());
        page.down(Sheet.leading(sheet.body()) * 0.5f);
    }

    /** Each page's foot: the document and receipt number, and "Page 2 / 3". */
    private void footers() throws IOException {
        int count = document.getNumberOfPages();
        int number = 0;
        for (PDPage pdfPage : document.getPages()) {
            number++;
            try (PDPageContentStream out =
                    new PDPageContentStream(document, pdfPage, PDPageContentStream.AppendMode.APPEND, true, true)) {
                float y = sheet.margin();
                String left = WinAnsi.text(title + " · " + slip.receiptNumber());
                String right = words.page() + " " + number + " / " + count;
                out.beginText();
                out.setFont(fonts.regular(), sheet.small());
                out.newLineAtOffset(sheet.left(), y);
                out.showText(left);
                out.endText();
                out.beginText();
                out.setFont(fonts.regular(), sheet.small());
                out.newLineAtOffset(sheet.right() - PageFlow.width(fonts.regular(), sheet.small(), right), y);
                out.showText(right);
                out.endText();
            }
        }
    }
}
