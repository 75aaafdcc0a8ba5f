package org.storeline.web.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;
import org.storeline.web.http.Json;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/** Unauthenticated operational endpoints: health, Prometheus metrics and the OpenAPI document. */
public final class OperationsRoutes implements Routes {
    public static final String OPENAPI_PATH = "/api/v1/openapi.json";

    private final BooleanSupplier started;
    private final BooleanSupplier databaseHealthy;
    private final PrometheusMeterRegistry metrics;
    private final byte[] openApi;

    /**
     * {@code started} turns true once the server has finished starting (the admin token exists): until then
     * health answers 503 "starting", so that whatever waits for a 200 never calls the API too early.
     */
    public OperationsRoutes(BooleanSupplier started, BooleanSupplier databaseHealthy, PrometheusMeterRegistry metrics) {
        this.started = started;
        this.databaseHealthy = databaseHealthy;
        this.metrics = metrics;
        this.openApi = loadOpenApi();
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.get("/health", this::health);
        routes.get(
                "/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
        routes.get(OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(openApi));
    }

    private void health(Context ctx) {
        boolean up = databaseHealthy.getAsBoolean();
        String status = !up ? "unavailable" : started.getAsBoolean() ? "ok" : "starting";
        ObjectNode body = Json.object();
        body.put("status", status);
        body.put("database", up ? "up" : "down");
        ctx.status(status.equals("ok") ? 200 : 503)
                .contentType("application/json")
                .result(Json.write(body));
    }

    private static byte[] loadOpenApi() {
        try (InputStream in = OperationsRoutes.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the web module's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
