package org.storeline.web.customer;

import static org.storeline.web.security.Authentication.actor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.CustomerService;
import org.storeline.core.customer.Email;
import org.storeline.core.ids.Ids;
import org.storeline.web.http.Json;
import org.storeline.web.http.JsonBody;
import org.storeline.web.http.Pages;
import org.storeline.web.http.Responses;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/** Customer profiles: create, find by email, list. */
public final class CustomerRoutes implements Routes {
    private final CustomerService customers;

    public CustomerRoutes(CustomerService customers) {
        this.customers = customers;
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.post("/api/v1/customers", this::create);
        routes.get("/api/v1/customers", this::list);
        routes.get("/api/v1/customers/{id}", ctx -> {
            actor(ctx);
            Responses.ok(ctx, customer(customers.get(Ids.parse("id", ctx.pathParam("id")))));
        });
    }

    private void create(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        Responses.created(
                ctx, customer(customers.create(actor(ctx), body.optionalText("name"), body.optionalText("email"))));
    }

    private void list(Context ctx) {
        actor(ctx);
        String email = ctx.queryParam("email");
        if (email != null) {
            Responses.ok(
                    ctx, Pages.writeAll(customers.findByEmail(email).stream().toList(), CustomerRoutes::customer));
            return;
        }
        Responses.ok(ctx, Pages.write(customers.list(Pages.request(ctx)), CustomerRoutes::customer));
    }

    public static ObjectNode customer(Customer customer) {
        ObjectNode node = Json.object();
        node.put("id", Json.id(customer.id()));
        node.put("name", customer.name());
        node.put("email", customer.email().map(Email::value).orElse(null));
        node.put("created_at", Json.time(customer.createdAt()));
        return node;
    }
}
