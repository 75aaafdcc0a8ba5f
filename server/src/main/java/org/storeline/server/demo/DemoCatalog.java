package org.storeline.server.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo shop's 60 products, the same in every run: a Belgian homeware and delicatessen shop. Each has a SKU, an
 * EAN-13 barcode (Belgium's 54 prefix, with its check digit), a price before tax (the shop's prices exclude it) and a
 * 21 % VAT rate, and stock spread over the three outlets so that many products are short at the online register's
 * outlet (Brussels) and some orders must split.
 */
final class DemoCatalog {
    /** A product and its stock at Brussels, Antwerp and Lille. */
    record Item(String sku, String name, String barcode, BigDecimal price, long[] stock) {}

    private static final String[] KINDS = {
        "Speculoos tin", "Praline box", "Ghent mustard", "Waffle mix", "Trappist glass", "Linen tea towel",
        "Coffee mug", "Candle", "Stoneware bowl", "Notebook", "Umbrella", "Olive oil"
    };
    private static final String[] VARIANTS = {"small", "large", "gift", "classic", "dark"};
    private static final String[] PRICES = {"4.95", "7.50", "9.95", "12.50", "14.95", "19.95", "24.50", "29.95"};

    private DemoCatalog() {}

    static List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < KINDS.length * VARIANTS.length; i++) {
            String kind = KINDS[i / VARIANTS.length];
            String variant = VARIANTS[i % VARIANTS.length];
            String sku = String.format("SL-%03d", i + 1);
            BigDecimal price = new BigDecimal(PRICES[(i * 5 + i / VARIANTS.length) % PRICES.length]);
            items.add(new Item(
                    sku, kind + ", " + variant, ean13("54001234" + String.format("%04d", i + 1)), price, stock(i)));
        }
        return items;
    }

    /**
     * Brussels fulfils first (the web shop's register is there) but often has few; Antwerp has a little of most
     * things; Lille holds some alone. An order of two or three of a product Brussels lacks goes to another outlet, and
     * a multi-line order then often splits.
     */
    private static long[] stock(int i) {
        long brussels = i % 3 == 0 ? 0 : 2 + i % 4;
        long antwerp = i % 4 == 1 ? 0 : 2 + i % 3;
        long lille = i % 5 == 2 ? 10 : 1 + i % 2;
        return new long[] {brussels, antwerp, lille};
    }

    /** The 13-digit EAN of a 12-digit body: its check digit weighs the digits 1, 3, 1, 3... from the left. */
    static String ean13(String body) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }
}
