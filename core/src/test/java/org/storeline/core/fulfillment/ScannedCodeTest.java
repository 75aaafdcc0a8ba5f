package org.storeline.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.storeline.core.error.ErrorCode;

/** A scanner's own prefix and suffix characters are trimmed; what is left is compared exactly. */
class ScannedCodeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8710001",
                " 8710001 ",
                "\u00028710001\u0003",
                "8710001\r\n",
                "8710001\n",
                "\t8710001\t",
                "\uFEFF8710001",
                "8710001\u200B",
                "\u00a08710001\u00a0",
                "\u001b8710001\r"
            })
    void trimsWhatScannersSendAroundTheCode(String scanned) {
        assertThat(ScannedCode.of("barcode", scanned).value()).isEqualTo("8710001");
    }

    @Test
    void keepsTheCodeItselfAsItIsCaseAndInnerSpacesIncluded() {
        assertThat(ScannedCode.of("barcode", " Tee Blue-m ").value()).isEqualTo("Tee Blue-m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\r\n", "\u0002\u0003"})
    void refusesACodeThatIsNothingButPadding(String scanned) {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> ScannedCode.of("barcode", scanned));
    }

    @Test
    void refusesAControlCharacterInsideTheCodeAndACodeLongerThanAnyOfOurs() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> ScannedCode.of("barcode", "871\t0001"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> ScannedCode.of("barcode", "8".repeat(201)));
        assertThat(ScannedCode.of("barcode", "8".repeat(200)).value()).hasSize(200);
    }

    @Test
    void trackingNeedsSomethingToFollowAndAWebLink() {
        assertRefused(
                ErrorCode.INVALID_REQUEST, () -> new Tracking(Optional.empty(), Optional.of(" "), Optional.empty()));
        assertRefused(
                ErrorCode.INVALID_REQUEST,
                () -> new Tracking(Optional.of("1"), Optional.empty(), Optional.of("javascript:alert(1)")));
        assertThat(new Tracking(Optional.of(" 3S1 "), Optional.empty(), Optional.empty()).noteLine())
                .isEqualTo("Shipped: tracking 3S1");
    }
}
