package org.storeline.server.refund;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storeline.core.payment.ProcessorEndpoint;
import org.storeline.core.refund.PaymentProcessor;
import org.storeline.core.refund.RefundCall;
import org.storeline.core.refund.RefundOutcome;

/**
 * Storeline's refund protocol over HTTP (docs/API.md, "Refunds to a processor"): a POST of
 * {@code {"amount", "currency", "payment_reference", "reason"}} to the payment type's URL, with
 * {@code Authorization: Bearer <credentials>} and {@code Idempotency-Key: <refund id>}. A 2xx
 * {@code {"status": "succeeded"}} is done; a 2xx {@code {"status": "failed", "message"}} or a 4xx is refused, with the
 * processor's message; anything else (a timeout, a 5xx, no connection, 408/409/425/429, an answer we cannot read) is
 * unknown: the refund is sent again later with the same key. Redirects are not followed.
 */
public final class HttpPaymentProcessor implements PaymentProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(HttpPaymentProcessor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 4xx answers that say "not now" rather than "no": the same refund may succeed when sent again. */
    private static final Set<Integer> TRY_AGAIN = Set.of(408, 409, 425, 429);

    private static final int MAX_MESSAGE = 500;

    private final HttpClient http;
    private final Duration timeout;

    public HttpPaymentProcessor(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public RefundOutcome refund(ProcessorEndpoint endpoint, RefundCall call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", call.idempotencyKey().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(call)));
        endpoint.credentials().ifPresent(credentials -> request.header("Authorization", "Bearer " + credentials));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            RefundOutcome outcome = outcome(response.statusCode(), response.body());
            if (outcome instanceof RefundOutcome.Unknown unknown) {
                LOG.warn("Refund {} to {}: {}", call.idempotencyKey(), endpoint.url(), unknown.detail());
            }
            return outcome;
        } catch (HttpTimeoutException e) {
            return unknown(call, endpoint, "it did not answer within " + timeout.toSeconds() + " s", e);
        } catch (ConnectException e) {
            return unknown(call, endpoint, "it could not be reached", e);
        } catch (IOException e) {
            return unknown(call, endpoint, "the connection to it failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown(call, endpoint, "the call was interrupted", e);
        }
    }

    private static RefundOutcome unknown(RefundCall call, ProcessorEndpoint endpoint, String detail, Exception e) {
        LOG.warn("Refund {} to {}: {} ({})", call.idempotencyKey(), endpoint.url(), detail, e.toString());
        return new RefundOutcome.Unknown(detail);
    }

    private static byte[] body(RefundCall call) {
        ObjectNode body = JSON.createObjectNode();
        body.put("amount", call.amount().toDecimalString());
        body.put("currency", call.amount().currency().getCurrencyCode());
        body.put("payment_reference", call.paymentReference().orElse(null));
        body.put("reason", call.reason());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON object of strings can always be written", e);
        }
    }

    /** What an answer means (the protocol's table). */
    static RefundOutcome outcome(int status, byte[] body) {
        JsonNode json = read(body);
        if (status >= 200 && status < 300) {
            String said = json.path("status").asText("");
            if (said.equals("succeeded")) {
                return new RefundOutcome.Succeeded();
            }
            if (said.equals("failed")) {
                return new RefundOutcome.Refused(message(json, "It gave no reason."));
            }
            return new RefundOutcome.Unknown("it answered " + status + " without a status of succeeded or failed");
        }
        if (status >= 400 && status < 500 && !TRY_AGAIN.contains(status)) {
            return new RefundOutcome.Refused(message(json, "It answered HTTP " + status + " and gave no reason."));
        }
        return new RefundOutcome.Unknown("it answered HTTP " + status);
    }

    private static JsonNode read(byte[] body) {
        try {
            JsonNode json = body == null || body.length == 0 ? null : JSON.readTree(body);
            return json == null ? JSON.createObjectNode() : json;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /**
     * The processor's own words for the cashier: its {@code message} (or {@code error.message}), without control
     * characters or half surrogate pairs, at most {@value #MAX_MESSAGE} characters.
     */
    static String message(JsonNode json, String otherwise) {
        JsonNode message = json.path("message").isTextual()
                ? json.path("message")
                : json.path("error").path("message");
        StringBuilder clean = new StringBuilder();
        message.asText("")
                .codePoints()
                .filter(cp -> !Character.isISOControl(cp)
                        && !(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE))
                .forEach(clean::appendCodePoint);
        String text = clean.toString().strip();
        if (text.isEmpty()) {
            return otherwise;
        }
        int length = text.codePointCount(0, text.length());
        return length <= MAX_MESSAGE ? text : text.substring(0, text.offsetByCodePoints(0, MAX_MESSAGE - 1)) + "…";
    }
}
