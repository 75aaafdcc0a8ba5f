package org.storeline.documents;

import com.google.zxing.oned.Code128Writer;
import java.io.IOException;

/**
 * A Code 128 barcode (ZXing encodes it), drawn as filled rectangles: vector bars print sharp at any printer's
 * resolution, where a bitmap would be resampled. Scanners need a quiet zone of {@link #QUIET_ZONE} modules of
 * blank paper on each side; the caller leaves it.
 */
final class Code128Bars {
    static final int QUIET_ZONE = 10;

    private final boolean[] modules;

    Code128Bars(String contents) {
        this.modules = new Code128Writer().encode(contents);
    }

    int modules() {
        return modules.length;
    }

    /** The module width that makes the barcode and its quiet zones fit {@code width}, at most {@code widest}. */
    float moduleFor(float width, float widest) {
        return Math.min(widest, width / (modules.length + 2 * QUIET_ZONE));
    }

    float width(float module) {
        return modules.length * module;
    }

    void draw(PageFlow page, float x, float bottom, float module, float height) throws IOException {
        int i = 0;
        while (i < modules.length) {
            if (!modules[i]) {
                i++;
                continue;
            }
            int end = i;
            while (end < modules.length && modules[end]) {
                end++;
            }
            page.fillRectangle(x + i * module, bottom, (end - i) * module, height);
            i = end;
        }
    }
}
