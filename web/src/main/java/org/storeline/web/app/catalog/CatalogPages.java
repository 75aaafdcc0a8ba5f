package org.storeline.web.app.catalog;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.storeline.core.catalog.CatalogService;
import org.storeline.core.catalog.Product;
import org.storeline.core.error.ErrorCategory;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.stock.StockLevel;
import org.storeline.core.stock.StockMovement;
import org.storeline.core.stock.StockService;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.WebSessions;
import org.storeline.web.app.view.Formats;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;
import org.storeline.web.http.ErrorResponses;

/**
 * Catalog and stock: products found by name, SKU or barcode; a product's page with its level at each outlet, the
 * ledger of one outlet, a stock adjustment with a reason, and its name, price, tax rate and barcodes changed. Each is a
 * core use case with the signed-in user's actor: outlet B's stock answers 403 to outlet A's staff, and the forms a
 * role may not use are not shown (and refused if sent anyway).
 */
public final class CatalogPages {
    static final int PAGE_SIZE = 50;
    static final int NEGATIVE_SHOWN = 20;

    private final CatalogService catalog;
    private final StockService stock;
    private final OutletService outlets;
    private final Layout layout;
    private final Views views;

    public CatalogPages(CatalogService catalog, StockService stock, OutletService outlets, Layout layout, Views views) {
        this.catalog = catalog;
        this.stock = stock;
        this.outlets = outlets;
        this.layout = layout;
        this.views = views;
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/products", this::list);
        routes.get("/products/{id}", ctx -> detail(ctx, 200, Optional.empty(), done(ctx), Optional.empty()));
        routes.post("/products/{id}", this::edit);
        routes.post("/products/{id}/stock", this::adjust);
    }

    private void list(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        String query = param(ctx, "q").orElse("");
        Optional<UUID> after = param(ctx, "after").map(v -> Ids.parse("after", v));
        Page<Product> page = catalog.search(query, new PageRequest(PAGE_SIZE, after));
        Optional<String> more = page.next()
                .map(next -> "/products?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&after=" + next);
        views.answer(
                ctx,
                "catalog/list.jte",
                new ProductsPage(
                        layout.page(ctx, t.get("nav.products"), Optional.empty(), "products"),
                        query,
                        page.items().stream().map(p -> ProductRow.of(p, t)).toList(),
                        more,
                        after.isPresent() ? List.of() : negative(actor)));
    }

    /** The first levels below zero at the user's outlets, with their products' names. */
    private List<ProductsPage.Negative> negative(Actor actor) {
        List<StockLevel> levels = stock.negativeLevels(actor);
        if (levels.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> outletNames =
                outlets.list(actor).stream().collect(Collectors.toMap(Outlet::id, Outlet::name));
        return levels.stream()
                .limit(NEGATIVE_SHOWN)
                .map(level -> {
                    Product p = catalog.require(level.productId());
                    return new ProductsPage.Negative(
                            "/products/" + p.id() + "?outlet=" + level.outletId(),
                            p.name(),
                            p.sku(),
                            outletNames.getOrDefault(level.outletId(), ""),
                            level.quantity());
                })
                .toList();
    }

    private void detail(
            Context ctx, int status, Optional<String> error, Optional<String> done, Optional<ProductPage.Edit> typed) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        Product product = catalog.require(id(ctx));
        Optional<UUID> wanted = param(ctx, "outlet").map(v -> Ids.parse("outlet", v));
        wanted.ifPresent(actor::requireOutlet);
        List<Outlet> mine = outlets.list(actor);
        Map<UUID, Outlet> byId = mine.stream().collect(Collectors.toMap(Outlet::id, Function.identity()));
        Optional<UUID> selectedId = wanted.or(() -> mine.stream().findFirst().map(Outlet::id));
        List<ProductPage.Level> levels = stock.levels(actor, product.id()).stream()
                .filter(l -> byId.containsKey(l.outletId()))
                .map(l -> new ProductPage.Level(
                        l.outletId(),
                        byId.get(l.outletId()).name(),
                        l.quantity(),
                        selectedId.equals(Optional.of(l.outletId())),
                        "/products/" + product.id() + "?outlet=" + l.outletId() + "#ledger"))
                .toList();
        Optional<ProductPage.Level> selected =
                levels.stream().filter(ProductPage.Level::selected).findFirst();
        List<ProductPage.Movement> ledger = List.of();
        Optional<String> older = Optional.empty();
        if (selected.isPresent()) {
            Outlet outlet = byId.get(selected.get().outletId());
            Optional<UUID> after = param(ctx, "after").map(v -> Ids.parse("after", v));
            Page<StockMovement> page =
                    stock.movements(actor, product.id(), outlet.id(), new PageRequest(PAGE_SIZE, after));
            ledger = page.items().stream().map(m -> movement(m, outlet, t)).toList();
            older = page.next()
                    .map(next -> "/products/" + product.id() + "?outlet=" + outlet.id() + "&after=" + next + "#ledger");
        }
        ProductRow row = ProductRow.of(product, t);
        ProductPage.Edit edit = typed.orElseGet(() -> new ProductPage.Edit(
                product.name(),
                product.price().toDecimalString(),
                row.taxPercent(),
                String.join("\n", product.barcodes())));
        views.answer(
                ctx,
                status,
                "catalog/detail.jte",
                new ProductPage(
                        layout.page(ctx, product.name(), selectedId, "products"),
                        row,
                        edit,
                        actor.role().allows(Permission.MANAGE_CATALOG),
                        actor.role().allows(Permission.ADJUST_STOCK),
                        levels,
                        selected,
                        ledger,
                        older,
                        error,
                        done.map(key -> t.get("product.done." + key)),
                        product.price().currency().getCurrencyCode()));
    }

