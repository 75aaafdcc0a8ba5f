package org.storeline.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.Require;
import org.storeline.core.error.StorelineException;
import org.storeline.web.app.WebApp;
import org.storeline.web.http.ErrorResponses;
import org.storeline.web.http.JsonErrorHandler;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;
import org.storeline.web.operations.OperationsRoutes;
import org.storeline.web.security.Authentication;

/**
 * The HTTP server: every feature's routes, bearer authentication on {@code /api/*}, the mapping of
 * errors to statuses, a 1 MiB body limit and request metrics. Runs handlers on virtual threads.
 * Every error, also those the HTTP server answers itself (a URI too long, a wrong method), is the
 * API's JSON error with a stable code; on the staff web app's paths ({@link WebApp}), an error page.
 */
public final class ApiServer implements AutoCloseable {
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String ERROR_WRITTEN = "storeline.error-written";

    private final Javalin app;
    private final List<RouteTable.Endpoint> endpoints;

    private ApiServer(Javalin app, List<RouteTable.Endpoint> endpoints) {
        this.app = app;
        this.endpoints = endpoints;
    }

    public static ApiServer start(
            String host,
            int port,
            Authentication authentication,
            List<Routes> features,
            PrometheusMeterRegistry metrics) {
        return start(host, port, authentication, features, Optional.empty(), metrics);
    }

    /** The API and, when given, the staff web app at {@code /} on the same port. */
    public static ApiServer start(
            String host,
            int port,
            Authentication authentication,
            List<Routes> features,
            Optional<WebApp> web,
            PrometheusMeterRegistry metrics) {
        List<RouteTable.Endpoint> endpoints = new ArrayList<>();
        Errors errors = new Errors(web);
        Javalin app = Javalin.create(
                config -> endpoints.addAll(configure(config, authentication, features, web, errors, metrics)));
        app.start(host, port);
        return new ApiServer(app, List.copyOf(endpoints));
    }

