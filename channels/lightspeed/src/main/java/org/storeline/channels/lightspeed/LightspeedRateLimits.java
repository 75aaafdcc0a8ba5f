package org.storeline.channels.lightspeed;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Lightspeed's rate-limit headers, for a 429 that carries no {@code Retry-After}. Lightspeed answers every call with
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}, each holding three values
 * for its three windows, "5 minutes/hour/day" ({@code 300/3000/12000}, {@code 0/2999/11999}, {@code 5/2063/23663}:
 * the reset in seconds). {@code PlatformHttp} reads only {@code Retry-After} and does not hand out the answer of a
 * call it turns into an exception, so this client remembers, per thread, the headers of the last answer it passed on.
 */
final class LightspeedRateLimits extends HttpClient {
    /** A 429 while every window has requests left: the per-second limit (20 a second), not in the headers. */
    static final Duration PER_SECOND = Duration.ofSeconds(1);

    private final HttpClient delegate;
    private final ThreadLocal<HttpHeaders> last = new ThreadLocal<>();

    LightspeedRateLimits(HttpClient delegate) {
        this.delegate = delegate;
    }

    /** The headers of the last answer on this thread, forgotten once read. */
    Optional<HttpHeaders> takeLast() {
        HttpHeaders headers = last.get();
        last.remove();
        return Optional.ofNullable(headers);
    }

    /** Forgets the last answer on this thread (a thread of a worker pool must not keep one). */
    void forget() {
        last.remove();
    }

    /**
     * How long to wait after a 429: until the latest reset among the windows with nothing left, else a second (the
     * per-second limit); empty when the headers say nothing readable.
     */
    static Optional<Duration> waitAfterLimit(HttpHeaders headers) {
        Optional<long[]> remaining = values(headers, "X-RateLimit-Remaining");
        Optional<long[]> reset = values(headers, "X-RateLimit-Reset");
        if (remaining.isEmpty() || reset.isEmpty() || remaining.get().length != reset.get().length) {
            return Optional.empty();
        }
        long wait = -1;
        for (int window = 0; window < remaining.get().length; window++) {
            if (remaining.get()[window] <= 0) {
                wait = Math.max(wait, reset.get()[window]);
            }
        }
        return Optional.of(wait < 0 ? PER_SECOND : Duration.ofSeconds(Math.max(wait, 1)));
    }

    private static Optional<long[]> values(HttpHeaders headers, String name) {
        return headers.firstValue(name).flatMap(value -> {
            String[] parts = value.trim().split("/");
            long[] numbers = new long[parts.length];
            try {
                for (int i = 0; i < parts.length; i++) {
                    numbers[i] = Long.parseLong(parts[i].trim());
                }
                return Optional.of(numbers);
            } catch (NumberFormatException unreadable) {
                return Optional.empty();
            }
        });
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        last.remove();
        HttpResponse<T> response = delegate.send(request, handler);
        last.set(response.headers());
        return response;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, handler, pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
