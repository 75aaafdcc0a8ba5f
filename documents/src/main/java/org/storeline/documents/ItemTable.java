package org.storeline.documents;

import java.io.IOException;
import java.util.List;
import org.storeline.core.fulfillment.PackingSlip;

/**
 * The items to pick, one row each: a box to tick, the quantity, the SKU and the name (both wrapped), and under an
 * unmatched item's name a line saying it matched no product. A row never splits across pages; the header row is
 * repeated at the top of each page the table runs onto.
 */
final class ItemTable {
    private static final int MAX_SKU_LINES = 4;
    private static final int MAX_NAME_LINES = 12;

    private final PageFlow page;
    private final PdfBoxPackingSlips.Fonts fonts;
    private final SlipWords words;
    private final List<PackingSlip.Line> lines;
    private final Sheet sheet;
    private final float size;
    private final float leading;
    private final float box;
    private final float quantityRight;
    private final float skuX;
    private final float skuWidth;
    private final float nameX;
    private final float nameWidth;

    ItemTable(PageFlow page, PdfBoxPackingSlips.Fonts fonts, SlipWords words, List<PackingSlip.Line> lines)
            throws IOException {
        this.page = page;
        this.fonts = fonts;
        this.words = words;
        this.lines = lines;
        this.sheet = page.sheet();
        this.size = sheet.body();
        this.leading = Sheet.leading(size);
        this.box = size * 0.9f;
        float gap = size;
        float quantityWidth = PageFlow.width(fonts.bold(), size, words.quantity());
        float skuWanted = PageFlow.width(fonts.bold(), size, words.sku());
        for (PackingSlip.Line line : lines) {
            quantityWidth = Math.max(quantityWidth, PageFlow.width(fonts.regular(), size, quantity(line)));
            skuWanted = Math.max(skuWanted, PageFlow.width(fonts.regular(), size, line.sku()));
        }
        this.quantityRight = sheet.left() + box + gap + quantityWidth;
        this.skuX = quantityRight + gap;
        this.skuWidth = Math.min(skuWanted, sheet.contentWidth() * 0.3f);
        this.nameX = skuX + skuWidth + gap;
        this.nameWidth = sheet.right() - nameX;
    }

    void write() throws IOException {
        header();
        for (PackingSlip.Line line : lines) {
            row(line);
        }
    }

    /** The header row; with room for one line of the first row under it, so it never ends a page alone. */
    void header() throws IOException {
        page.room(leading * 2.6f);
        page.down(leading);
        page.textRight(fonts.bold(), size, quantityRight, words.quantity());
        page.text(fonts.bold(), size, skuX, words.sku());
        page.text(fonts.bold(), size, nameX, words.item());
        page.down(leading * 0.35f);
        page.rule(sheet.left(), sheet.right(), 0.6f);
    }

    private void row(PackingSlip.Line line) throws IOException {
        List<String> sku = PageFlow.wrap(fonts.regular(), size, line.sku(), skuWidth, MAX_SKU_LINES);
        List<String> name = PageFlow.wrap(fonts.regular(), size, line.name(), nameWidth, MAX_NAME_LINES);
        List<String> marker =
                line.unmatched() ? PageFlow.wrap(fonts.oblique(), size, words.unmatched(), nameWidth, 3) : List.of();
        int height = Math.max(sku.size(), name.size() + marker.size());
        page.room(height * leading + leading * 0.4f);
        for (int i = 0; i < height; i++) {
            page.down(leading);
            if (i == 0) {
                page.strokeRectangle(sheet.left(), page.y() - size * 0.1f, box, box, 0.7f);
                page.textRight(fonts.bold(), size, quantityRight, quantity(line));
            }
            if (i < sku.size()) {
                page.text(fonts.regular(), size, skuX, sku.get(i));
            }
            if (i < name.size()) {
                page.text(fonts.regular(), size, nameX, name.get(i));
            } else if (i - name.size() < marker.size()) {
                page.text(fonts.oblique(), size, nameX, marker.get(i - name.size()));
            }
        }
        page.down(leading * 0.4f);
        page.rule(sheet.left(), sheet.right(), 0.25f);
    }

    /** The units of every row, under the quantities. */
    void total(long units) throws IOException {
        page.room(leading * 1.5f);
        page.down(leading * 1.2f);
        page.textRight(fonts.bold(), size, quantityRight, Long.toString(units));
        page.text(fonts.bold(), size, skuX, words.units());
    }

    private static String quantity(PackingSlip.Line line) {
        return Long.toString(line.quantity());
    }
}
