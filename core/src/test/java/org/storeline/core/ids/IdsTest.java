package org.storeline.core.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.storeline.core.error.ErrorCode;

class IdsTest {

    @Test
    void makesVersion7IdsOfTheRfc4122Variant() {
        for (int i = 0; i < 100; i++) {
            UUID id = Ids.newId();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        }
    }

    @Test
    void putsTheCreationTimeInTheFirst48Bits() {
        long before = System.currentTimeMillis();
        UUID id = Ids.newId();
        long after = System.currentTimeMillis();

        long millis = id.getMostSignificantBits() >>> 16;

        assertThat(millis).isBetween(before, after);
    }

    @Test
    void idsMadeWithinOneMillisecondStillSortInCreationOrder() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(Ids.newId());
        }

        List<String> asText = made.stream().map(UUID::toString).toList();
        List<String> sorted = new ArrayList<>(asText);
        sorted.sort(null);
        assertThat(sorted).containsExactlyElementsOf(asText);
        assertThat(new HashSet<>(made)).hasSize(made.size());
    }

    @Test
    void idsMadeInSequenceSortInCreationOrder() throws InterruptedException {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            made.add(Ids.newId());
            Thread.sleep(2);
        }

        List<UUID> sorted = new ArrayList<>(made);
        sorted.sort(null);
        assertThat(sorted).containsExactlyElementsOf(made);

        List<String> asText = made.stream().map(UUID::toString).toList();
        assertThat(asText).isSorted();
    }

    @Test
    void makesNoTwoIdsAlike() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId());
        }

        assertThat(ids).hasSize(10_000);
    }

    @Test
    void parsesTheCanonicalForm() {
        UUID id = Ids.newId();

        assertThat(Ids.parse("id", id.toString())).isEqualTo(id);
        assertThat(Ids.parse("id", " " + id + " ")).isEqualTo(id);
        assertThat(Ids.parse("id", id.toString().toUpperCase())).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1-2-3-4-5",
                "0-0-0-0-0",
                "garbage",
                "not-a-uuid-at-all",
                "0190c6d2-4f1a-7b3c-8d4e-5f6a7b8c9d0",
                "0190c6d2-4f1a-7b3c-8d4e-5f6a7b8c9d0e1",
                "0190c6d2-4f1a-7b3c-8d4e-5f6a7b8c9dzz",
                "0190c6d24f1a7b3c8d4e5f6a7b8c9d0e"
            })
    void refusesWhatIsNotACanonicalId(String value) {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Ids.parse("sale_id", value));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0000000000000000000000000000-1-2-3-4",
                "+0000000-0000-0000-0000-000000000001",
                "0000000-00000-0000-0000-000000000001"
            })
    void refusesThirtySixCharactersThatAreNotInTheCanonicalShape(String value) {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Ids.parse("sale_id", value));
    }

    @Test
    void refusesAMissingIdNamingTheField() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Ids.parse("sale_id", null));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Ids.parse("sale_id", "  "));
        Assertions.assertThatThrownBy(() -> Ids.parse("sale_id", "1-2-3-4-5"))
                .hasMessageContaining("sale_id")
                .hasMessageContaining("1-2-3-4-5");
    }

    @Test
    void anIdAtAnEarlierTimeCarriesThatTimeAndSortsBeforeLaterIds() {
        Instant placed = Instant.parse("2026-03-02T09:15:00.123Z");

        UUID earlier = Ids.at(placed);
        UUID later = Ids.at(placed.plusMillis(1));
        UUID now = Ids.newId();

        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(placed.toEpochMilli());
        List<String> sorted = new ArrayList<>(List.of(now.toString(), later.toString(), earlier.toString()));
        sorted.sort(null);
        assertThat(sorted).containsExactly(earlier.toString(), later.toString(), now.toString());
    }

    @Test
    void idsAtOneMillisecondAreStillDistinct() {
        Instant placed = Instant.parse("2026-03-02T09:15:00Z");
        Set<UUID> made = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(Ids.at(placed));
        }

        assertThat(made).hasSize(10_000);
    }

    @Test
    void aTimeNoIdCanHoldGetsAnIdOfNow() {
        long before = System.currentTimeMillis();

        UUID beforeEpoch = Ids.at(Instant.parse("1969-12-31T23:59:59Z"));
        UUID farFuture = Ids.at(Instant.parse("+12000-01-01T00:00:00Z"));
        UUID beyondLong = Ids.at(Instant.MAX);

        long after = System.currentTimeMillis();
        for (UUID id : List.of(beforeEpoch, farFuture, beyondLong)) {
            assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
        }
    }
}
