package org.storeline.channels.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The one way connectors call a platform: timeouts on every call; 429 and 5xx retried with the
 * platform's {@code Retry-After} (seconds or an HTTP date) or an exponential backoff; other 4xx
 * returned to the caller as a final refusal. A platform that says how long to wait in headers of its own rather than
 * {@code Retry-After} (BigCommerce's reset, Lightspeed's windows) is read by its {@link PlatformWait}. Request and
 * response bodies are never logged here.
 */
public final class PlatformHttp {
    /** How long to wait before retry {@code attempt} (1-based), when the platform does not say. */
    public interface Backoff {
        Duration delay(int attempt);
    }

    /** Sleeps; a test replaces it to run retries without waiting. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * How long a platform asks to wait, read from headers of its own, for an answer of {@code status} (429, 5xx) that
     * has no {@code Retry-After}; empty when they say nothing.
     */
    public interface PlatformWait {
        Optional<Duration> after(int status, HttpHeaders headers);
    }

    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final PlatformWait RETRY_AFTER_ONLY = (status, headers) -> Optional.empty();

    private final HttpClient client;
    private final int maxAttempts;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Duration requestTimeout;
    private final PlatformWait platformWait;

    public PlatformHttp(HttpClient client, int maxAttempts, Backoff backoff, Sleeper sleeper, Duration requestTimeout) {
        this(client, maxAttempts, backoff, sleeper, requestTimeout, RETRY_AFTER_ONLY);
    }

    private PlatformHttp(
            HttpClient client,
            int maxAttempts,
            Backoff backoff,
            Sleeper sleeper,
            Duration requestTimeout,
            PlatformWait platformWait) {
        this.client = client;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.requestTimeout = requestTimeout;
        this.platformWait = platformWait;
    }

    /** The same calls, reading how long to wait from the platform's own headers when it sends no Retry-After. */
    public PlatformHttp readingWait(PlatformWait wait) {
        return new PlatformHttp(client, maxAttempts, backoff, sleeper, requestTimeout, wait);
    }

    /** Production defaults: 4 attempts, 0.5 s, 1 s, 2 s between them unless the platform says otherwise. */
    public static PlatformHttp standard() {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new PlatformHttp(
                client, 4, attempt -> Duration.ofMillis(500L << (attempt - 1)), Thread::sleep, Duration.ofSeconds(20));
    }

    public record Response(int status, String body, HttpResponse<String> raw) {
        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    /**
     * One attempt per call, for the sync outbox, which retries itself (with backoff, {@code Retry-After} and the
     * platform's budget) without holding a worker asleep: the same timeouts as {@link #standard()}.
     */
    public static PlatformHttp singleAttempt() {
        return singleAttempt(Duration.ofSeconds(20));
    }

    /** As {@link #singleAttempt()}, waiting {@code requestTimeout} for each answer (at most 5 s to connect). */
    public static PlatformHttp singleAttempt(Duration requestTimeout) {
        Duration connect = requestTimeout.compareTo(Duration.ofSeconds(5)) < 0 ? requestTimeout : Duration.ofSeconds(5);
        HttpClient client = HttpClient.newBuilder()
                // HTTP/1.1: over plain http the client would first offer an h2c upgrade, which a server may leave
                // unanswered when the request has a large body (a batch of 100 stock levels), until the timeout.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new PlatformHttp(client, 1, attempt -> Duration.ZERO, Thread::sleep, requestTimeout);
    }

    /**
     * Sends the request, retrying what may succeed later. Answers the response for 2xx and for final
     * 4xx refusals the caller may want to read (404 and the like are thrown as non-retryable).
     */
    public Response send(HttpRequest.Builder request, String what) {
        return send(request, what, 1);
    }

    /**
     * As {@link #send(HttpRequest.Builder, String)}, for a request that counts as {@code weight} against the channel's
     * rate budget (a batch that carries other requests): each attempt first waits for the {@link RequestPacing pacer}
     * of the operation it is part of, which may refuse it, unsent.
     */
    public Response send(HttpRequest.Builder request, String what, int weight) {
        HttpRequest built = request.timeout(requestTimeout).build();
        try {
            return sendBuilt(built, what, weight);
        } catch (PlatformCallException e) {
            // Not sent at all (the rate budget held it back): no request to name.
            throw e.notSent() ? e : e.at(built.method(), built.uri().getRawPath());
        }
    }

    private Response sendBuilt(HttpRequest built, String what, int weight) {
        PlatformCallException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Duration wait;
            RequestPacing.beforeSending(weight, what);
            try {
                HttpResponse<String> response;
                try {
                    response = client.send(built, HttpResponse.BodyHandlers.ofString());
                } finally {
                    RequestPacing.answered(weight);
                }
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Response(status, response.body(), response);
                }
                if (status != 429 && status < 500) {
                    throw PlatformCallException.refused(
                            what + ": the platform answered " + status + " " + excerpt(response.body()), status);
                }
                Optional<Duration> asked =
                        retryAfter(response).or(() -> platformWait.after(status, response.headers()));
                last = PlatformCallException.unavailable(
                        what + ": the platform answered " + status + " (attempt " + attempt + " of " + maxAttempts
                                + ") " + excerpt(response.body()),
                        status,
                        asked);
                wait = asked.orElse(backoff.delay(attempt));
            } catch (HttpTimeoutException e) {
                last = e instanceof HttpConnectTimeoutException
                        ? PlatformCallException.unreachable(what + ": the platform could not be reached in time", e)
                        : PlatformCallException.timedOut(what + ": the platform did not answer in time", e);
                wait = backoff.delay(attempt);
            } catch (IOException e) {
                last = PlatformCallException.unreachable(
                        what + ": the platform could not be reached (" + unreachable(e) + ")", e);
                wait = backoff.delay(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PlatformCallException.unreachable(what + ": interrupted", e);
            }
            if (attempt < maxAttempts) {
                pause(wait);
            }
        }
        throw last;
    }

    /** Why a call got no answer, in words for the activity log (which staff read) rather than a class name. */
    static String unreachable(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "its host name does not resolve";
            }
            if (t instanceof SSLException) {
                return "the TLS handshake failed";
            }
            if (t instanceof ConnectException) {
                return "the connection was refused";
            }
        }
        return "the connection failed";
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformCallException.unreachable("interrupted while waiting to retry", e);
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date (RFC 1123). */
    static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            String trimmed = value.trim();
            try {
                return Optional.of(Duration.ofMillis((long) (Double.parseDouble(trimmed) * 1000)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    Duration until = Duration.between(Instant.now(), at);
                    return Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