    private static List<RouteTable.Endpoint> configure(
            JavalinConfig config,
            Authentication authentication,
            List<Routes> features,
            Optional<WebApp> web,
            Errors errors,
            PrometheusMeterRegistry metrics) {
        config.concurrency.useVirtualThreads = true;
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.http.prefer405over404 = true;
        config.startup.showJavalinBanner = false;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        config.requestLogger.http((ctx, millis) -> record(metrics, ctx, millis));
        config.routes.before(ApiServer::checkQuery);
        config.routes.before("/api/*", ctx -> {
            if (!ctx.path().equals(OperationsRoutes.OPENAPI_PATH)) {
                authentication.authenticate(ctx);
            }
        });
        RouteTable table = new RouteTable(config.routes);
        features.forEach(feature -> feature.addTo(table));
        // The web app's pages are not API endpoints: they are added to the server, not to the endpoint table.
        web.ifPresent(app -> app.addTo(config.routes));
        config.routes.exception(StorelineException.class, (e, ctx) -> errors.written(ctx, e.code(), e.getMessage()));
        config.routes.exception(HttpResponseException.class, errors::httpError);
        config.routes.exception(Exception.class, errors::unexpected);
        config.routes.error(404, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                errors.write(ctx, ErrorCode.NOT_FOUND, noEndpoint(ctx));
            }
        });
        config.routes.error(405, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                errors.write(
                        ctx, ErrorCode.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path() + ".");
            }
        });
        return table.endpoints();
    }

    /** Where an error is written: the web app's page on its paths, the API's JSON everywhere else. */
    private record Errors(Optional<WebApp> web) {
        void write(Context ctx, ErrorCode code, String message) {
            if (web.isPresent() && WebApp.owns(ctx)) {
                web.get().error(ctx, code, message);
            } else {
                ErrorResponses.write(ctx, code, message);
            }
        }

        void written(Context ctx, ErrorCode code, String message) {
            ctx.attribute(ERROR_WRITTEN, true);
            write(ctx, code, message);
        }

        void httpError(HttpResponseException e, Context ctx) {
            if (web.isPresent() && WebApp.owns(ctx) && (e.getStatus() == 404 || e.getStatus() == 405)) {
                written(
                        ctx,
                        e.getStatus() == 405 ? ErrorCode.METHOD_NOT_ALLOWED : ErrorCode.NOT_FOUND,
                        noEndpoint(ctx));
                return;
            }
            ApiServer.httpError(e, ctx);
        }

        void unexpected(Exception e, Context ctx) {
            if (web.isPresent() && WebApp.owns(ctx)) {
                ctx.attribute(ERROR_WRITTEN, true);
                ErrorCode code = isDatabaseUnavailable(e) ? ErrorCode.DATABASE_UNAVAILABLE : ErrorCode.INTERNAL_ERROR;
                if (code == ErrorCode.INTERNAL_ERROR) {
                    LOG.error("Unexpected error in {} {}", ctx.method(), ctx.path(), e);
                }
                web.get().error(ctx, code, "Something went wrong on our side; it has been logged.");
                return;
            }
            ApiServer.unexpected(e, ctx);
        }
    }

    /**
     * Query parameters are text that reaches SQL: one with a NUL character or half a surrogate pair is refused here,
     * for every endpoint at once, before a handler passes it on.
     */
    private static void checkQuery(Context ctx) {
        ctx.queryParamMap().forEach((name, values) -> {
            Require.storable("The query parameter name '" + name + "'", name);
            values.forEach(value -> Require.storable("The query parameter " + name, value));
        });
    }

    private static String noEndpoint(Context ctx) {
        return "No endpoint " + ctx.method() + " " + ctx.path() + ". See " + OperationsRoutes.OPENAPI_PATH + ".";
    }

    private static void httpError(HttpResponseException e, Context ctx) {
        ctx.attribute(ERROR_WRITTEN, true);
        switch (e.getStatus()) {
            case 413 ->
                ErrorResponses.write(
                        ctx, ErrorCode.BODY_TOO_LARGE, "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
            case 404 -> ErrorResponses.write(ctx, ErrorCode.NOT_FOUND, noEndpoint(ctx));
            case 405 -> {
                allowed(e).ifPresent(methods -> ctx.header("Allow", methods));
                ErrorResponses.write(
                        ctx,
                        ErrorCode.METHOD_NOT_ALLOWED,
                        ctx.method() + " is not allowed on " + ctx.path()
                                + allowed(e)
                                        .map(methods -> "; use " + methods + ".")
                                        .orElse("."));
            }
            default -> {
                // Javalin's own messages name Javalin's concepts: the API says it in its words, by status.
                JsonErrorHandler.Failure failure = JsonErrorHandler.failure(e.getStatus());
                ErrorResponses.write(ctx, failure.status(), failure.code(), failure.message());
            }
        }
    }

    /** The methods the path answers to, as Javalin lists them when it refuses one ("GET, POST"). */
    private static Optional<String> allowed(HttpResponseException e) {
        return e.getDetails().values().stream()
                .filter(v -> v.matches("[A-Z]+(, [A-Z]+)*"))
                .findFirst();
    }

    private static void unexpected(Exception e, Context ctx) {
        ctx.attribute(ERROR_WRITTEN, true);
        if (isDatabaseUnavailable(e)) {
            LOG.warn("Database unavailable during {} {}: {}", ctx.method(), ctx.path(), e.toString());
            ErrorResponses.write(
                    ctx,
                    ErrorCode.DATABASE_UNAVAILABLE,
                    "The database cannot be reached right now; try again shortly.");
            return;
        }
        LOG.error("Unexpected error in {} {}", ctx.method(), ctx.path(), e);
        ErrorResponses.write(ctx, ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; it has been logged.");
    }

    private static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static void record(PrometheusMeterRegistry metrics, Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        Timer.builder("http_server_requests")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(metrics)
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    /** Every endpoint the features declared, in declaration order. */
    public List<RouteTable.Endpoint> endpoints() {
        return endpoints;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
