package org.storeline.documents;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.storeline.core.fulfillment.PaperSize;

/**
 * The geometry of one paper size, in PDF points (1/72 inch): an A4 sheet for an office printer, or a 4×6-inch
 * label for a thermal label printer, where everything is smaller and the barcode spans the label.
 *
 * @param module the widest a barcode module (its narrowest bar) may be; narrower when the number is long
 * @param barcodeBesideTitle the barcode sits at the top right, beside the title (A4), or under it (label)
 */
record Sheet(
        PDRectangle box,
        float margin,
        float title,
        float body,
        float small,
        float barHeight,
        float module,
        boolean barcodeBesideTitle) {

    private static final float INCH = 72;

    static Sheet of(PaperSize size) {
        return switch (size) {
            case A4 -> new Sheet(PDRectangle.A4, 42, 20, 10, 8, 52, 1.5f, true);
            case LABEL -> new Sheet(new PDRectangle(4 * INCH, 6 * INCH), 14, 13, 8, 6.5f, 44, 2f, false);
        };
    }

    float width() {
        return box.getWidth();
    }

    float height() {
        return box.getHeight();
    }

    float left() {
        return margin;
    }

    float right() {
        return width() - margin;
    }

    float contentWidth() {
        return right() - left();
    }

    float top() {
        return height() - margin;
    }

    /** The lowest a line of content may sit: the footer (receipt number, page) has the space below. */
    float bottom() {
        return margin + 2 * small;
    }

    static float leading(float size) {
        return size * 1.3f;
    }
}
