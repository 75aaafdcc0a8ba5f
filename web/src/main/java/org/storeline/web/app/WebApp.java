package org.storeline.web.app;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.util.Optional;
import org.storeline.core.catalog.CatalogService;
import org.storeline.core.customer.CustomerService;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.fulfillment.FulfillmentBoard;
import org.storeline.core.fulfillment.FulfillmentDetails;
import org.storeline.core.fulfillment.FulfillmentWorkflow;
import org.storeline.core.fulfillment.PackingSlipService;
import org.storeline.core.fulfillment.ScannerService;
import org.storeline.core.notification.NotificationService;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.register.RegisterService;
import org.storeline.core.sale.SaleService;
import org.storeline.core.session.SignInService;
import org.storeline.core.settings.SettingsService;
import org.storeline.core.stock.StockService;
import org.storeline.core.user.UserService;
import org.storeline.web.app.catalog.CatalogPages;
import org.storeline.web.app.customer.CustomerPages;
import org.storeline.web.app.demo.DemoPages;
import org.storeline.web.app.demo.DemoStores;
import org.storeline.web.app.fulfillment.FulfillmentPages;
import org.storeline.web.app.login.LoginPages;
import org.storeline.web.app.notification.NotificationPages;
import org.storeline.web.app.register.RegisterPages;
import org.storeline.web.app.sale.SalePages;
import org.storeline.web.app.scanner.ScannerPages;
import org.storeline.web.app.session.SecurityHeaders;
import org.storeline.web.app.session.SignInRequired;
import org.storeline.web.app.session.WebSessions;
import org.storeline.web.app.setup.FirstAdminPages;
import org.storeline.web.app.view.Assets;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;
import org.storeline.web.event.EventRoutes;

/**
 * The staff web app, served at {@code /} by the API's server: server-rendered pages (JTE) made live with htmx, signed
 * in with a session cookie. It owns every path but the API's ({@code /api/}), the platforms' webhooks and the
 * operations endpoints; on its paths, errors are pages, not JSON.
 */
public final class WebApp {
    private final WebSessions sessions;
    private final Assets assets;
    private final AppErrors errors;
    private final LoginPages login;
    private final FulfillmentPages fulfillments;
    private final NotificationPages notificationPages;
    private final FirstAdminPages firstAdmin;
    private final RegisterPages registerPages;
    private final CatalogPages catalogPages;
    private final CustomerPages customerPages;
    private final AdminScreens admin;
    private final SalePages salePages;
    private final ScannerPages scannerPages;
    private final Layout layout;
    private final Views views;
    private Optional<DemoPages> demo = Optional.empty();

    public WebApp(
            SignInService signIn,
            UserService users,
            FulfillmentBoard board,
            FulfillmentWorkflow workflow,
            FulfillmentDetails details,
            ScannerService scanner,
            PackingSlipService slips,
            OutletService outlets,
            NotificationService notifications,
            EventRoutes events,
            BackOffice backOffice,
            AdminScreens admin,
            SalePages.Services sales,
            Clock clock) {
        Views views = new Views();
        this.assets = new Assets();
        this.sessions = new WebSessions(signIn);
        Layout layout = new Layout(assets, outlets, notifications);
        this.layout = layout;
        this.views = views;
        this.errors = new AppErrors(layout, views, sessions);
        this.login = new LoginPages(signIn, sessions, layout, views, clock, users::isSetUp);
        this.firstAdmin = new FirstAdminPages(users, signIn, layout, views);
        this.notificationPages = new NotificationPages(notifications, outlets, events, sessions, layout, views);
        this.registerPages = new RegisterPages(backOffice.registers(), outlets, backOffice.settings(), layout, views);
        this.catalogPages = new CatalogPages(backOffice.catalog(), backOffice.stock(), outlets, layout, views);
        this.customerPages = new CustomerPages(backOffice.customers(), backOffice.sales(), outlets, layout, views);
        this.admin = admin;
        admin.build(layout, views, outlets, clock);
        this.salePages = new SalePages(sales, layout, views, clock);
        this.fulfillments = new FulfillmentPages(board, workflow, details, slips, outlets, layout, views, clock);
        this.scannerPages = new ScannerPages(board, scanner, workflow, outlets, layout, views, clock);
    }

    /** The core services of the back office screens: registers, catalog and stock, customers and their sales. */
    public record BackOffice(
            RegisterService registers,
            SettingsService settings,
            CatalogService catalog,
            StockService stock,
            CustomerService customers,
            SaleService sales) {}

    /** Whether a request is the app's (a page, a fragment, an asset) rather than the API's. */
    public static boolean owns(Context ctx) {
        String path = ctx.path();
        return !path.startsWith("/api/")
                && !path.equals("/api")
                && !path.startsWith("/webhooks/")
                && !path.equals("/health")
                && !path.equals("/metrics");
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.before(ctx -> {
            if (owns(ctx)) {
                SecurityHeaders.apply(ctx);
                sessions.authenticate(ctx);
            }
        });
        routes.get("/assets/{hash}/{name}", ctx -> {
            if (!assets.serve(ctx)) {
                throw new StorelineException(ErrorCode.NOT_FOUND, "There is no such file.");
            }
        });
        routes.get("/favicon.ico", ctx -> {
            Assets.Asset icon = assets.byName("favicon.svg");
            ctx.header("Cache-Control", "public, max-age=86400");
            ctx.contentType(icon.type()).result(icon.bytes());
        });
        login.addTo(routes);
        firstAdmin.addTo(routes);
        fulfillments.addTo(routes);
        notificationPages.addTo(routes);
        registerPages.addTo(routes);
        catalogPages.addTo(routes);
        customerPages.addTo(routes);
        admin.addTo(routes);
        salePages.addTo(routes);
        scannerPages.addTo(routes);
        demo.ifPresent(pages -> pages.addTo(routes));
        routes.exception(SignInRequired.class, (e, ctx) -> errors.signInRequired(ctx));
    }

    /** Adds the simulator page of {@code ./storeline demo} ({@code /demo}), before {@link #addTo}; demo mode only. */
    public WebApp withDemo(DemoStores stores) {
        this.demo = Optional.of(new DemoPages(stores, layout, views));
        return this;
    }

    /** Writes an error of an app path as a page (the API's paths keep their JSON). */
    public void error(Context ctx, ErrorCode code, String message) {
        errors.write(ctx, code, message);
    }
}
