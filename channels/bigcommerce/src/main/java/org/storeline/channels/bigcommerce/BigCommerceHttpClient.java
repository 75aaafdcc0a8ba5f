package org.storeline.channels.bigcommerce;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.storeline.channels.api.PlatformHttp;

/**
 * An {@link HttpClient} that reads BigCommerce's rate-limit answer the way {@link PlatformHttp} reads any other: a 429
 * from BigCommerce carries no {@code Retry-After}, only {@code X-Rate-Limit-Time-Reset-Ms}, the milliseconds until the
 * store's quota refills (BigCommerce's "API Rate limits" page, which says to wait that long before retrying), so that
 * header is given to the answer as the {@code Retry-After} it means, in seconds. Everything else is the wrapped
 * client's.
 */
final class BigCommerceHttpClient extends HttpClient {
    static final String RESET_HEADER = "X-Rate-Limit-Time-Reset-Ms";

    private final HttpClient delegate;

    BigCommerceHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    /**
     * One attempt per call, for the sync outbox, with {@link PlatformHttp#singleAttempt()}'s timeouts (5 s to connect,
     * 20 s for an answer, no redirects), over this client.
     */
    static PlatformHttp singleAttempt() {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return singleAttempt(client, Duration.ofSeconds(20));
    }

    static PlatformHttp singleAttempt(HttpClient client, Duration requestTimeout) {
        return new PlatformHttp(
                new BigCommerceHttpClient(client), 1, attempt -> Duration.ZERO, Thread::sleep, requestTimeout);
    }

    /** The answer, with a {@code Retry-After} when it is a 429 that says when to retry in BigCommerce's words only. */
    static <T> HttpResponse<T> withRetryAfter(HttpResponse<T> response) {
        if (response.statusCode() != 429
                || response.headers().firstValue("Retry-After").isPresent()) {
            return response;
        }
        Optional<String> resetMillis = response.headers()
                .firstValue(RESET_HEADER)
                .map(String::trim)
                .filter(value -> value.matches("\\d{1,12}"));
        if (resetMillis.isEmpty()) {
            return response;
        }
        Map<String, List<String>> headers =
                new LinkedHashMap<>(response.headers().map());
        headers.put(
                "Retry-After",
                List.of(new BigDecimal(resetMillis.get()).movePointLeft(3).toPlainString()));
        return new Answer<>(response, HttpHeaders.of(headers, (name, value) -> true));
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return withRetryAfter(delegate.send(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler).thenApply(BigCommerceHttpClient::withRetryAfter);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, handler, pushPromiseHandler)
                .thenApply(BigCommerceHttpClient::withRetryAfter);
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

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public boolean awaitTermination(Duration duration) throws InterruptedException {
        return delegate.awaitTermination(duration);
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public void shutdownNow() {
        delegate.shutdownNow();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** The wrapped answer with other headers. */
    private record Answer<T>(HttpResponse<T> response, HttpHeaders headers) implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return response.previousResponse();
        }

        @Override
        public T body() {
            return response.body();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public URI uri() {
            return response.uri();
        }

        @Override
        public HttpClient.Version version() {
            return response.version();
        }
    }
}
