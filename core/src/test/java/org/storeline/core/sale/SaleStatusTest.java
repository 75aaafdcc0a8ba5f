package org.storeline.core.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.core.ErrorAssertions.assertRefused;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.storeline.core.StateMachineTest;
import org.storeline.core.TransitionTable;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.sale.SaleStatus.Event;

/** Walks every (state, event) pair of the sale's state machine (docs/ARCHITECTURE.md, convention 4). */
class SaleStatusTest extends StateMachineTest<SaleStatus, Event> {

    static final TransitionTable<SaleStatus, Event> TABLE = new TransitionTable<>(
                    SaleStatus.class, Event.class, SaleStatus::on)
            .to(SaleStatus.OPEN, Event.COMPLETE, SaleStatus.COMPLETED)
            .to(SaleStatus.OPEN, Event.CANCEL, SaleStatus.CANCELLED)
            .refused(SaleStatus.COMPLETED, Event.COMPLETE, ErrorCode.INVALID_TRANSITION)
            .refused(SaleStatus.COMPLETED, Event.CANCEL, ErrorCode.INVALID_TRANSITION)
            .refused(SaleStatus.CANCELLED, Event.COMPLETE, ErrorCode.INVALID_TRANSITION)
            .refused(SaleStatus.CANCELLED, Event.CANCEL, ErrorCode.INVALID_TRANSITION);

    @Override
    protected TransitionTable<SaleStatus, Event> table() {
        return TABLE;
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
        assertThat(!TABLE.acceptsSomeEvent(status)).isEqualTo(status.isTerminal());
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
