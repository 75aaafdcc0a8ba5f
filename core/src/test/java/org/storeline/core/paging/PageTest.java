package org.storeline.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;

class PageTest {

    record Row(UUID id, int n) {}

    private static List<Row> rows(int count) {
        return IntStream.range(0, count)
                .mapToObj(n -> new Row(UUID.randomUUID(), n))
                .toList();
    }

    @Test
    void fewerRowsThanTheLimitMakeTheLastPage() {
        List<Row> rows = rows(3);

        Page<Row> page = Page.fromOverfetched(rows, 5, Row::id);

        assertThat(page.items()).containsExactlyElementsOf(rows);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void exactlyTheLimitMakesTheLastPage() {
        List<Row> rows = rows(5);

        Page<Row> page = Page.fromOverfetched(rows, 5, Row::id);

        assertThat(page.items()).containsExactlyElementsOf(rows);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void theExtraRowIsDroppedAndTheLastKeptRowBecomesTheCursor() {
        List<Row> rows = rows(6);

        Page<Row> page = Page.fromOverfetched(rows, 5, Row::id);

        assertThat(page.items()).containsExactlyElementsOf(rows.subList(0, 5));
        assertThat(page.next()).contains(rows.get(4).id());
    }

    @Test
    void noRowsMakeAnEmptyLastPage() {
        Page<Row> page = Page.fromOverfetched(List.of(), 5, Row::id);

        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void aPageOfOneWithMoreToCome() {
        List<Row> rows = rows(2);

        Page<Row> page = Page.fromOverfetched(rows, 1, Row::id);

        assertThat(page.items()).containsExactly(rows.get(0));
        assertThat(page.next()).contains(rows.get(0).id());
    }

    @Test
    void thePageIsACopyThatCannotBeChanged() {
        List<Row> rows = new ArrayList<>(rows(3));

        Page<Row> page = Page.fromOverfetched(rows, 5, Row::id);
        rows.clear();

        assertThat(page.items()).hasSize(3).isUnmodifiable();
    }

    @Test
    void mappingKeepsTheCursor() {
        List<Row> rows = rows(4);
        Page<Row> page = Page.fromOverfetched(rows, 3, Row::id);

        Page<Integer> numbers = page.map(Row::n);

        assertThat(numbers.items()).containsExactly(0, 1, 2);
        assertThat(numbers.next()).isEqualTo(page.next()).contains(rows.get(2).id());
    }

    @Test
    void acceptsLimitsFromOneToFiveHundred() {
        assertThat(PageRequest.first(1).limit()).isEqualTo(1);
        assertThat(PageRequest.first(500).limit()).isEqualTo(500);
        assertThat(PageRequest.first(PageRequest.DEFAULT_LIMIT).after()).isEmpty();
        assertThat(PageRequest.DEFAULT_LIMIT).isEqualTo(50);
        assertThat(PageRequest.MAX_LIMIT).isEqualTo(500);
    }

    @Test
    void refusesALimitOutsideOneToFiveHundred() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> PageRequest.first(0));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> PageRequest.first(-1));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> PageRequest.first(501));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> new PageRequest(501, Optional.of(UUID.randomUUID())));
    }

    @Test
    void keepsThePositionToStartAfter() {
        UUID after = UUID.randomUUID();

        assertThat(new PageRequest(20, Optional.of(after)).after()).contains(after);
    }
}