    private static ProductPage.Movement movement(StockMovement m, Outlet outlet, Messages t) {
        String change = m.delta() > 0 ? "+" + m.delta() : m.delta() < 0 ? "−" + -m.delta() : "0";
        return new ProductPage.Movement(
                Formats.dateTime(m.createdAt(), outlet.timeZone(), t),
                m.createdAt().toString(),
                change,
                m.quantityAfter(),
                t.get("stock.reason." + m.reason().wireName()),
                m.saleId().map(id -> "/sales/" + id));
    }

    /** Sets the level at an outlet for the reason given; the page then shows the new level and its ledger row. */
    private void adjust(Context ctx) {
        UUID id = id(ctx);
        String outletParam = ctx.formParam("outlet_id");
        UUID outletId = Ids.parse("outlet_id", outletParam == null ? "" : outletParam);
        try {
            long quantity = quantity(ctx.formParam("quantity"));
            String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("");
            stock.setLevel(WebSessions.actor(ctx), id, outletId, quantity, StockService.reasonByHand(reason));
        } catch (StorelineException e) {
            refused(ctx, e, Optional.empty());
            return;
        }
        ctx.redirect("/products/" + id + "?outlet=" + outletId + "&done=stock#ledger", HttpStatus.SEE_OTHER);
    }

    /** Changes name, price, tax rate and barcodes as typed; a refusal shows the form again as it was typed. */
    private void edit(Context ctx) {
        UUID id = id(ctx);
        ProductPage.Edit typed = new ProductPage.Edit(
                form(ctx, "name"), form(ctx, "price"), form(ctx, "tax_percent"), form(ctx, "barcodes"));
        try {
            List<String> barcodes = Arrays.stream(typed.barcodes().split("[\\r\\n,]+"))
                    .map(String::strip)
                    .filter(b -> !b.isEmpty())
                    .toList();
            catalog.update(
                    WebSessions.actor(ctx),
                    id,
                    new CatalogService.Changes(
                            Optional.of(typed.name()),
                            Optional.of(typed.price().replace(',', '.')),
                            Optional.empty(),
                            Optional.of(fraction(typed.taxPercent())),
                            Optional.of(barcodes)));
        } catch (StorelineException e) {
            refused(ctx, e, Optional.of(typed));
            return;
        }
        ctx.redirect("/products/" + id + "?done=saved", HttpStatus.SEE_OTHER);
    }

    private void refused(Context ctx, StorelineException e, Optional<ProductPage.Edit> typed) {
        ErrorCategory category = e.code().category();
        if (category == ErrorCategory.NOT_FOUND || category == ErrorCategory.FORBIDDEN) {
            throw e;
        }
        Messages t = Layout.messages(ctx);
        String key = "error." + e.code().code() + ".page";
        String message = t.has(key) ? t.get(key) : e.getMessage();
        detail(ctx, ErrorResponses.status(category), Optional.of(message), Optional.empty(), typed);
    }

    /** A whole number of units as typed ("−3" with the minus sign too). */
    static long quantity(String typed) {
        String value = typed == null ? "" : typed.strip().replace('−', '-');
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw StorelineException.invalid("The new level must be a whole number of units, such as 12 or -3.");
        }
    }

    /** A tax rate typed as a percentage ("21", "5,5") as the fraction core takes ("0.21"). */
    static String fraction(String percent) {
        String value =
                percent == null || percent.isBlank() ? "0" : percent.strip().replace(',', '.');
        try {
            return new BigDecimal(value).movePointLeft(2).toPlainString();
        } catch (NumberFormatException e) {
            throw StorelineException.invalid("The tax rate must be a percentage, such as 21 or 5.5.");
        }
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<String> done(Context ctx) {
        return param(ctx, "done").filter(List.of("stock", "saved")::contains);
    }

    private static UUID id(Context ctx) {
        return Ids.parse("id", ctx.pathParam("id"));
    }
}
