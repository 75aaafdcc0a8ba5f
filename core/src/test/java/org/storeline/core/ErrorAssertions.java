package org.storeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/** Asserts that a domain call is refused with one exact, stable error code. */
public final class ErrorAssertions {
    private ErrorAssertions() {}

    public static void assertRefused(ErrorCode expected, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StorelineException.class, e -> {
            assertThat(e.code()).isEqualTo(expected);
            assertThat(e.getMessage())
                    .as("a message for the person who has to act")
                    .isNotBlank();
        });
    }
}
