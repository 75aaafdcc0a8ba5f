package org.storeline.channels.bigcommerce;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import org.storeline.channels.api.PlatformHttp;

/**
 * BigCommerce's rate-limit answer, read the way {@link PlatformHttp} reads any other: a 429 from BigCommerce carries no
 * {@code Retry-After}, only {@code X-Rate-Limit-Time-Reset-Ms}, the milliseconds until the store's quota refills
 * (BigCommerce's "API Rate limits" page, which says to wait that long before retrying), so that header is the wait it
 * asks for.
 */
final class BigCommerceRateLimits {
    static final String RESET_HEADER = "X-Rate-Limit-Time-Reset-Ms";

    private BigCommerceRateLimits() {}

    /**
     * One attempt per call, for the sync outbox, with {@link PlatformHttp#singleAttempt()}'s timeouts (5 s to connect,
     * 20 s for an answer, no redirects), reading the reset header.
     */
    static PlatformHttp singleAttempt() {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return singleAttempt(client, Duration.ofSeconds(20));
    }

    static PlatformHttp singleAttempt(HttpClient client, Duration requestTimeout) {
        return new PlatformHttp(client, 1, attempt -> Duration.ZERO, Thread::sleep, requestTimeout)
                .readingWait(BigCommerceRateLimits::waitAfter);
    }

    /** The wait a 429 asks for in BigCommerce's words; empty for any other answer or an unreadable header. */
    static Optional<Duration> waitAfter(int status, HttpHeaders headers) {
        if (status != 429) {
            return Optional.empty();
        }
        return headers.firstValue(RESET_HEADER)
                .map(String::trim)
                .filter(value -> value.matches("\\d{1,12}"))
                .map(millis -> Duration.ofMillis(Long.parseLong(millis)));
    }
}
