package org.storeline.web.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.storeline.core.outlet.Language;

class LanguagesTest {
    @Test
    void theBrowsersFirstLanguageThatTheAppSpeaksWins() {
        assertThat(Languages.fromAcceptLanguage("nl-BE,nl;q=0.9,en;q=0.8")).isEqualTo(Language.NL);
        assertThat(Languages.fromAcceptLanguage("fr-BE")).isEqualTo(Language.FR);
        assertThat(Languages.fromAcceptLanguage("de-DE,de;q=0.9,fr;q=0.5,en;q=0.4"))
                .isEqualTo(Language.FR);
        assertThat(Languages.fromAcceptLanguage("en;q=0.5,nl;q=0.9")).isEqualTo(Language.NL);
    }

    @Test
    void englishWhenTheBrowserAsksForNothingWeSpeakOrSaysNothingReadable() {
        assertThat(Languages.fromAcceptLanguage(null)).isEqualTo(Language.EN);
        assertThat(Languages.fromAcceptLanguage("de-DE,es")).isEqualTo(Language.EN);
        assertThat(Languages.fromAcceptLanguage("*")).isEqualTo(Language.EN);
        assertThat(Languages.fromAcceptLanguage(";;;q=nonsense")).isEqualTo(Language.EN);
        assertThat(Languages.fromAcceptLanguage("fr;q=0")).isEqualTo(Language.EN);
    }

    @Test
    void aChoiceIsOneOfOursOrTheBrowsers() {
        assertThat(Languages.parse("fr")).hasValue(Language.FR);
        assertThat(Languages.parse("NL ")).hasValue(Language.NL);
        assertThat(Languages.parse("")).isEmpty();
        assertThat(Languages.parse("de")).isEmpty();
    }
}
