package org.storeline.db.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryJournalTest {
    private static final int HEADER_BYTES = 16;

    @TempDir
    Path dir;

    @Test
    void segmentFilesAreWrittenToTheirFullSizeOnFirstOpenSoThatAppendsReuseExistingBlocks() throws IOException {
        try (DeliveryJournal journal = DeliveryJournal.open(dir, 3, 64 * 1024, records -> { })) {
            assertThat(journal.durableSequence()).isZero();
        }
        for (int i = 0; i < 3; i++) {
            assertThat(Files.size(dir.resolve("segment-" + i))).isEqualTo(64 * 1024);
        }
    }

    @Test
    void recordsAppendedBeforeACrashAreHandedBackInOrderWhenTheJournalIsOpenedAgain() throws Exception {
        DeliveryJournal journal = DeliveryJournal.open(dir, 2, 64 * 1024, records -> { });
        assertThat(journal.append(text("first"))).isEqualTo(1);
        assertThat(journal.append(text("second"))).isEqualTo(2);
        assertThat(journal.append(text("third"))).isEqualTo(3);
        journal.close();

        assertThat(reopen()).containsExactly("first", "second", "third");
    }

    @Test
    void recordsHandedBackOnOpeningAreNotHandedBackASecondTime() throws Exception {
        try (DeliveryJournal journal = DeliveryJournal.open(dir, 2, 64 * 1024, records -> { })) {
            journal.append(text("only once"));
        }
        assertThat(reopen()).containsExactly("only once");
        assertThat(reopen()).isEmpty();
    }

    @Test
    void aRecordTornByACrashEndsTheSegmentAndWhatCameBeforeItIsKept() throws Exception {
        try (DeliveryJournal journal = DeliveryJournal.open(dir, 2, 64 * 1024, records -> { })) {
            journal.append(text("whole"));
            journal.append(text("torn apart"));
        }
        int tornPayloadAt = HEADER_BYTES + "whole".length() + HEADER_BYTES;
        try (FileChannel segment = FileChannel.open(dir.resolve("segment-0"), StandardOpenOption.WRITE)) {
            segment.write(ByteBuffer.wrap("TORN".getBytes(StandardCharsets.UTF_8)), tornPayloadAt);
        }

        assertThat(reopen()).containsExactly("whole");
    }

    @Test
    void whenNoSegmentIsConfirmedTheJournalRefusesInsteadOfOverwritingRecords() throws Exception {
        try (DeliveryJournal journal = DeliveryJournal.open(dir, 2, 1024, records -> { })) {
            byte[] record = new byte[400];
            journal.append(record);
            journal.append(record);
            journal.append(record);
            journal.append(record);

            assertThatThrownBy(() -> journal.append(record)).isInstanceOf(DeliveryJournal.Unavailable.class)
                    .hasMessageContaining("not yet confirmed");
        }
    }

    @Test
    void aSegmentWhoseRecordsAreConfirmedIsReusedAndItsEarlierPassIsNotHandedBack() throws Exception {
        try (DeliveryJournal journal = DeliveryJournal.open(dir, 2, 1024, records -> { })) {
            journal.append(padded("pass 1, a", 400));
            journal.append(padded("pass 1, b", 400));
            journal.append(padded("pass 1, c", 400));
            journal.confirm(journal.durableSequence());
            journal.append(padded("pass 1, d", 400));
            journal.append(padded("pass 2, e", 400));
        }

        assertThat(reopen()).containsExactly("pass 2, e", "pass 1, c", "pass 1, d");
    }

    @Test
    void aJournalClearedAfterEverythingWasConfirmedHandsNothingBack() throws Exception {
        try (DeliveryJournal journal = DeliveryJournal.open(dir, 2, 64 * 1024, records -> { })) {
            journal.append(text("confirmed"));
            assertThat(journal.stopAndClearIfConfirmed()).as("cleared before the confirmation").isFalse();
            journal.confirm(journal.durableSequence());
            assertThat(journal.stopAndClearIfConfirmed()).isTrue();
        }

        assertThat(reopen()).isEmpty();
    }

    /** Generations keep growing across restarts, so the old records behind a new pass's last one stay dead. */
    @Test
    void recordsOfARunBeforeACleanRestartAreNotHandedBackBehindTheNextRunsRecords() throws Exception {
        try (DeliveryJournal journal = DeliveryJournal.open(dir, 2, 64 * 1024, records -> { })) {
            for (int i = 0; i < 5; i++) {
                journal.append(text("old " + i));
            }
            journal.confirm(journal.durableSequence());
            journal.stopAndClearIfConfirmed();
        }
        try (DeliveryJournal journal = DeliveryJournal.open(dir, 2, 64 * 1024, records -> { })) {
            journal.append(text("new 0"));
            journal.append(text("new 1"));
        }

        assertThat(reopen()).containsExactly("new 0", "new 1");
    }

    @Test
    void anAppendAfterCloseIsRefusedAtOnceInsteadOfWaiting() {
        DeliveryJournal journal = DeliveryJournal.open(dir, 2, 64 * 1024, records -> { });
        journal.close();

        assertThatThrownBy(() -> journal.append(text("too late"))).isInstanceOf(DeliveryJournal.Unavailable.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aRecordTooLargeForASegmentIsRefused() {
        try (DeliveryJournal journal = DeliveryJournal.open(dir, 2, 1024, records -> { })) {
            assertThatThrownBy(() -> journal.append(new byte[2000])).isInstanceOf(DeliveryJournal.Unavailable.class)
                    .hasMessageContaining("does not fit");
        }
    }

    @Test
    void concurrentAppendsAreEachGivenTheirOwnSequenceNumberAndAllComeBack() throws Exception {
        int count = 400;
        List<Future<Long>> sequences = new ArrayList<>();
        try (DeliveryJournal journal = DeliveryJournal.open(dir, 4, 1 << 20, records -> { });
             ExecutorService senders = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < count; i++) {
                byte[] record = text("record " + i);
                sequences.add(senders.submit(() -> journal.append(record)));
            }
            Set<Long> distinct = new HashSet<>();
            for (Future<Long> sequence : sequences) {
                distinct.add(sequence.get());
            }
            assertThat(distinct).hasSize(count).allMatch(s -> s >= 1 && s <= count);
            assertThat(journal.durableSequence()).isEqualTo(count);
        }
        assertThat(reopen()).hasSize(count).doesNotHaveDuplicates();
    }

    private List<String> reopen() {
        List<String> found = new ArrayList<>();
        DeliveryJournal.open(dir, segmentCount(), segmentBytes(),
                records -> records.forEach(record -> found.add(new String(record, StandardCharsets.UTF_8).trim()))).close();
        return found;
    }

    private int segmentCount() {
        try (var files = Files.list(dir)) {
            return (int) files.filter(f -> f.getFileName().toString().startsWith("segment-")).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private int segmentBytes() {
        try {
            return (int) Files.size(dir.resolve("segment-0"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A record of exactly {@code size} bytes: the text, then spaces. */
    private static byte[] padded(String text, int size) {
        return String.format("%-" + size + "s", text).getBytes(StandardCharsets.UTF_8);
    }
}
