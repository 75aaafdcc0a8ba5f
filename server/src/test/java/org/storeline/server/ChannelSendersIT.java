package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.sync.ChannelSenders;
import org.storeline.db.postgres.Database;
import org.storeline.db.sync.JooqChannelSenders;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * The channel sender lease on PostgreSQL, rule by rule: one holder at a time, renewed without a break by its holder,
 * taken over only once run out, with the history the previous holder saved, and the budget spent up to its lease's
 * end when it stopped mid-round. The channel has no task: the server's own worker leaves it alone.
 */
class ChannelSendersIT {
    private static final Instant T = Instant.parse("2026-12-10T09:00:00Z");

    @Test
    void oneSenderHoldsAChannelUntilItsLeaseRunsOutAndTheNextTakesItWithWhatItSaved() {
        Shop shop = new Shop(TestStoreline.admin());
        String outlet = shop.outlet("Senders");
        UUID channel = UUID.fromString(
                shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), false, "http://127.0.0.1:9"));
        HikariDataSource pool = (HikariDataSource) TestStoreline.instance().dataSource();
        try (Database database = Database.connect(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), 2)) {
            ChannelSenders senders = new JooqChannelSenders(database.dsl());

            ChannelSenders.Held first =
                    senders.take(channel, "a", T, T.plusSeconds(60)).orElseThrow();
            assertThat(first.continued()).isFalse();
            assertThat(first.recentRequests()).isEmpty();
            assertThat(first.spentUntil()).isEmpty();
            assertThat(first.until()).isEqualTo(T.plusSeconds(60));

            assertThat(senders.take(channel, "b", T.plusSeconds(59), T.plusSeconds(120)))
                    .as("another sender, while the lease runs")
                    .isEmpty();
            ChannelSenders.Held renewed = senders.take(channel, "a", T.plusSeconds(30), T.plusSeconds(90))
                    .orElseThrow();
            assertThat(renewed.continued()).isTrue();
            assertThat(renewed.until()).isEqualTo(T.plusSeconds(90));
            senders.save(channel, "b", Optional.of(List.of(T)));

            // "a" stops in the middle of its round: nothing saved after it, the lease runs out.
            ChannelSenders.Held cutOff = senders.take(channel, "b", T.plusSeconds(90), T.plusSeconds(150))
                    .orElseThrow();
            assertThat(cutOff.continued()).isFalse();
            assertThat(cutOff.recentRequests())
                    .as("what another sender tried to save is not saved")
                    .isEmpty();
            assertThat(cutOff.spentUntil()).contains(T.plusSeconds(90));

            // "b" sent nothing this round: the budget spent still holds for the next one.
            senders.save(channel, "b", Optional.empty());
            senders.release(channel, "a", Optional.of(List.of()), T.plusSeconds(100));
            assertThat(senders.take(channel, "c", T.plusSeconds(100), T.plusSeconds(160)))
                    .as("released by a sender that does not hold it: still held")
                    .isEmpty();
            List<Instant> sent = List.of(T.plusSeconds(100).plusNanos(123_000), T.plusMillis(100_500));
            ChannelSenders.Held stillHeld = senders.take(channel, "b", T.plusSeconds(100), T.plusSeconds(160))
                    .orElseThrow();
            assertThat(stillHeld.continued()).isTrue();
            senders.release(channel, "b", Optional.of(sent), T.plusSeconds(101));

            ChannelSenders.Held handedOver = senders.take(channel, "c", T.plusSeconds(101), T.plusSeconds(161))
                    .orElseThrow();
            assertThat(handedOver.continued()).isFalse();
            assertThat(handedOver.recentRequests()).containsExactlyElementsOf(sent);
            assertThat(handedOver.spentUntil())
                    .as("a clean release: its history is complete")
                    .isEmpty();
        }
    }

    @Test
    void savingForAChannelNobodyHoldsChangesNothing() {
        Shop shop = new Shop(TestStoreline.admin());
        String outlet = shop.outlet("Unheld");
        UUID channel = UUID.fromString(
                shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), false, "http://127.0.0.1:9"));
        HikariDataSource pool = (HikariDataSource) TestStoreline.instance().dataSource();
        try (Database database = Database.connect(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), 2)) {
            ChannelSenders senders = new JooqChannelSenders(database.dsl());

            senders.save(channel, "a", Optional.of(List.of(T)));
            ChannelSenders.Held first =
                    senders.take(channel, "b", T, T.plusSeconds(60)).orElseThrow();

            assertThat(first.recentRequests()).isEmpty();
        }
    }
}
