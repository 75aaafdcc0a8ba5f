package org.storeline.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChannelTest {
    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private static final Channel CHANNEL = new Channel(
            UUID.randomUUID(),
            Platform.WOOCOMMERCE,
            "Web shop",
            URI.create("https://shop.example.com"),
            Map.of("consumer_key", "ck", "consumer_secret", "cs"),
            "old-secret",
            List.of(UUID.randomUUID()),
            UUID.randomUUID(),
            Map.of(),
            true,
            new Channel.Connection(Channel.ConnectionStatus.CONNECTED, "ok", Optional.of(NOW)),
            Optional.empty(),
            NOW.minus(DAY));

    @Test
    void aNewChannelStartsItsOwnStoreAndAcceptsOneSecret() {
        assertThat(CHANNEL.storeId()).isEqualTo(CHANNEL.id());
        assertThat(CHANNEL.isLinked()).isTrue();
        assertThat(CHANNEL.webhookSecretsAt(NOW)).containsExactly("old-secret");
    }

    @Test
    void aRotatedSecretLeavesTheOldOneValidForTheOverlapOnlyAndChecksTheConnectionAgain() {
        Channel rotated = CHANNEL.rotateWebhookSecret("new-secret", NOW, DAY);

        assertThat(rotated.webhookSecret()).isEqualTo("new-secret");
        assertThat(rotated.webhookSecretsAt(NOW)).containsExactly("new-secret", "old-secret");
        assertThat(rotated.webhookSecretsAt(NOW.plus(DAY).minusMillis(1))).containsExactly("new-secret", "old-secret");
        assertThat(rotated.webhookSecretsAt(NOW.plus(DAY))).containsExactly("new-secret");
        assertThat(rotated.connection().status()).isEqualTo(Channel.ConnectionStatus.PENDING);
    }

    @Test
    void noOverlapEndsTheOldSecretAtOnceAndTheSameSecretChangesNothing() {
        assertThat(CHANNEL.rotateWebhookSecret("new-secret", NOW, Duration.ZERO).webhookSecretsAt(NOW))
                .containsExactly("new-secret");
        assertThat(CHANNEL.rotateWebhookSecret("old-secret", NOW, DAY)).isSameAs(CHANNEL);
    }

    @Test
    void rotatingTwiceKeepsOnlyTheSecretJustReplaced() {
        Channel twice =
                CHANNEL.rotateWebhookSecret("second", NOW, DAY).rotateWebhookSecret("third", NOW.plusSeconds(60), DAY);

        assertThat(twice.webhookSecretsAt(NOW.plusSeconds(61))).containsExactly("third", "second");
    }

    @Test
    void anUnlinkedChannelKeepsItsStoreAndHistoryAndRecordsItsIdentityOnce() {
        Channel unlinked = CHANNEL.unlink(NOW, "shop.example.com");

        assertThat(unlinked.isLinked()).isFalse();
        assertThat(unlinked.unlinkedAt()).contains(NOW);
        assertThat(unlinked.storeIdentity()).contains("shop.example.com");
        assertThat(unlinked.storeId()).isEqualTo(CHANNEL.storeId());
        assertThat(unlinked.unlink(NOW.plusSeconds(5), "other")).isSameAs(unlinked);
    }

    @Test
    void anUnlinkedChannelSaysItIsUnlinkedInsteadOfConnectedFromTheUnlinkOn() {
        Instant at = NOW.plusSeconds(30);

        Channel.Connection connection = CHANNEL.unlink(at, "shop.example.com").connection();

        assertThat(connection.status()).isEqualTo(Channel.ConnectionStatus.UNLINKED);
        assertThat(connection.checkedAt()).contains(at);
        assertThat(connection.detail())
                .startsWith("unlinked at 2026-12-08T10:00:30Z: no orders are received")
                .contains("webhooks are removed where the platform allows");
    }

    @Test
    void anUnlinkedChannelIsNeverSetBackToPendingNorUnlinkedAgain() {
        Channel unlinked = CHANNEL.unlink(NOW, "shop.example.com");

        assertThat(unlinked.withCredentials(Map.of("consumer_key", "ck2", "consumer_secret", "cs2"))
                        .connection())
                .isEqualTo(unlinked.connection());
        assertThat(unlinked.rotateWebhookSecret("new-secret", NOW, DAY).connection())
                .isEqualTo(unlinked.connection());
        assertThat(unlinked.unlink(NOW.plusSeconds(5), "other").connection().checkedAt())
                .contains(NOW);
    }

    @Test
    void theSecretsNeverShowInText() {
        Channel rotated = CHANNEL.rotateWebhookSecret("new-secret", NOW, DAY);

        assertThat(rotated.toString()).doesNotContain("secret-", "new-secret", "old-secret");
        assertThat(rotated.previousSecret().orElseThrow().toString()).doesNotContain("old-secret");
    }
}
