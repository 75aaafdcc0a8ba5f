package org.storeline.web.app.catalog;

import java.math.BigDecimal;
import java.util.UUID;
import org.storeline.core.catalog.Product;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.view.Amounts;

/** A product as the list shows it: name, SKU, barcodes, price and tax rate in the reader's way of writing them. */
public record ProductRow(
        UUID id, String name, String sku, String barcodes, String price, String taxPercent, boolean shippingFee) {

    static ProductRow of(Product p, Messages t) {
        return new ProductRow(
                p.id(),
                p.name(),
                p.sku(),
                String.join(", ", p.barcodes()),
                Amounts.of(p.price(), t),
                percent(p.taxRate().value()),
                p.shippingFee());
    }

    /** A tax rate as people write it: 0.21 is "21", 0.055 is "5.5". */
    static String percent(BigDecimal fraction) {
        BigDecimal percent = fraction.movePointRight(2).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString();
    }

    public String url() {
        return "/products/" + id;
    }
}
