package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storeline.db.jooq.Tables.WEBHOOK_DELIVERY;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.core.channel.StoredDelivery;
import org.storeline.core.ids.Ids;
import org.storeline.db.channel.DeliveryJournal;
import org.storeline.db.channel.JooqWebhookInbox;
import org.storeline.db.channel.JournaledWebhookInbox;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * The delivery journal keeps acknowledged deliveries durable while PostgreSQL has not yet synced their rows:
 * what PostgreSQL loses is stored again from the journal, by the next confirmation or the next start.
 * PostgreSQL losing an unsynced commit is played by deleting the row.
 */
class DeliveryJournalIT {
    private static final Duration NEVER = Duration.ofHours(1);

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private final JooqWebhookInbox inbox = TestStoreline.instance().wiring().inbox;
    private final DSLContext dsl = DSL.using(TestStoreline.instance().dataSource(), SQLDialect.POSTGRES);
    // A channel whose store cannot be reached: the running worker may claim these deliveries, and fails them.
    private final String outlet = shop.outlet("Journal");
    private final UUID channel = UUID.fromString(shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), false, "http://127.0.0.1:9"));

    @TempDir
    Path dir;

    @Test
    void aDeliveryPostgresqlLostAfterItWasAcknowledgedIsStoredAgainByTheNextConfirmation() {
        try (JournaledWebhookInbox journaled = JournaledWebhookInbox.open(inbox, dir, 2, 1 << 20, NEVER)) {
            StoredDelivery delivery = delivery("lost after the acknowledgement");
            journaled.store(delivery);
            lose(delivery);
            assertThat(inbox.find(delivery.id())).isEmpty();

            journaled.confirm();

            assertThat(inbox.find(delivery.id())).hasValueSatisfying(found -> assertSame(found, delivery));
        }
    }

    /** The crash is played by copying the journal's files as they are on disk and opening the copy. */
    @Test
    void whatARunLeftUnconfirmedInTheJournalIsStoredWhenTheNextRunOpensIt() throws IOException {
        JournaledWebhookInbox crashed = JournaledWebhookInbox.open(inbox, dir.resolve("crashed"), 2, 1 << 20, NEVER);
        List<StoredDelivery> deliveries = List.of(delivery("first"), delivery("second"), delivery("third"));
        deliveries.forEach(crashed::store);
        deliveries.forEach(this::lose);
        Path copy = Files.createDirectories(dir.resolve("after-the-crash"));
        for (String segment : List.of("segment-0", "segment-1")) {
            Files.copy(dir.resolve("crashed").resolve(segment), copy.resolve(segment));
        }

        try (JournaledWebhookInbox next = JournaledWebhookInbox.open(inbox, copy, 2, 1 << 20, NEVER)) {
            for (StoredDelivery delivery : deliveries) {
                assertThat(inbox.find(delivery.id())).hasValueSatisfying(found -> assertSame(found, delivery));
            }
        }
        crashed.close();
    }

    @Test
    void aRecordPostgresqlRefusesIsKeptAsAFileAndDoesNotStopTheStart() throws Exception {
        StoredDelivery orphan = new StoredDelivery(Ids.newId(), UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS),
                Map.of("x-wc-webhook-topic", "order.created"), Map.of(), "{\"id\": 1}".getBytes(StandardCharsets.UTF_8), 0);
        try (DeliveryJournal journal = DeliveryJournal.open(dir, 2, 1 << 20, records -> { })) {
            journal.append(JournaledWebhookInbox.encode(orphan));
        }

        try (JournaledWebhookInbox next = JournaledWebhookInbox.open(inbox, dir, 2, 1 << 20, NEVER)) {
            assertThat(inbox.find(orphan.id())).isEmpty();
            Path kept = dir.resolve("refused").resolve(orphan.id().toString());
            assertSame(JournaledWebhookInbox.decode(Files.readAllBytes(kept)), orphan);
        }
    }

    /** Rows deleted after the clean close show that the next start did not store anything again. */
    @Test
    void afterACleanShutdownTheNextStartHasNothingToCheck() {
        StoredDelivery delivery = delivery("confirmed at shutdown");
        try (JournaledWebhookInbox running = JournaledWebhookInbox.open(inbox, dir, 2, 1 << 20, NEVER)) {
            running.store(delivery);
        }
        lose(delivery);

        try (JournaledWebhookInbox next = JournaledWebhookInbox.open(inbox, dir, 2, 1 << 20, NEVER)) {
            assertThat(next.recoveredOnOpen()).isZero();
            assertThat(inbox.find(delivery.id())).isEmpty();
        }
    }

    @Test
    void aSecondProcessCannotOpenAJournalInUse() {
        try (JournaledWebhookInbox first = JournaledWebhookInbox.open(inbox, dir, 2, 1 << 20, NEVER)) {
            assertThatThrownBy(() -> JournaledWebhookInbox.open(inbox, dir, 2, 1 << 20, NEVER)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another Storeline process");
        }
    }

    @Test
    void whenTheJournalIsFullDeliveriesAreStillStoredDurablyThroughPostgresqlAndItTakesRecordsAgainOnceConfirmed() {
        try (JournaledWebhookInbox journaled = JournaledWebhookInbox.open(inbox, dir, 2, 4096, NEVER)) {
            List<StoredDelivery> deliveries = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                StoredDelivery delivery = delivery("x".repeat(1500) + i);
                journaled.store(delivery);
                deliveries.add(delivery);
            }
            journaled.confirm();
            StoredDelivery afterConfirmation = delivery("journaled again");
            journaled.store(afterConfirmation);
            lose(afterConfirmation);
            journaled.confirm();

            for (StoredDelivery delivery : deliveries) {
                assertThat(inbox.find(delivery.id())).isPresent();
            }
            assertThat(inbox.find(afterConfirmation.id())).isPresent();
        }
    }

    private StoredDelivery delivery(String body) {
        return new StoredDelivery(Ids.newId(), channel, Instant.now().truncatedTo(ChronoUnit.MICROS),
                Map.of("x-wc-webhook-topic", "order.created", "x-odd: header", "a\nb"), Map.of("q", "1"),
                body.getBytes(StandardCharsets.UTF_8), 0);
    }

    private void lose(StoredDelivery delivery) {
        dsl.deleteFrom(WEBHOOK_DELIVERY).where(WEBHOOK_DELIVERY.ID.eq(delivery.id())).execute();
    }

    private static void assertSame(StoredDelivery found, StoredDelivery delivery) {
        assertThat(found.channelId()).isEqualTo(delivery.channelId());
        assertThat(found.receivedAt()).isEqualTo(delivery.receivedAt());
        assertThat(found.headers()).isEqualTo(delivery.headers());
        assertThat(found.query()).isEqualTo(delivery.query());
        assertThat(found.body()).isEqualTo(delivery.body());
    }
}
