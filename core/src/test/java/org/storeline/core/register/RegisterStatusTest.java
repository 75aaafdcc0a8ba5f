package org.storeline.core.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.storeline.core.StateMachineTest;
import org.storeline.core.TransitionTable;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.register.RegisterStatus.Event;

/** Walks every (state, event) pair of the register's state machine (docs/ARCHITECTURE.md, convention 4). */
class RegisterStatusTest extends StateMachineTest<RegisterStatus, Event> {

    static final TransitionTable<RegisterStatus, Event> TABLE = new TransitionTable<>(
                    RegisterStatus.class, Event.class, RegisterStatus::on)
            .to(RegisterStatus.CLOSED, Event.OPEN, RegisterStatus.OPEN)
            .refused(RegisterStatus.CLOSED, Event.CLOSE, ErrorCode.REGISTER_CLOSED)
            .refused(RegisterStatus.OPEN, Event.OPEN, ErrorCode.REGISTER_ALREADY_OPEN)
            .to(RegisterStatus.OPEN, Event.CLOSE, RegisterStatus.CLOSED);

    @Override
    protected TransitionTable<RegisterStatus, Event> table() {
        return TABLE;
    }

    @ParameterizedTest
    @EnumSource(RegisterStatus.class)
    void noRegisterStateIsTerminal(RegisterStatus status) {
        assertThat(status.isTerminal()).isFalse();
    }

    @Test
    void alternatesBetweenClosedAndOpenForAsLongAsItIsUsed() {
        RegisterStatus status = RegisterStatus.CLOSED;
        for (int day = 0; day < 3; day++) {
            status = status.on(Event.OPEN);
            assertThat(status).isEqualTo(RegisterStatus.OPEN);
            status = status.on(Event.CLOSE);
            assertThat(status).isEqualTo(RegisterStatus.CLOSED);
        }
    }
}
