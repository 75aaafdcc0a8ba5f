package org.storeline.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The activity log keeps what it is told, in a form the database can store. */
class ActivityEntryTest {

    @Test
    void dropsNulCharactersAndReplacesHalfSurrogatesButKeepsWholeCharacters() {
        ActivityEntry entry = ActivityEntry.of(
                UUID.randomUUID(),
                Instant.EPOCH,
                ActivityEntry.Kind.FETCH,
                ActivityEntry.Outcome.FAILED,
                Optional.of("12\u00003"),
                Optional.empty(),
                Optional.empty(),
                "customer Ann\u0000e L\uD800ee 🍰 could not be read",
                false);

        assertThat(entry.reason()).isEqualTo("customer Anne L\uFFFDee 🍰 could not be read");
        assertThat(entry.externalOrderId()).contains("123");
    }

    @Test
    void keepsOrdinaryTextAsItIs() {
        String reason = "topic order.deleted is not about orders";

        ActivityEntry entry = ActivityEntry.of(
                UUID.randomUUID(),
                Instant.EPOCH,
                ActivityEntry.Kind.DELIVERY,
                ActivityEntry.Outcome.IGNORED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                reason,
                false);

        assertThat(entry.reason()).isSameAs(reason);
    }
}
