package org.storeline.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.storeline.core.StateMachineTest;
import org.storeline.core.TransitionTable;
import org.storeline.core.channel.DeliveryStatus.Event;
import org.storeline.core.error.ErrorCode;

/** Walks every (state, event) pair of a stored delivery's state machine in the inbox. */
class DeliveryStatusTest extends StateMachineTest<DeliveryStatus, Event> {
    private static final ErrorCode REFUSED = ErrorCode.INVALID_TRANSITION;

    static final TransitionTable<DeliveryStatus, Event> TABLE = new TransitionTable<>(
                    DeliveryStatus.class, Event.class, DeliveryStatus::on)
            .to(DeliveryStatus.PENDING, Event.CLAIM, DeliveryStatus.PROCESSING)
            .refused(DeliveryStatus.PENDING, Event.FINISH, REFUSED)
            .refused(DeliveryStatus.PENDING, Event.IGNORE, REFUSED)
            .refused(DeliveryStatus.PENDING, Event.RETRY_LATER, REFUSED)
            .refused(DeliveryStatus.PENDING, Event.GIVE_UP, REFUSED)
            .to(DeliveryStatus.PENDING, Event.REQUEUE, DeliveryStatus.PENDING)
            .to(DeliveryStatus.PROCESSING, Event.CLAIM, DeliveryStatus.PROCESSING)
            .to(DeliveryStatus.PROCESSING, Event.FINISH, DeliveryStatus.DONE)
            .to(DeliveryStatus.PROCESSING, Event.IGNORE, DeliveryStatus.IGNORED)
            .to(DeliveryStatus.PROCESSING, Event.RETRY_LATER, DeliveryStatus.PENDING)
            .to(DeliveryStatus.PROCESSING, Event.GIVE_UP, DeliveryStatus.FAILED)
            .refused(DeliveryStatus.PROCESSING, Event.REQUEUE, REFUSED)
            .refused(DeliveryStatus.DONE, Event.CLAIM, REFUSED)
            .refused(DeliveryStatus.DONE, Event.FINISH, REFUSED)
            .refused(DeliveryStatus.DONE, Event.IGNORE, REFUSED)
            .refused(DeliveryStatus.DONE, Event.RETRY_LATER, REFUSED)
            .refused(DeliveryStatus.DONE, Event.GIVE_UP, REFUSED)
            .to(DeliveryStatus.DONE, Event.REQUEUE, DeliveryStatus.PENDING)
            .refused(DeliveryStatus.IGNORED, Event.CLAIM, REFUSED)
            .refused(DeliveryStatus.IGNORED, Event.FINISH, REFUSED)
            .refused(DeliveryStatus.IGNORED, Event.IGNORE, REFUSED)
            .refused(DeliveryStatus.IGNORED, Event.RETRY_LATER, REFUSED)
            .refused(DeliveryStatus.IGNORED, Event.GIVE_UP, REFUSED)
            .to(DeliveryStatus.IGNORED, Event.REQUEUE, DeliveryStatus.PENDING)
            .refused(DeliveryStatus.FAILED, Event.CLAIM, REFUSED)
            .refused(DeliveryStatus.FAILED, Event.FINISH, REFUSED)
            .refused(DeliveryStatus.FAILED, Event.IGNORE, REFUSED)
            .refused(DeliveryStatus.FAILED, Event.RETRY_LATER, REFUSED)
            .refused(DeliveryStatus.FAILED, Event.GIVE_UP, REFUSED)
            .to(DeliveryStatus.FAILED, Event.REQUEUE, DeliveryStatus.PENDING);

    @Override
    protected TransitionTable<DeliveryStatus, Event> table() {
        return TABLE;
    }

    @ParameterizedTest
    @EnumSource(Event.class)
    void theStatesAnEventAppliesToAreExactlyThoseTheTableLetsItFrom(Event event) {
        for (DeliveryStatus status : DeliveryStatus.values()) {
            boolean allowed =
                    TABLE.rows().stream().anyMatch(r -> r.from() == status && r.event() == event && r.to() != null);
            assertThat(DeliveryStatus.from(event).contains(status))
                    .as(status + " " + event)
                    .isEqualTo(allowed);
        }
    }

    @Test
    void onlyPendingAndProcessingDeliveriesAreStillWaitingForTheWorker() {
        assertThat(DeliveryStatus.WAITING).containsExactlyInAnyOrder(DeliveryStatus.PENDING, DeliveryStatus.PROCESSING);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            assertThat(status.isFinished()).isEqualTo(!DeliveryStatus.WAITING.contains(status));
        }
    }

    @ParameterizedTest
    @EnumSource(DeliveryStatus.class)
    void readsBackItsOwnWireName(DeliveryStatus status) {
        assertThat(DeliveryStatus.fromWire(status.wireName())).isEqualTo(status);
    }
}
