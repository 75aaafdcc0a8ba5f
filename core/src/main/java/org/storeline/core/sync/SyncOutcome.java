package org.storeline.core.sync;

import java.time.Instant;

/** How one attempt at a sync task ended, as the task's state machine takes it ({@link SyncTaskState.Event}). */
public sealed interface SyncOutcome {
    SyncTaskState.Event event();

    /** The platform took it. */
    record Done() implements SyncOutcome {
        @Override
        public SyncTaskState.Event event() {
            return SyncTaskState.Event.SUCCEED;
        }
    }

    /** The platform said no, in its own words: final until someone retries it by hand. */
    record Refused(String reason) implements SyncOutcome {
        @Override
        public SyncTaskState.Event event() {
            return SyncTaskState.Event.REFUSE;
        }
    }

    /** Not taken now; due again {@code at}. */
    record Later(Instant at, String reason) implements SyncOutcome {
        @Override
        public SyncTaskState.Event event() {
            return SyncTaskState.Event.RETRY_LATER;
        }
    }

    /** Sent without an answer: checked against the platform {@code at}, before it is sent again. */
    record Unknown(Instant at, String reason) implements SyncOutcome {
        @Override
        public SyncTaskState.Event event() {
            return SyncTaskState.Event.LOSE_TRACK;
        }
    }

    /** Not sent at all (its worker ran out of lease first): due again at once, the attempt not counted. */
    record Released() implements SyncOutcome {
        @Override
        public SyncTaskState.Event event() {
            return SyncTaskState.Event.RELEASE;
        }
    }
}
