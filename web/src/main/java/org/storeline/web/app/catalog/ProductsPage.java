package org.storeline.web.app.catalog;

import java.util.List;
import java.util.Optional;
import org.storeline.web.app.view.Shell;

/**
 * The Catalog screen: products found by name, SKU or barcode (the whole catalog page by page when nothing is searched),
 * and, first, the levels below zero at the user's outlets, each a link to the product at that outlet.
 */
public record ProductsPage(
        Shell shell, String query, List<ProductRow> products, Optional<String> moreUrl, List<Negative> negative) {

    /** A level below zero: someone should count it. */
    public record Negative(String url, String name, String sku, String outlet, long quantity) {}
}
