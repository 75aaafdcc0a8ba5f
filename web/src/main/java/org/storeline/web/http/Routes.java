package org.storeline.web.http;

/** A feature's endpoints. Each feature package has one, added to the server in {@code ApiServer}. */
public interface Routes {
    void addTo(RouteTable routes);
}
