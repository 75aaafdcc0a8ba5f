package org.storeline.channels.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.storeline.core.error.StorelineException;

class OrderQueryTest {
    private static final Instant SINCE = Instant.parse("2025-01-01T00:00:00Z");

    private static OrderQuery page(String token) {
        return new OrderQuery(SINCE, Optional.empty(), Optional.ofNullable(token));
    }

    @Test
    void theFirstPageIsPageOneAtOffsetZeroAndATokenIsReadAsItsNumber() {
        assertThat(page(null).pageNumber()).isEqualTo(1);
        assertThat(page(null).offset()).isZero();
        assertThat(page("3").pageNumber()).isEqualTo(3);
        assertThat(page(" 200 ").offset()).isEqualTo(200);
    }

    @ParameterizedTest(name = "page ''{0}''")
    @ValueSource(strings = {"0", "-1", "two", "", "2147483648", "1.5"})
    void aTokenThatIsNoPageNumberIsRefusedNamingIt(String token) {
        assertThatThrownBy(() -> page(token).pageNumber())
                .isInstanceOf(StorelineException.class)
                .hasMessage("The page token '" + token + "' is not a page number (1, 2...).");
    }

    @ParameterizedTest(name = "offset ''{0}''")
    @ValueSource(strings = {"-1", "abc", "9223372036854775808"})
    void aTokenThatIsNoOffsetIsRefusedNamingIt(String token) {
        assertThatThrownBy(() -> page(token).offset())
                .isInstanceOf(StorelineException.class)
                .hasMessage("The page token '" + token + "' is not an offset (0, 100...).");
    }
}
