package org.storeline.server.refund;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.storeline.core.refund.RefundOutcome;

/** The refund protocol's table of answers: what is done, what is refused (final) and what is unknown (sent again). */
class HttpPaymentProcessorTest {
    private static RefundOutcome answer(int status, String body) {
        return HttpPaymentProcessor.outcome(status, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSucceededStatusIsDone() {
        assertThat(answer(200, "{\"status\":\"succeeded\"}")).isInstanceOf(RefundOutcome.Succeeded.class);
        assertThat(answer(201, "{\"status\":\"succeeded\",\"id\":\"re_1\"}"))
                .isInstanceOf(RefundOutcome.Succeeded.class);
    }

    @Test
    void aFailedStatusOrA4xxIsRefusedWithTheProcessorsMessage() {
        assertThat(answer(200, "{\"status\":\"failed\",\"message\":\"Card expired\"}"))
                .isEqualTo(new RefundOutcome.Refused("Card expired"));
        assertThat(answer(402, "{\"message\":\"Charge already refunded\"}"))
                .isEqualTo(new RefundOutcome.Refused("Charge already refunded"));
        assertThat(answer(400, "{\"error\":{\"message\":\"No such charge\"}}"))
                .isEqualTo(new RefundOutcome.Refused("No such charge"));
        assertThat(answer(403, "<html>nope</html>"))
                .isEqualTo(new RefundOutcome.Refused("It answered HTTP 403 and gave no reason."));
    }

    @Test
    void a5xxATryAgainOrAnUnreadableSuccessIsUnknown() {
        assertThat(answer(503, "")).isInstanceOf(RefundOutcome.Unknown.class);
        assertThat(answer(500, "{\"status\":\"failed\"}")).isInstanceOf(RefundOutcome.Unknown.class);
        assertThat(answer(429, "{\"message\":\"slow down\"}")).isInstanceOf(RefundOutcome.Unknown.class);
        assertThat(answer(409, "{\"message\":\"a request with this key is in progress\"}"))
                .isInstanceOf(RefundOutcome.Unknown.class);
        assertThat(answer(200, "not json")).isInstanceOf(RefundOutcome.Unknown.class);
        assertThat(answer(302, "")).isInstanceOf(RefundOutcome.Unknown.class);
    }

    @Test
    void theMessageShownLosesControlCharactersAndIsCutAtFiveHundred() throws Exception {
        var json = new ObjectMapper().readTree("{\"message\":\"line\\none\\u0000 " + "x".repeat(600) + "\"}");

        String message = HttpPaymentProcessor.message(json, "none");

        assertThat(message).startsWith("lineone ").doesNotContain("\n").doesNotContain("\u0000");
        assertThat(message.codePointCount(0, message.length())).isEqualTo(500);
    }
}
