package org.storeline.web.app.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.storeline.core.channel.Channel;
import org.storeline.core.outlet.Language;
import org.storeline.web.app.i18n.Messages;

class ChannelReaderTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant CHECKED = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aChannelNotCheckedYetSaysSoOnceInEachLanguage() {
        Channel.Connection pending = Channel.Connection.pending();

        assertThat(ChannelReader.connection(pending, Messages.of(Language.EN), PARIS))
                .isEqualTo("Not checked yet");
        assertThat(ChannelReader.connection(pending, Messages.of(Language.FR), PARIS))
                .isEqualTo("Pas encore vérifiée");
        assertThat(ChannelReader.connection(pending, Messages.of(Language.NL), PARIS))
                .isEqualTo("Nog niet gecontroleerd");
    }

    @Test
    void aCheckedChannelSaysItsStatusThenWhatTheCheckFound() {
        Messages en = Messages.of(Language.EN);
        var connected = new Channel.Connection(
                Channel.ConnectionStatus.CONNECTED, "Connected to Shop (Admin API 2025-01)", Optional.of(CHECKED));
        var failed = new Channel.Connection(
                Channel.ConnectionStatus.FAILED, "the access token was refused", Optional.of(CHECKED));

        assertThat(ChannelReader.connection(connected, en, PARIS))
                .isEqualTo("Connected: Connected to Shop (Admin API 2025-01)");
        assertThat(ChannelReader.connection(failed, Messages.of(Language.NL), PARIS))
                .isEqualTo("Mislukt: the access token was refused");
        assertThat(ChannelReader.connection(
                        new Channel.Connection(Channel.ConnectionStatus.FAILED, " ", Optional.of(CHECKED)), en, PARIS))
                .isEqualTo("Failed");
    }

    @Test
    void anUnlinkedChannelSaysSinceWhenInTheReadersWordsAndTimeZone() {
        Channel.Connection unlinked = Channel.Connection.unlinked(CHECKED);

        assertThat(ChannelReader.connection(unlinked, Messages.of(Language.EN), PARIS))
                .startsWith("Unlinked: since ")
                .contains("11:00", "no orders are received")
                .doesNotContain("Connected", "2026-12-06T10:00:00Z");
        assertThat(ChannelReader.connection(unlinked, Messages.of(Language.FR), PARIS))
                .startsWith("Dissociée: depuis le ")
                .contains("11:00", "aucune commande");
        assertThat(ChannelReader.connection(unlinked, Messages.of(Language.NL), PARIS))
                .startsWith("Ontkoppeld: sinds ")
                .contains("11:00", "geen bestellingen");
    }
}
