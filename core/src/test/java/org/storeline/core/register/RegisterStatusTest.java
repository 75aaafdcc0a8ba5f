package org.storeline.core.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.register.RegisterStatus.Event;

/** Walks every (state, event) pair of the register's state machine (DESIGN.md, convention 4). */
class RegisterStatusTest {

    /** One cell of the transition table: the next state, or the error that refuses the event. */
    record Transition(RegisterStatus from, Event event, RegisterStatus to, ErrorCode refusal) {
        static Transition to(RegisterStatus from, Event event, RegisterStatus to) {
            return new Transition(from, event, to, null);
        }

        static Transition refused(RegisterStatus from, Event event, ErrorCode code) {
            return new Transition(from, event, null, code);
        }

        @Override
        public String toString() {
            return from + " --" + event + "--> " + (to != null ? to : refusal);
        }
    }

    static final List<Transition> TABLE = List.of(
            Transition.to(RegisterStatus.CLOSED, Event.OPEN, RegisterStatus.OPEN),
            Transition.refused(RegisterStatus.CLOSED, Event.CLOSE, ErrorCode.REGISTER_CLOSED),
            Transition.refused(RegisterStatus.OPEN, Event.OPEN, ErrorCode.REGISTER_ALREADY_OPEN),
            Transition.to(RegisterStatus.OPEN, Event.CLOSE, RegisterStatus.CLOSED));

    static Stream<Transition> everyPair() {
        return TABLE.stream();
    }

    @Test
    void theTableHasExactlyOneRowForEveryStateAndEvent() {
        Map<String, Long> rows = TABLE.stream().collect(Collectors.groupingBy(t -> t.from() + "/" + t.event(), Collectors.counting()));

        assertThat(rows).hasSize(RegisterStatus.values().length * Event.values().length);
        assertThat(rows.values()).containsOnly(1L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPair")
    void followsTheTransitionTable(Transition transition) {
        if (transition.to() != null) {
            assertThat(transition.from().on(transition.event())).isEqualTo(transition.to());
        } else {
            assertRefused(transition.refusal(), () -> transition.from().on(transition.event()));
        }
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
