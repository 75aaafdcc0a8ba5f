package org.storeline.core.sale;

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
import org.storeline.core.sale.SaleStatus.Event;

/** Walks every (state, event) pair of the sale's state machine (DESIGN.md, convention 4). */
class SaleStatusTest {

    /** One cell of the transition table: the next state, or the error that refuses the event. */
    record Transition(SaleStatus from, Event event, SaleStatus to, ErrorCode refusal) {
        static Transition to(SaleStatus from, Event event, SaleStatus to) {
            return new Transition(from, event, to, null);
        }

        static Transition refused(SaleStatus from, Event event, ErrorCode code) {
            return new Transition(from, event, null, code);
        }

        @Override
        public String toString() {
            return from + " --" + event + "--> " + (to != null ? to : refusal);
        }
    }

    static final List<Transition> TABLE = List.of(
            Transition.to(SaleStatus.OPEN, Event.COMPLETE, SaleStatus.COMPLETED),
            Transition.to(SaleStatus.OPEN, Event.CANCEL, SaleStatus.CANCELLED),
            Transition.refused(SaleStatus.COMPLETED, Event.COMPLETE, ErrorCode.INVALID_TRANSITION),
            Transition.refused(SaleStatus.COMPLETED, Event.CANCEL, ErrorCode.INVALID_TRANSITION),
            Transition.refused(SaleStatus.CANCELLED, Event.COMPLETE, ErrorCode.INVALID_TRANSITION),
            Transition.refused(SaleStatus.CANCELLED, Event.CANCEL, ErrorCode.INVALID_TRANSITION));

    static Stream<Transition> everyPair() {
        return TABLE.stream();
    }

    @Test
    void theTableHasExactlyOneRowForEveryStateAndEvent() {
        Map<String, Long> rows = TABLE.stream().collect(Collectors.groupingBy(t -> t.from() + "/" + t.event(), Collectors.counting()));

        assertThat(rows).hasSize(SaleStatus.values().length * Event.values().length);
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

    @Test
    void onlyCompletedAndCancelledSalesAreTerminal() {
        assertThat(SaleStatus.OPEN.isTerminal()).isFalse();
        assertThat(SaleStatus.COMPLETED.isTerminal()).isTrue();
        assertThat(SaleStatus.CANCELLED.isTerminal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SaleStatus.class)
    void aTerminalStateRefusesEveryEventAndAnOtherStateAcceptsSome(SaleStatus status) {
        long accepted = TABLE.stream().filter(t -> t.from() == status && t.to() != null).count();

        assertThat(accepted == 0).isEqualTo(status.isTerminal());
    }

    @ParameterizedTest
    @EnumSource(SaleStatus.class)
    void readsBackItsOwnWireName(SaleStatus status) {
        assertThat(SaleStatus.fromWire(status.wireName())).isEqualTo(status);
    }

    @Test
    void usesLowerCaseWireNames() {
        assertThat(SaleStatus.OPEN.wireName()).isEqualTo("open");
        assertThat(SaleStatus.COMPLETED.wireName()).isEqualTo("completed");
        assertThat(SaleStatus.CANCELLED.wireName()).isEqualTo("cancelled");
    }

    @Test
    void refusesAnUnknownWireName() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> SaleStatus.fromWire("paid"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> SaleStatus.fromWire("OPEN"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> SaleStatus.fromWire(null));
    }
}
