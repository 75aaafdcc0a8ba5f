package org.storeline.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.StorelineException;

class ImportRequestTest {
    private static final Instant MONDAY = Instant.parse("2026-11-30T00:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void orderIdsAreTrimmedAndEachAskedForOnce() {
        assertThat(ImportRequest.of(Optional.empty(), Optional.empty(), List.of(" 1001", "1002 ", "1001")))
                .isEqualTo(new ImportRequest.OrderIds(List.of("1001", "1002")));
    }

    @Test
    void aRangeNeedsOnlyItsStart() {
        assertThat(ImportRequest.of(Optional.of(MONDAY), Optional.empty(), List.of()))
                .isEqualTo(new ImportRequest.Range(MONDAY, Optional.empty()));
    }

    @Test
    void aRangeMustEndAfterItStarts() {
        assertThatThrownBy(() -> ImportRequest.of(Optional.of(TUESDAY), Optional.of(MONDAY), List.of()))
                .isInstanceOf(StorelineException.class)
                .hasMessageContaining("must be after since");
        assertThatThrownBy(() -> ImportRequest.of(Optional.of(MONDAY), Optional.of(MONDAY), List.of()))
                .isInstanceOf(StorelineException.class);
    }

    @Test
    void nothingToImportSaysWhatToGive() {
        assertThatThrownBy(() -> ImportRequest.of(Optional.empty(), Optional.of(MONDAY), List.of()))
                .isInstanceOf(StorelineException.class)
                .hasMessageContaining("Give since");
    }

    @Test
    void idsAndARangeTogetherAreRefusedRatherThanOneSilentlyIgnored() {
        assertThatThrownBy(() -> ImportRequest.of(Optional.of(MONDAY), Optional.empty(), List.of("1001")))
                .isInstanceOf(StorelineException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void anEmptyIdAndTooManyIdsAreRefused() {
        assertThatThrownBy(() -> ImportRequest.of(Optional.empty(), Optional.empty(), List.of("1001", "  ")))
                .isInstanceOf(StorelineException.class)
                .hasMessageContaining("empty id");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= ImportRequest.MAX_ORDER_IDS; i++) {
            tooMany.add(String.valueOf(i));
        }
        assertThatThrownBy(() -> ImportRequest.of(Optional.empty(), Optional.empty(), tooMany))
                .isInstanceOf(StorelineException.class)
                .hasMessageContaining("at most " + ImportRequest.MAX_ORDER_IDS);
        assertThat(ImportRequest.of(Optional.empty(), Optional.empty(), Collections.nCopies(1, "7")))
                .isInstanceOf(ImportRequest.OrderIds.class);
    }
}
