package org.storeline.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WinAnsiTest {
    @Test
    void frenchAndDutchTextIsKeptAsItIs() {
        String text = "Émile Bréguet, à l'Hôtel Noël; façade, cœur, ´ » « ß Ø 1½ € ™ — “Zoë”";

        assertThat(WinAnsi.text(text)).isEqualTo(text);
    }

    @Test
    void aLetterWithAMarkTheFontsLackLosesTheMark() {
        assertThat(WinAnsi.text("Łukasz Żółć, Dvořák, Ştefan, Ĳsselmeer, ﬁn"))
                .isEqualTo("Lukasz Zólc, Dvorák, Stefan, IJsselmeer, fin");
    }

    @Test
    void whatHasNoLookAlikeBecomesAQuestionMark() {
        assertThat(WinAnsi.text("山田 太郎 Σωκράτης 🎁")).isEqualTo("?? ?? ???????? ?");
    }

    @Test
    void spacesOfEveryKindAreSpacesAndInvisibleCharactersGo() {
        assertThat(WinAnsi.text("a\tb\nc\u00a0d\u202fe\u200bf\u0000g\u0301")).isEqualTo("a b c d efg");
    }
}
