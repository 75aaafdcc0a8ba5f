package org.storeline.core.fulfillment;

/** Port: prints packing slips and pick lists (the documents module does it with PDFBox). */
public interface PackingSlips {
    /** The document as a PDF file, on paper of this size; long ones flow onto several pages. */
    byte[] pdf(PackingSlip slip, PaperSize size);
}
