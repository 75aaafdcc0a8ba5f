package org.storeline.core.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.storeline.core.StateMachineTest;
import org.storeline.core.TransitionTable;
import org.storeline.core.email.CustomerEmailStatus.Event;
import org.storeline.core.error.ErrorCode;

/** Walks every (state, event) pair of a customer email: only one on its way takes an outcome; any can be resent. */
class CustomerEmailStatusTest extends StateMachineTest<CustomerEmailStatus, Event> {
    private static final ErrorCode REFUSED = ErrorCode.INVALID_TRANSITION;

    static final TransitionTable<CustomerEmailStatus, Event> TABLE = new TransitionTable<>(
                    CustomerEmailStatus.class, Event.class, CustomerEmailStatus::on)
            .to(CustomerEmailStatus.PENDING, Event.DELIVER, CustomerEmailStatus.SENT)
            .to(CustomerEmailStatus.PENDING, Event.FAIL, CustomerEmailStatus.FAILED)
            .to(CustomerEmailStatus.PENDING, Event.SKIP, CustomerEmailStatus.SKIPPED)
            .to(CustomerEmailStatus.PENDING, Event.RESEND, CustomerEmailStatus.PENDING)
            .to(CustomerEmailStatus.FAILED, Event.DELIVER, CustomerEmailStatus.SENT)
            .to(CustomerEmailStatus.FAILED, Event.FAIL, CustomerEmailStatus.FAILED)
            .to(CustomerEmailStatus.FAILED, Event.SKIP, CustomerEmailStatus.SKIPPED)
            .to(CustomerEmailStatus.FAILED, Event.RESEND, CustomerEmailStatus.PENDING)
            .refused(CustomerEmailStatus.SENT, Event.DELIVER, REFUSED)
            .refused(CustomerEmailStatus.SENT, Event.FAIL, REFUSED)
            .refused(CustomerEmailStatus.SENT, Event.SKIP, REFUSED)
            .to(CustomerEmailStatus.SENT, Event.RESEND, CustomerEmailStatus.PENDING)
            .refused(CustomerEmailStatus.SKIPPED, Event.DELIVER, REFUSED)
            .refused(CustomerEmailStatus.SKIPPED, Event.FAIL, REFUSED)
            .refused(CustomerEmailStatus.SKIPPED, Event.SKIP, REFUSED)
            .to(CustomerEmailStatus.SKIPPED, Event.RESEND, CustomerEmailStatus.PENDING);

    @Override
    protected TransitionTable<CustomerEmailStatus, Event> table() {
        return TABLE;
    }

    @ParameterizedTest
    @EnumSource(CustomerEmailStatus.class)
    void theSenderTakesExactlyTheEmailsThatTakeAnOutcome(CustomerEmailStatus status) {
        boolean takesAnOutcome = TABLE.rows().stream()
                .anyMatch(row -> row.from() == status && row.event() == Event.DELIVER && row.to() != null);
        assertThat(status.isDue()).isEqualTo(takesAnOutcome);
    }
}
