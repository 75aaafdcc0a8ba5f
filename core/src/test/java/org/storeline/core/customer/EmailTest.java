package org.storeline.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.core.ErrorAssertions.assertRefused;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.storeline.core.error.ErrorCode;

class EmailTest {

    @Test
    void keepsTheAddressAsGivenButTrimmed() {
        Email email = Email.of("  Ana.Silva@Example.COM \t");

        assertThat(email.value()).isEqualTo("Ana.Silva@Example.COM");
    }

    @Test
    void matchesOnTheLowerCasedAddress() {
        assertThat(Email.of(" Ana.Silva@Example.COM ").key()).isEqualTo("ana.silva@example.com");
        assertThat(Email.of("ANA@EXAMPLE.COM").key())
                .isEqualTo(Email.of("ana@example.com").key());
    }

    @Test
    void lowerCasesWithoutRegardToTheMachineLocale() {
        // In a Turkish locale "I".toLowerCase() would give a dotless ı.
        assertThat(Email.of("INFO@SHOP.IT").key()).isEqualTo("info@shop.it");
    }

    @Test
    void acceptsAddressesWithPlusTagsAndSubdomains() {
        assertThat(Email.of("ana+orders@mail.shop.example").value()).isEqualTo("ana+orders@mail.shop.example");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ana",
                "ana@",
                "@example.com",
                "ana@@example.com",
                "ana@exa@mple.com",
                "ana silva@example.com",
                "ana@example .com",
                "",
                "   "
            })
    void refusesWhatIsNotAnEmailAddress(String value) {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Email.of(value));
    }

    @Test
    void refusesAMissingAddress() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Email.of(null));
    }

    @Test
    void acceptsTwoHundredFiftyFourCharactersAndRefusesMore() {
        String domain = "@example.com";
        String longest = "a".repeat(254 - domain.length()) + domain;

        assertThat(Email.of(longest).value()).hasSize(254);
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Email.of("a" + longest));
    }
}
