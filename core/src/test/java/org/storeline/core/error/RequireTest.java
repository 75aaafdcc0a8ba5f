package org.storeline.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Text that can be stored and given back as it came. */
class RequireTest {

    @Test
    void keepsAnyTextThatHasAUtf8Form() {
        String text = "Café 🍰 \t\u0001 ok";

        assertThat(Require.storable("name", text)).isSameAs(text);
        assertThat(Require.storable("name", null)).isNull();
    }

    @Test
    void refusesANulCharacterNamingTheFieldAndWhere() {
        assertThatThrownBy(() -> Require.storable("lines[0].name", "ab\u0000c"))
                .isInstanceOfSatisfying(StorelineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TEXT);
                    assertThat(e.getMessage()).startsWith("lines[0].name").contains("position 2");
                });
    }

    @Test
    void refusesHalfASurrogatePairWhereverItIs() {
        for (String text : new String[] {"a\uD800b", "\uDC00", "end\uD83C"}) {
            assertThatThrownBy(() -> Require.storable("note", text))
                    .isInstanceOfSatisfying(
                            StorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TEXT));
        }
    }

    @Test
    void requiredTextIsStorableToo() {
        assertThatThrownBy(() -> Require.text("name", "Shop\u0000"))
                .isInstanceOfSatisfying(
                        StorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TEXT));
    }
}
