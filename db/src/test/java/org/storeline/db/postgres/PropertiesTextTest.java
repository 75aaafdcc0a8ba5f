package org.storeline.db.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertiesTextTest {

    @Test
    void anyMapSurvivesTheRoundTripIncludingSeparatorsNewlinesAndBackslashes() {
        Map<String, String> values = Map.of("x-wc-webhook-signature", "abc+/=", "odd: name", "a: b\nc\\d\re", "empty", "", "ünïcode", "€");

        assertThat(PropertiesText.decode(PropertiesText.encode(values))).isEqualTo(values);
    }

    @Test
    void writesOneReadableLinePerEntry() {
        assertThat(PropertiesText.encode(Map.of("content-type", "application/json"))).isEqualTo("content-type: application/json\n");
    }
}
