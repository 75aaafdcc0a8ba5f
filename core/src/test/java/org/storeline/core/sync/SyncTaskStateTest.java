package org.storeline.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.storeline.core.StateMachineTest;
import org.storeline.core.TransitionTable;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.sync.SyncTaskState.Event;

/** Walks every (state, event) pair of a sync task's state machine (docs/ARCHITECTURE.md, convention 4). */
class SyncTaskStateTest extends StateMachineTest<SyncTaskState, Event> {
    private static final ErrorCode NO = ErrorCode.INVALID_TRANSITION;

    static final TransitionTable<SyncTaskState, Event> TABLE = transitions();

    private static TransitionTable<SyncTaskState, Event> transitions() {
        TransitionTable<SyncTaskState, Event> table =
                new TransitionTable<>(SyncTaskState.class, Event.class, SyncTaskState::on);
        for (SyncTaskState waiting : new SyncTaskState[] {SyncTaskState.PENDING, SyncTaskState.UNKNOWN}) {
            table.to(waiting, Event.CLAIM, SyncTaskState.IN_FLIGHT)
                    .refused(waiting, Event.SUCCEED, NO)
                    .refused(waiting, Event.REFUSE, NO)
                    .refused(waiting, Event.RETRY_LATER, NO)
                    .refused(waiting, Event.LOSE_TRACK, NO)
                    .refused(waiting, Event.RELEASE, NO)
                    .refused(waiting, Event.RETRY_BY_HAND, NO);
        }
        table.to(SyncTaskState.IN_FLIGHT, Event.CLAIM, SyncTaskState.IN_FLIGHT)
                .to(SyncTaskState.IN_FLIGHT, Event.SUCCEED, SyncTaskState.DONE)
                .to(SyncTaskState.IN_FLIGHT, Event.REFUSE, SyncTaskState.REFUSED)
                .to(SyncTaskState.IN_FLIGHT, Event.RETRY_LATER, SyncTaskState.PENDING)
                .to(SyncTaskState.IN_FLIGHT, Event.LOSE_TRACK, SyncTaskState.UNKNOWN)
                .to(SyncTaskState.IN_FLIGHT, Event.RELEASE, SyncTaskState.PENDING)
                .refused(SyncTaskState.IN_FLIGHT, Event.RETRY_BY_HAND, NO);
        for (Event event : Event.values()) {
            table.refused(SyncTaskState.DONE, event, NO);
            if (event == Event.RETRY_BY_HAND) {
                table.to(SyncTaskState.REFUSED, event, SyncTaskState.PENDING);
            } else {
                table.refused(SyncTaskState.REFUSED, event, NO);
            }
        }
        return table;
    }

    @Override
    protected TransitionTable<SyncTaskState, Event> table() {
        return TABLE;
    }

    @Test
    void doneAndRefusedAreTheEndsAndOnlyRefusedIsRetriedByHand() {
        assertThat(SyncTaskState.values())
                .filteredOn(SyncTaskState::isTerminal)
                .containsExactlyInAnyOrder(SyncTaskState.DONE, SyncTaskState.REFUSED);
        assertThat(SyncTaskState.values())
                .filteredOn(SyncTaskState::isOutstanding)
                .containsExactlyInAnyOrder(SyncTaskState.PENDING, SyncTaskState.IN_FLIGHT, SyncTaskState.UNKNOWN);
    }

    @Test
    void aClaimWhoseWorkerDiedIsClaimedAgainAndEnds() {
        SyncTaskState state = SyncTaskState.PENDING.on(Event.CLAIM).on(Event.CLAIM);

        assertThat(state.on(Event.SUCCEED)).isEqualTo(SyncTaskState.DONE);
    }
}
