package org.storeline.web.http;

import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.List;

/**
 * Where features declare their endpoints. It hands each one to Javalin and remembers it, so the
 * server can tell which endpoints exist (a test holds the OpenAPI document to that list).
 */
public final class RouteTable {
    public record Endpoint(String method, String path) {}

    private final JavalinDefaultRoutingApi routes;
    private final List<Endpoint> endpoints = new ArrayList<>();

    public RouteTable(JavalinDefaultRoutingApi routes) {
        this.routes = routes;
    }

    public void get(String path, Handler handler) {
        endpoints.add(new Endpoint("get", path));
        routes.get(path, handler);
    }

    public void post(String path, Handler handler) {
        endpoints.add(new Endpoint("post", path));
        routes.post(path, handler);
    }

    public void put(String path, Handler handler) {
        endpoints.add(new Endpoint("put", path));
        routes.put(path, handler);
    }

    public void patch(String path, Handler handler) {
        endpoints.add(new Endpoint("patch", path));
        routes.patch(path, handler);
    }

    public void delete(String path, Handler handler) {
        endpoints.add(new Endpoint("delete", path));
        routes.delete(path, handler);
    }

    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }
}
