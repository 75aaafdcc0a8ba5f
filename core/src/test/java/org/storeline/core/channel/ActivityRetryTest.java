package org.storeline.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.storeline.core.channel.ActivityEntry.Kind;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

class ActivityRetryTest {
    private static final Optional<UUID> DELIVERY = Optional.of(UUID.randomUUID());
    private static final Optional<String> ORDER = Optional.of("1001");

    static Stream<Arguments> entries() {
        return Stream.of(
                Arguments.of(
                        "a delivery still in the inbox is processed again from what was sent",
                        Kind.FETCH,
                        DELIVERY,
                        ORDER,
                        true,
                        ActivityRetry.REQUEUE_DELIVERY),
                Arguments.of(
                        "a delivery no longer stored: its order is fetched again",
                        Kind.FETCH,
                        DELIVERY,
                        ORDER,
                        false,
                        ActivityRetry.FETCH_ORDER_AGAIN),
                Arguments.of(
                        "a failed fetch of an order is fetched again",
                        Kind.FETCH,
                        Optional.empty(),
                        ORDER,
                        false,
                        ActivityRetry.FETCH_ORDER_AGAIN),
                Arguments.of(
                        "a failed registration registers again",
                        Kind.REGISTRATION,
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        ActivityRetry.REGISTER_AGAIN),
                Arguments.of(
                        "a reconciliation pass names nothing to run again",
                        Kind.RECONCILIATION,
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        null),
                Arguments.of(
                        "a rejected delivery no longer stored and without an order",
                        Kind.DELIVERY,
                        DELIVERY,
                        Optional.empty(),
                        false,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void decidesWhatTheRetryButtonDoes(
            String rule,
            Kind kind,
            Optional<UUID> delivery,
            Optional<String> order,
            boolean stored,
            ActivityRetry expected) {
        ActivityEntry entry = new ActivityEntry(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Instant.EPOCH,
                kind,
                ActivityEntry.Outcome.FAILED,
                order,
                delivery,
                Optional.empty(),
                "it failed",
                true,
                Optional.empty());
        if (expected == null) {
            assertThatThrownBy(() -> ActivityRetry.of(entry, stored))
                    .as(rule)
                    .isInstanceOf(StorelineException.class)
                    .extracting(e -> ((StorelineException) e).code())
                    .isEqualTo(ErrorCode.NOT_RETRYABLE);
        } else {
            assertThat(ActivityRetry.of(entry, stored)).as(rule).isEqualTo(expected);
        }
    }

    @Test
    void aRefusedCallIsSentAgainThroughItsSyncTasksEvenWhenItNamesAnOrder() {
        ActivityEntry refused = ActivityEntry.outgoing(
                UUID.randomUUID(),
                Instant.EPOCH,
                Kind.STATUS,
                ActivityEntry.Outcome.REFUSED,
                ORDER,
                Optional.empty(),
                "WooCommerce order 1001 is cancelled on the store",
                Optional.empty(),
                List.of(UUID.randomUUID()));

        assertThat(refused.canBeRetried()).isTrue();
        assertThat(ActivityRetry.of(refused, false)).isEqualTo(ActivityRetry.SEND_AGAIN);
    }

    @Test
    void aCallThatIsRetriedByItselfOrSucceededHasNoRetryButton() {
        for (ActivityEntry.Outcome outcome : List.of(
                ActivityEntry.Outcome.RETRYING, ActivityEntry.Outcome.UNKNOWN, ActivityEntry.Outcome.SUCCEEDED)) {
            ActivityEntry entry = ActivityEntry.outgoing(
                    UUID.randomUUID(),
                    Instant.EPOCH,
                    Kind.STOCK,
                    outcome,
                    Optional.empty(),
                    Optional.empty(),
                    "stock",
                    Optional.empty(),
                    List.of(UUID.randomUUID()));
            assertThat(entry.canBeRetried()).as(outcome.wireName()).isFalse();
        }
    }
}
