package org.storeline.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.BitSet;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Text as the standard 14 fonts can show it. They need no embedding, so a slip stays small and looks the same in
 * every viewer and printer, and their encoding (WinAnsi) holds every letter of English, French and Dutch (é, è,
 * ë, ç, œ, ĳ as ij ...). Anything else a customer typed is written as near as it can be, never refused: a letter
 * with a mark the encoding lacks loses the mark (ć → c, Ż → Z), a few letters have a plain look-alike (Ł → L), and
 * what has none (CJK, emoji) becomes {@code ?}. The full text stays in the sale; the slip is for the packer.
 */
final class WinAnsi {
    /** Every WinAnsi character is below U+2200 (the highest is ™, U+2122). */
    private static final int RANGE = 0x2200;

    private static final BitSet ENCODABLE = encodable();

    private static final Map<Integer, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry((int) 'Ł', "L"),
            Map.entry((int) 'ł', "l"),
            Map.entry((int) 'Đ', "D"),
            Map.entry((int) 'đ', "d"),
            Map.entry((int) 'Ħ', "H"),
            Map.entry((int) 'ħ', "h"),
            Map.entry((int) 'ı', "i"),
            Map.entry((int) 'Ŧ', "T"),
            Map.entry((int) 'ŧ', "t"),
            Map.entry(0x2010, "-"),
            Map.entry(0x2011, "-"),
            Map.entry(0x2212, "-"));

    private WinAnsi() {}

    /** The text with every character the fonts can show kept, the others replaced; line breaks become spaces. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> append(out, cp));
        return out.toString();
    }

    static boolean canShow(int codePoint) {
        return codePoint < RANGE && ENCODABLE.get(codePoint);
    }

    private static void append(StringBuilder out, int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            out.append(' ');
        } else if (canShow(cp)) {
            out.appendCodePoint(cp);
        } else if (LOOK_ALIKES.containsKey(cp)) {
            out.append(LOOK_ALIKES.get(cp));
        } else if (Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.NON_SPACING_MARK) {
            // Invisible: nothing to show.
        } else {
            out.append(decomposed(cp));
        }
    }

    /** The character's compatibility decomposition without its marks (ć → c, ﬁ → fi), or {@code ?}. */
    private static String decomposed(int cp) {
        String parts = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder();
        parts.codePoints()
                .filter(p -> Character.getType(p) != Character.NON_SPACING_MARK)
                .forEach(p -> kept.append(canShow(p) ? new String(Character.toChars(p)) : "?"));
        String result = kept.toString();
        return result.isEmpty() || result.contains("?") ? "?" : result;
    }

    /** What Helvetica (all standard 14 text fonts share its encoding and character set) can encode. */
    private static BitSet encodable() {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        BitSet encodable = new BitSet(RANGE);
        for (int cp = 0x20; cp < RANGE; cp++) {
            if (Character.isISOControl(cp) || Character.isSurrogate((char) cp)) {
                continue;
            }
            try {
                font.encode(String.valueOf((char) cp));
                encodable.set(cp);
            } catch (IllegalArgumentException e) {
                // Not in the encoding.
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return encodable;
    }
}
