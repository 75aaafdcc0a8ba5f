package org.storeline.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.storeline.core.transaction.Transactions;

/** Done sync tasks are forgotten after the retention, a batch per transaction until a batch comes back short. */
class SyncRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-09T11:00:00Z");

    private final Deque<Integer> answers = new ArrayDeque<>();
    private final List<String> calls = new ArrayList<>();
    private final SyncTasks tasks = (SyncTasks) Proxy.newProxyInstance(
            SyncTasks.class.getClassLoader(), new Class<?>[] {SyncTasks.class}, (proxy, method, args) -> {
                if (!method.getName().equals("deleteDone")) {
                    throw new AssertionError("only deleteDone is called, not " + method.getName());
                }
                calls.add("delete done before " + args[0] + ", at most " + args[1]);
                return answers.removeFirst();
            });
    private final Transactions tx = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            calls.add("begin");
            return work.get();
        }
    };

    private SyncRetention retention(Duration keep) {
        return new SyncRetention(tasks, tx, Clock.fixed(NOW, ZoneOffset.UTC), keep);
    }

    @Test
    void tasksDoneBeforeTheRetentionAreDeletedABatchPerTransactionUntilABatchComesBackShort() {
        answers.addAll(List.of(SyncRetention.BATCH, SyncRetention.BATCH, 12));

        int deleted = retention(Duration.ofDays(7)).prune();

        assertThat(deleted).isEqualTo(2 * SyncRetention.BATCH + 12);
        String call = "delete done before 2026-12-02T11:00:00Z, at most " + SyncRetention.BATCH;
        assertThat(calls).containsExactly("begin", call, "begin", call, "begin", call);
    }

    @Test
    void nothingDoneLongEnoughAgoIsOneQuery() {
        answers.add(0);

        assertThat(retention(Duration.ofHours(1)).prune()).isZero();
        assertThat(calls).containsExactly("begin", "delete done before 2026-12-09T10:00:00Z, at most 5000");
    }

    @Test
    void aRetentionOfNothingIsRefused() {
        assertThatThrownBy(() -> retention(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
