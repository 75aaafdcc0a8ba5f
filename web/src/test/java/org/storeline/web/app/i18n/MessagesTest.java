package org.storeline.web.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.storeline.core.outlet.Language;

class MessagesTest {
    private static Set<String> keys(Language language) {
        return new TreeSet<>(Collections.list(Messages.of(language).bundle().getKeys()));
    }

    /**
     * Screens add their words in blocks of their own; a key written twice in one file is silently the later one, and
     * another screen's word changes under it (a register "closed" where the Registers page said "Closed").
     */
    @Test
    void noFileSaysAKeyTwice() throws IOException {
        for (String file : List.of("messages.properties", "messages_fr.properties", "messages_nl.properties")) {
            List<String> keys = new ArrayList<>();
            try (var in = Messages.class.getResourceAsStream(file)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                        keys.add(line.substring(0, line.indexOf('=')).trim());
                    }
                }
            }
            assertThat(keys).as(file).doesNotHaveDuplicates();
        }
    }

    @Test
    void frenchAndDutchHaveEveryEnglishKeyAndNoOther() {
        assertThat(keys(Language.FR)).containsExactlyElementsOf(keys(Language.EN));
        assertThat(keys(Language.NL)).containsExactlyElementsOf(keys(Language.EN));
    }

    @Test
    void theFulfillmentsPageUsesTheGlossarysWords() {
        Messages fr = Messages.of(Language.FR);
        Messages nl = Messages.of(Language.NL);
        assertThat(fr.get("nav.fulfillments")).isEqualTo("Commandes");
        assertThat(nl.get("nav.fulfillments")).isEqualTo("Afhandelingen");
        assertThat(fr.get("outlet.label")).isEqualTo("Établissement");
        assertThat(nl.get("outlet.label")).isEqualTo("Vestiging");
        assertThat(fr.get("status.packed")).isEqualTo("Emballé");
        assertThat(nl.get("status.in_progress")).isEqualTo("In uitvoering");
        assertThat(fr.get("type.pickup")).isEqualTo("Ramassage");
        assertThat(nl.get("type.delivery")).isEqualTo("Verzending");
        assertThat(fr.get("col.assignee")).isEqualTo("Utilisateur attribué");
        assertThat(nl.get("col.notes")).isEqualTo("Afhandelingsnotities");
        assertThat(fr.get("payment.unpaid")).isEqualTo("Impayé");
        assertThat(nl.get("payment.paid")).isEqualTo("Betaald");
        assertThat(nl.get("notifications.label")).isEqualTo("Meldingen");
        assertThat(fr.get("action.ship")).isEqualTo("Marquer comme expédié");
    }

    @Test
    void englishIsTheBaseWhateverTheMachineSpeaks() {
        assertThat(Messages.of(Language.EN).get("nav.fulfillments")).isEqualTo("Fulfillments");
    }

    @Test
    void anApostropheInAFormattedTextStaysALetter() {
        assertThat(Messages.of(Language.FR).format("empty.packed", "Gand"))
                .startsWith("Aucune commande emballée en attente à Gand.")
                .contains("d'être expédiées");
        assertThat(Messages.of(Language.FR).format("age.ago", "3 h")).isEqualTo("il y a 3 h");
    }

    @Test
    void aMissingKeyShowsItselfInsteadOfFailingThePage() {
        assertThat(Messages.of(Language.NL).get("no.such.key")).isEqualTo("no.such.key");
    }
}
