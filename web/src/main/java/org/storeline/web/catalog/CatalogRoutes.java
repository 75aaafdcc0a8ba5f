package org.storeline.web.catalog;

import static org.storeline.web.security.Authentication.actor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.catalog.CatalogService;
import org.storeline.core.catalog.Product;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.paging.Page;
import org.storeline.core.stock.StockLevel;
import org.storeline.core.stock.StockMovement;
import org.storeline.core.stock.StockReason;
import org.storeline.core.stock.StockService;
import org.storeline.web.http.Json;
import org.storeline.web.http.JsonBody;
import org.storeline.web.http.Pages;
import org.storeline.web.http.Responses;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/** Products, their barcodes and their stock per outlet. */
public final class CatalogRoutes implements Routes {
    private final CatalogService catalog;
    private final StockService stock;

    public CatalogRoutes(CatalogService catalog, StockService stock) {
        this.catalog = catalog;
        this.stock = stock;
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.post("/api/v1/products", this::createProduct);
        routes.get("/api/v1/products", this::listProducts);
        routes.get("/api/v1/products/{id}", ctx -> Responses.ok(ctx, product(catalog.require(productId(ctx)))));
        routes.patch("/api/v1/products/{id}", this::updateProduct);
        routes.get("/api/v1/products/{id}/stock", this::stockLevels);
        routes.get("/api/v1/products/{id}/stock/{outlet_id}", this::stockLevel);
        routes.put("/api/v1/products/{id}/stock/{outlet_id}", this::setStock);
        routes.get("/api/v1/products/{id}/stock/{outlet_id}/movements", this::movements);
        routes.get(
                "/api/v1/stock/negative",
                ctx -> Responses.ok(ctx, Pages.writeAll(stock.negativeLevels(actor(ctx)), CatalogRoutes::level)));
    }

    private void createProduct(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        Product product = catalog.create(
                actor(ctx),
                new CatalogService.NewProduct(
                        body.text("sku"),
                        body.text("name"),
                        body.decimal("price"),
                        body.text("currency"),
                        body.optionalDecimal("tax_rate"),
                        body.textList("barcodes")));
        Responses.created(ctx, product(product));
    }

    /** Changes any of name, price, tax rate and barcodes; a new price goes out to the channels (SOR-1). */
    private void updateProduct(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        // The product's own SKU, as GET answers it, may come back with a change: only a new one is refused.
        if (body.has("sku") && !catalog.require(productId(ctx)).sku().equals(body.text("sku"))) {
            throw StorelineException.invalid(
                    "sku cannot be changed: the channels know the product by it. Create a product with the new SKU.");
        }
        Product product = catalog.update(
                actor(ctx),
                productId(ctx),
                new CatalogService.Changes(
                        body.optionalText("name"),
                        body.optionalDecimal("price"),
                        body.optionalText("currency"),
                        body.optionalDecimal("tax_rate"),
                        body.has("barcodes") ? Optional.of(body.textList("barcodes")) : Optional.empty()));
        Responses.ok(ctx, product(product));
    }

    /** The whole catalog page by page, or the one product with a given {@code sku} or {@code barcode}. */
    private void listProducts(Context ctx) {
        String sku = ctx.queryParam("sku");
        String barcode = ctx.queryParam("barcode");
        if (sku != null || barcode != null) {
            List<Product> found = (sku != null ? catalog.findBySku(sku) : catalog.findByBarcode(barcode))
                    .stream().toList();
            Responses.ok(ctx, Pages.writeAll(found, CatalogRoutes::product));
            return;
        }
        Page<Product> page = catalog.list(Pages.request(ctx));
        Responses.ok(ctx, Pages.write(page, CatalogRoutes::product));
    }

    /** Levels at every outlet the caller may see; {@code ?outlet_id=} narrows to one (403 if not permitted). */
    private void stockLevels(Context ctx) {
        String outletParam = ctx.queryParam("outlet_id");
        List<StockLevel> levels = outletParam == null
                ? stock.levels(actor(ctx), productId(ctx))
                : List.of(stock.level(actor(ctx), productId(ctx), Ids.parse("outlet_id", outletParam)));
        Responses.ok(ctx, Pages.writeAll(levels, CatalogRoutes::level));
    }

    private void stockLevel(Context ctx) {
        Responses.ok(
                ctx,
                level(stock.level(actor(ctx), productId(ctx), Ids.parse("outlet_id", ctx.pathParam("outlet_id")))));
    }

    private void setStock(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        StockLevel level = stock.setLevel(
                actor(ctx),
                productId(ctx),
                Ids.parse("outlet_id", ctx.pathParam("outlet_id")),
                body.wholeNumber("quantity"),
                body.optionalText("reason").map(StockService::reasonByHand).orElse(StockReason.COUNT));
        Responses.ok(ctx, level(level));
    }

    private void movements(Context ctx) {
        Page<StockMovement> page = stock.movements(
                actor(ctx), productId(ctx), Ids.parse("outlet_id", ctx.pathParam("outlet_id")), Pages.request(ctx));
        Responses.ok(ctx, Pages.write(page, CatalogRoutes::movement));
    }

    private static UUID productId(Context ctx) {
        return Ids.parse("id", ctx.pathParam("id"));
    }

    public static ObjectNode product(Product product) {
        ObjectNode node = Json.object();
        node.put("id", Json.id(product.id()));
        node.put("sku", product.sku());
        node.put("name", product.name());
        node.put("price", Json.money(product.price()));
        node.put("currency", product.price().currency().getCurrencyCode());
        node.put("tax_rate", product.taxRate().toDecimalString());
        ArrayNode barcodes = node.putArray("barcodes");
        product.barcodes().forEach(barcodes::add);
        node.put("is_shipping_fee", product.shippingFee());
        node.put("created_at", Json.time(product.createdAt()));
        return node;
    }

    static ObjectNode level(StockLevel level) {
        ObjectNode node = Json.object();
        node.put("product_id", Json.id(level.productId()));
        node.put("outlet_id", Json.id(level.outletId()));
        node.put("quantity", level.quantity());
        node.put("negative", level.isNegative());
        return node;
    }

    static ObjectNode movement(StockMovement movement) {
        ObjectNode node = Json.object();
        node.put("id", Json.id(movement.id()));
        node.put("product_id", Json.id(movement.productId()));
        node.put("outlet_id", Json.id(movement.outletId()));
        node.put("delta", movement.delta());
        node.put("quantity_after", movement.quantityAfter());
        node.put("reason", movement.reason().wireName());
        node.put("sale_id", Json.id(movement.saleId()));
        node.put("user_id", Json.id(movement.userId()));
        node.put("created_at", Json.time(movement.createdAt()));
        return node;
    }
}
