package org.storeline.web.app.customer;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.CustomerService;
import org.storeline.core.customer.Email;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleFilter;
import org.storeline.core.sale.SaleService;
import org.storeline.core.user.Actor;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.WebSessions;
import org.storeline.web.app.view.Amounts;
import org.storeline.web.app.view.Formats;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;

/**
 * Customers: profiles found by part of a name or email, and a profile with the customer's sales. Profiles belong to the
 * whole store (as in the API); their sales are read through core's {@link SaleService} with the signed-in user's actor,
 * so a user sees only the sales of the outlets they are permitted for.
 */
public final class CustomerPages {
    static final int PAGE_SIZE = 50;

    private final CustomerService customers;
    private final SaleService sales;
    private final OutletService outlets;
    private final Layout layout;
    private final Views views;

    public CustomerPages(
            CustomerService customers, SaleService sales, OutletService outlets, Layout layout, Views views) {
        this.customers = customers;
        this.sales = sales;
        this.outlets = outlets;
        this.layout = layout;
        this.views = views;
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/customers", this::list);
        routes.get("/customers/{id}", this::profile);
    }

    private void list(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        String query = param(ctx, "q").orElse("");
        Page<Customer> page = customers.search(query, new PageRequest(PAGE_SIZE, after(ctx)));
        ZoneId zone =
                outlets.list(actor).stream().findFirst().map(Outlet::timeZone).orElse(ZoneOffset.UTC);
        views.answer(
                ctx,
                "customer/list.jte",
                new CustomersPage(
                        layout.page(ctx, t.get("nav.customers"), Optional.empty(), "customers"),
                        query,
                        page.items().stream()
                                .map(c -> new CustomersPage.Row(
                                        c.id(),
                                        c.name(),
                                        c.email().map(Email::value).orElse(""),
                                        Formats.dateTime(c.createdAt(), zone, t)))
                                .toList(),
                        page.next()
                                .map(next -> "/customers?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                                        + "&after=" + next)));
    }

    private void profile(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        Customer customer = customers.get(Ids.parse("id", ctx.pathParam("id")));
        Map<UUID, Outlet> mine =
                outlets.list(actor).stream().collect(Collectors.toMap(Outlet::id, Function.identity()));
        SaleFilter filter = new SaleFilter(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(customer.id()), Optional.empty());
        Page<Sale> page = sales.list(actor, filter, new PageRequest(PAGE_SIZE, after(ctx)));
        ZoneId fallback =
                mine.values().stream().findFirst().map(Outlet::timeZone).orElse(ZoneOffset.UTC);
        views.answer(
                ctx,
                "customer/detail.jte",
                new CustomerPage(
                        layout.page(ctx, customer.name(), Optional.empty(), "customers"),
                        customer.name(),
                        customer.email().map(Email::value).orElse(""),
                        Formats.dateTime(customer.createdAt(), fallback, t),
                        page.items().stream()
                                .map(sale -> row(sale, mine.get(sale.outletId()), fallback, t))
                                .toList(),
                        page.next().map(next -> "/customers/" + customer.id() + "?after=" + next)));
    }

    /** A sale of the profile; one recorded at an outlet the user sees only as fulfilling it has no outlet name. */
    private static CustomerPage.SaleRow row(Sale sale, Outlet outlet, ZoneId fallback, Messages t) {
        ZoneId zone = outlet == null ? fallback : outlet.timeZone();
        String payment = sale.paymentStatus().wireName();
        return new CustomerPage.SaleRow(
                "/sales/" + sale.id(),
                sale.receiptNumber(),
                Formats.dateTime(sale.createdAt(), zone, t),
                sale.createdAt().toString(),
                outlet == null ? "" : outlet.name(),
                Amounts.of(sale.total(), t),
                t.get("payment." + payment),
                payment,
                t.get("sale.status." + sale.status().wireName()));
    }

    private static Optional<UUID> after(Context ctx) {
        return param(ctx, "after").map(v -> Ids.parse("after", v));
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
