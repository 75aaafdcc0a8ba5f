package org.storeline.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.storeline.core.StateMachineTest;
import org.storeline.core.TransitionTable;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.fulfillment.FulfillmentStatus.Event;

/** Walks every (state, event) pair of the fulfillment's state machine (FUL-2; docs/ARCHITECTURE.md, convention 4). */
class FulfillmentStatusTest extends StateMachineTest<FulfillmentStatus, Event> {
    private static final ErrorCode REFUSED = ErrorCode.INVALID_TRANSITION;

    static final TransitionTable<FulfillmentStatus, Event> TABLE = new TransitionTable<>(
                    FulfillmentStatus.class, Event.class, FulfillmentStatus::on)
            .to(FulfillmentStatus.NEW, Event.PICK, FulfillmentStatus.IN_PROGRESS)
            .to(FulfillmentStatus.NEW, Event.ASSIGN, FulfillmentStatus.IN_PROGRESS)
            .to(FulfillmentStatus.NEW, Event.UNASSIGN, FulfillmentStatus.NEW)
            .to(FulfillmentStatus.NEW, Event.ADD_NOTE, FulfillmentStatus.NEW)
            .to(FulfillmentStatus.NEW, Event.PACK, FulfillmentStatus.PACKED)
            .refused(FulfillmentStatus.NEW, Event.SHIP, REFUSED)
            .refused(FulfillmentStatus.NEW, Event.PICK_UP, REFUSED)
            .to(FulfillmentStatus.NEW, Event.CANCEL, FulfillmentStatus.CANCELLED)
            .to(FulfillmentStatus.IN_PROGRESS, Event.PICK, FulfillmentStatus.IN_PROGRESS)
            .to(FulfillmentStatus.IN_PROGRESS, Event.ASSIGN, FulfillmentStatus.IN_PROGRESS)
            .to(FulfillmentStatus.IN_PROGRESS, Event.UNASSIGN, FulfillmentStatus.IN_PROGRESS)
            .to(FulfillmentStatus.IN_PROGRESS, Event.ADD_NOTE, FulfillmentStatus.IN_PROGRESS)
            .to(FulfillmentStatus.IN_PROGRESS, Event.PACK, FulfillmentStatus.PACKED)
            .refused(FulfillmentStatus.IN_PROGRESS, Event.SHIP, REFUSED)
            .refused(FulfillmentStatus.IN_PROGRESS, Event.PICK_UP, REFUSED)
            .to(FulfillmentStatus.IN_PROGRESS, Event.CANCEL, FulfillmentStatus.CANCELLED)
            .refused(FulfillmentStatus.PACKED, Event.PICK, REFUSED)
            .to(FulfillmentStatus.PACKED, Event.ASSIGN, FulfillmentStatus.PACKED)
            .to(FulfillmentStatus.PACKED, Event.UNASSIGN, FulfillmentStatus.PACKED)
            .to(FulfillmentStatus.PACKED, Event.ADD_NOTE, FulfillmentStatus.PACKED)
            .refused(FulfillmentStatus.PACKED, Event.PACK, REFUSED)
            .to(FulfillmentStatus.PACKED, Event.SHIP, FulfillmentStatus.SHIPPED)
            .to(FulfillmentStatus.PACKED, Event.PICK_UP, FulfillmentStatus.PICKED_UP)
            .to(FulfillmentStatus.PACKED, Event.CANCEL, FulfillmentStatus.CANCELLED)
            .refused(FulfillmentStatus.SHIPPED, Event.PICK, REFUSED)
            .refused(FulfillmentStatus.SHIPPED, Event.ASSIGN, REFUSED)
            .refused(FulfillmentStatus.SHIPPED, Event.UNASSIGN, REFUSED)
            .to(FulfillmentStatus.SHIPPED, Event.ADD_NOTE, FulfillmentStatus.SHIPPED)
            .refused(FulfillmentStatus.SHIPPED, Event.PACK, REFUSED)
            .refused(FulfillmentStatus.SHIPPED, Event.SHIP, REFUSED)
            .refused(FulfillmentStatus.SHIPPED, Event.PICK_UP, REFUSED)
            .refused(FulfillmentStatus.SHIPPED, Event.CANCEL, REFUSED)
            .refused(FulfillmentStatus.PICKED_UP, Event.PICK, REFUSED)
            .refused(FulfillmentStatus.PICKED_UP, Event.ASSIGN, REFUSED)
            .refused(FulfillmentStatus.PICKED_UP, Event.UNASSIGN, REFUSED)
            .to(FulfillmentStatus.PICKED_UP, Event.ADD_NOTE, FulfillmentStatus.PICKED_UP)
            .refused(FulfillmentStatus.PICKED_UP, Event.PACK, REFUSED)
            .refused(FulfillmentStatus.PICKED_UP, Event.SHIP, REFUSED)
            .refused(FulfillmentStatus.PICKED_UP, Event.PICK_UP, REFUSED)
            .refused(FulfillmentStatus.PICKED_UP, Event.CANCEL, REFUSED)
            .refused(FulfillmentStatus.CANCELLED, Event.PICK, REFUSED)
            .refused(FulfillmentStatus.CANCELLED, Event.ASSIGN, REFUSED)
            .refused(FulfillmentStatus.CANCELLED, Event.UNASSIGN, REFUSED)
            .to(FulfillmentStatus.CANCELLED, Event.ADD_NOTE, FulfillmentStatus.CANCELLED)
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
    void aTerminalStateTakesNothingButANoteAndAnOtherStateMovesOn(FulfillmentStatus status) {
        for (Event event : Event.values()) {
            boolean accepted = TABLE.rows().stream()
                    .anyMatch(row -> row.from() == status && row.event() == event && row.to() != null);
            if (status.isTerminal()) {
                assertThat(accepted).as(event.name()).isEqualTo(event == Event.ADD_NOTE);
            }
        }
        assertThat(TABLE.rows().stream()
                        .anyMatch(row -> row.from() == status && row.to() != null && row.to() != status))
                .isEqualTo(!status.isTerminal());
    }

    @ParameterizedTest
    @EnumSource(FulfillmentStatus.class)
    void aRefusalNamesTheCurrentState(FulfillmentStatus status) {
        for (Event event : Event.values()) {
            try {
                status.on(event);
            } catch (StorelineException refused) {
                assertThat(refused.getMessage()).contains("is " + status.wireName() + ",");
            }
        }
    }

    @Test
    void onlyShippedAndPickedUpAreComplete() {
        assertThat(EnumSet.allOf(FulfillmentStatus.class).stream().filter(FulfillmentStatus::isComplete))
                .containsExactlyInAnyOrder(FulfillmentStatus.SHIPPED, FulfillmentStatus.PICKED_UP);
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

    @ParameterizedTest
    @EnumSource(FulfillmentStatus.class)
    void whatAStateAllowsIsExactlyWhatItsTransitionsAccept(FulfillmentStatus status) {
        for (Event event : Event.values()) {
            boolean accepted;
            try {
                status.on(event);
                accepted = true;
            } catch (StorelineException refused) {
                accepted = false;
            }
            assertThat(status.allows(event)).as(status + " " + event).isEqualTo(accepted);
        }
    }
}
