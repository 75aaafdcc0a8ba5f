package org.storeline.core.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackingTest {
    @Test
    void theTrackingIsReadFromTheEventsPayloadEachPartOptional() {
        Tracking tracking = Tracking.fromPayload(
                Map.of("fulfillment_id", "x", "tracking_number", " 1Z999 ", "tracking_url", "https://t.example/1Z999"));

        assertThat(tracking.number()).contains("1Z999");
        assertThat(tracking.company()).isEmpty();
        assertThat(tracking.url()).contains("https://t.example/1Z999");
    }

    @Test
    void blanksNullsAndNonTextsAreNoTrackingAndNoValueAddsALine() {
        Map<String, Object> payload = new HashMap<>();
        payload.put("tracking_number", "  ");
        payload.put("tracking_company", null);
        payload.put("tracking_url", 42);

        assertThat(Tracking.fromPayload(payload).isEmpty()).isTrue();
        assertThat(Tracking.fromPayload(Map.of("tracking_company", "Post\nNL")).company())
                .contains("Post NL");
        assertThat(Tracking.fromPayload(Map.of("tracking_number", "9".repeat(2_000)))
                        .number())
                .hasValueSatisfying(n -> assertThat(n).hasSize(Tracking.LONGEST));
    }
}
