package org.storeline.core.refund;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.storeline.core.StateMachineTest;
import org.storeline.core.TransitionTable;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.refund.RefundStatus.Event;

/** Walks every (state, event) pair of a refund's state machine (convention 4): only one in flight takes an answer. */
class RefundStatusTest extends StateMachineTest<RefundStatus, Event> {
    private static final ErrorCode REFUSED = ErrorCode.INVALID_TRANSITION;

    static final TransitionTable<RefundStatus, Event> TABLE = new TransitionTable<>(
                    RefundStatus.class, Event.class, RefundStatus::on)
            .to(RefundStatus.PENDING, Event.SUCCEED, RefundStatus.DONE)
            .to(RefundStatus.PENDING, Event.REFUSE, RefundStatus.REFUSED)
            .to(RefundStatus.PENDING, Event.LOSE_TRACK, RefundStatus.UNKNOWN)
            .to(RefundStatus.UNKNOWN, Event.SUCCEED, RefundStatus.DONE)
            .to(RefundStatus.UNKNOWN, Event.REFUSE, RefundStatus.REFUSED)
            .to(RefundStatus.UNKNOWN, Event.LOSE_TRACK, RefundStatus.UNKNOWN)
            .refused(RefundStatus.DONE, Event.SUCCEED, REFUSED)
            .refused(RefundStatus.DONE, Event.REFUSE, REFUSED)
            .refused(RefundStatus.DONE, Event.LOSE_TRACK, REFUSED)
            .refused(RefundStatus.REFUSED, Event.SUCCEED, REFUSED)
            .refused(RefundStatus.REFUSED, Event.REFUSE, REFUSED)
            .refused(RefundStatus.REFUSED, Event.LOSE_TRACK, REFUSED)
            .refused(RefundStatus.NOT_SENT, Event.SUCCEED, REFUSED)
            .refused(RefundStatus.NOT_SENT, Event.REFUSE, REFUSED)
            .refused(RefundStatus.NOT_SENT, Event.LOSE_TRACK, REFUSED);

    @Override
    protected TransitionTable<RefundStatus, Event> table() {
        return TABLE;
    }

    @ParameterizedTest
    @EnumSource(RefundStatus.class)
    void aTerminalStateRefusesEveryAnswerAndAnInFlightOneTakesEach(RefundStatus status) {
        assertThat(!TABLE.acceptsSomeEvent(status)).isEqualTo(status.isTerminal());
    }
}
