package org.storeline.web.http;

import io.javalin.router.JavalinDefaultRoutingApi;

/** A feature's endpoints. Each feature package has one, added to the server in {@code ApiServer}. */
public interface Routes {
    void addTo(JavalinDefaultRoutingApi routes);
}
