package org.storeline.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.storeline.core.StateMachineTest;
import org.storeline.core.TransitionTable;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.fulfillment.FulfillmentStatus.Event;

/** Walks every (state, event) pair of the fulfillment's state machine (FUL-2; docs/ARCHITECTURE.md, convention 4). */
class FulfillmentStatusTest extends StateMachineTest<FulfillmentStatus, Event> {
    private static final ErrorCode REFUSED = ErrorCode.INVALID_TRANSITION;

    static final TransitionTable<FulfillmentStatus, Event> TABLE = new TransitionTable<>(
                    FulfillmentStatus.class, Event.class, FulfillmentStatus::on)
            .to(FulfillmentStatus.NEW, Event.START_PICKING, FulfillmentStatus.IN_PROGRESS)
            .to(FulfillmentStatus.NEW, Event.PACK, FulfillmentStatus.PACKED)
            .to(FulfillmentStatus.NEW, Event.SHIP, FulfillmentStatus.SHIPPED)
            .to(FulfillmentStatus.NEW, Event.PICK_UP, FulfillmentStatus.PICKED_UP)
            .to(FulfillmentStatus.NEW, Event.CANCEL, FulfillmentStatus.CANCELLED)
            .refused(FulfillmentStatus.IN_PROGRESS, Event.START_PICKING, REFUSED)
            .to(FulfillmentStatus.IN_PROGRESS, Event.PACK, FulfillmentStatus.PACKED)
            .to(FulfillmentStatus.IN_PROGRESS, Event.SHIP, FulfillmentStatus.SHIPPED)
            .to(FulfillmentStatus.IN_PROGRESS, Event.PICK_UP, FulfillmentStatus.PICKED_UP)
            .to(FulfillmentStatus.IN_PROGRESS, Event.CANCEL, FulfillmentStatus.CANCELLED)
            .refused(FulfillmentStatus.PACKED, Event.START_PICKING, REFUSED)
            .refused(FulfillmentStatus.PACKED, Event.PACK, REFUSED)
            .to(FulfillmentStatus.PACKED, Event.SHIP, FulfillmentStatus.SHIPPED)
            .to(FulfillmentStatus.PACKED, Event.PICK_UP, FulfillmentStatus.PICKED_UP)
            .to(FulfillmentStatus.PACKED, Event.CANCEL, FulfillmentStatus.CANCELLED)
            .refused(FulfillmentStatus.SHIPPED, Event.START_PICKING, REFUSED)
            .refused(FulfillmentStatus.SHIPPED, Event.PACK, REFUSED)
            .refused(FulfillmentStatus.SHIPPED, Event.SHIP, REFUSED)
            .refused(FulfillmentStatus.SHIPPED, Event.PICK_UP, REFUSED)
            .refused(FulfillmentStatus.SHIPPED, Event.CANCEL, REFUSED)
            .refused(FulfillmentStatus.PICKED_UP, Event.START_PICKING, REFUSED)
            .refused(FulfillmentStatus.PICKED_UP, Event.PACK, REFUSED)
            .refused(FulfillmentStatus.PICKED_UP, Event.SHIP, REFUSED)
            .refused(FulfillmentStatus.PICKED_UP, Event.PICK_UP, REFUSED)
            .refused(FulfillmentStatus.PICKED_UP, Event.CANCEL, REFUSED)
            .refused(FulfillmentStatus.CANCELLED, Event.START_PICKING, REFUSED)
            .refused(FulfillmentStatus.CANCELLED, Event.PACK, REFUSED)
            .refused(FulfillmentStatus.CANCELLED, Event.SHIP, REFUSED)
            .refused(FulfillmentStatus.CANCELLED, Event.PICK_UP, REFUSED)
            .refused(FulfillmentStatus.CANCELLED, Event.CANCEL, REFUSED);

    @Override
    protected TransitionTable<FulfillmentStatus, Event> table() {
        return TABLE;
    }

    @ParameterizedTest
    @EnumSource(FulfillmentStatus.class)
    void aTerminalStateRefusesEveryEventAndAnOtherStateAcceptsSome(FulfillmentStatus status) {
        assertThat(!TABLE.acceptsSomeEvent(status)).isEqualTo(status.isTerminal());
    }

    @Test
    void theFulfillmentsPageListsExactlyTheStatesThatAreNotTerminal() {
        for (FulfillmentStatus status : FulfillmentStatus.values()) {
            assertThat(FulfillmentStatus.INCOMPLETE.contains(status))
                    .as(status.name())
                    .isEqualTo(!status.isTerminal());
        }
    }

    @ParameterizedTest
    @EnumSource(FulfillmentStatus.class)
    void readsBackItsOwnWireName(FulfillmentStatus status) {
        assertThat(FulfillmentStatus.fromWire(status.wireName())).isEqualTo(status);
    }
}
