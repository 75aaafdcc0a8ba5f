package org.storeline.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes a document top to bottom: a cursor ({@link #y}) moves down the page, and content that does not fit
 * below it goes on a new page, which {@link #onNewPage} heads (a table's header row, say). Every text passes
 * through {@link WinAnsi} before it is measured or shown, so no customer's text can make the font refuse it.
 */
final class PageFlow {
    /** Drawing that may fail as PDFBox's output does. */
    interface Drawing {
        void draw() throws IOException;
    }

    private static final String ELLIPSIS = "…";

    private final PDDocument document;
    private final Sheet sheet;
    private PDPageContentStream out;
    private float y;
    private Drawing heading = () -> {};

    PageFlow(PDDocument document, Sheet sheet) throws IOException {
        this.document = document;
        this.sheet = sheet;
        startPage();
    }

    Sheet sheet() {
        return sheet;
    }

    float y() {
        return y;
    }

    void down(float distance) {
        y -= distance;
    }

    void moveTo(float newY) {
        y = newY;
    }

    /** What every page after this one starts with, below the top margin. */
    void onNewPage(Drawing drawing) {
        heading = drawing;
    }

    /** Makes room for {@code height} below the cursor: a new page (and its heading) when this one is full. */
    void room(float height) throws IOException {
        if (y - height < sheet.bottom()) {
            out.close();
            startPage();
            heading.draw();
        }
    }

    private void startPage() throws IOException {
        PDPage page = new PDPage(sheet.box());
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        out.setNonStrokingColor(0f);
        out.setStrokingColor(0f);
        y = sheet.top();
    }

    /** Text with its baseline at the cursor. */
    void text(PDFont font, float size, float x, String text) throws IOException {
        String shown = WinAnsi.text(text);
        if (shown.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(shown);
        out.endText();
    }

    /** Text with its baseline at the cursor, ending at {@code right}. */
    void textRight(PDFont font, float size, float right, String text) throws IOException {
        text(font, size, right - width(font, size, text), text);
    }

    void fillRectangle(float x, float bottom, float width, float height) throws IOException {
        out.addRect(x, bottom, width, height);
        out.fill();
    }

    void strokeRectangle(float x, float bottom, float width, float height, float lineWidth) throws IOException {
        out.setLineWidth(lineWidth);
        out.addRect(x, bottom, width, height);
        out.stroke();
    }

    /** A horizontal rule at the cursor. */
    void rule(float from, float to, float lineWidth) throws IOException {
        out.setLineWidth(lineWidth);
        out.moveTo(from, y);
        out.lineTo(to, y);
        out.stroke();
    }

    void close() throws IOException {
        out.close();
    }

    static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(WinAnsi.text(text)) / 1000 * size;
    }

    /**
     * The text broken into lines no wider than {@code width}: at spaces, inside a word only when the word alone is
     * wider; each line break of the text starts a new line. Past {@code maxLines} the last line ends in "…".
     */
    static List<String> wrap(PDFont font, float size, String text, float width, int maxLines) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            wrapParagraph(font, size, WinAnsi.text(paragraph).strip(), width, lines);
        }
        while (lines.size() > 1 && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            kept.set(maxLines - 1, fitWithEllipsis(font, size, kept.get(maxLines - 1), width));
            return kept;
        }
        return lines;
    }

    private static void wrapParagraph(PDFont font, float size, String paragraph, float width, List<String> lines)
            throws IOException {
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > width) {
                int cut = longestFit(font, size, rest, width);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
    }

    /** How many characters of {@code text} fit in {@code width}: at least one, so a cut always moves on. */
    private static int longestFit(PDFont font, float size, String text, float width) throws IOException {
        int fit = 1;
        while (fit < text.length() && width(font, size, text.substring(0, fit + 1)) <= width) {
            fit++;
        }
        return fit;
    }

    private static String fitWithEllipsis(PDFont font, float size, String line, float width) throws IOException {
        String shortened = line;
        while (!shortened.isEmpty() && width(font, size, shortened + ELLIPSIS) > width) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened.stripTrailing() + ELLIPSIS;
    }
}
