package org.storeline.channels.lightspeed;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells an integrated payment (a processor confirms it: iDEAL, Mollie, PayPal, card, Lightspeed Payments)
 * from an offline one (invoice, cash, bank transfer, pay at pickup, cash on delivery) by Lightspeed's
 * {@code paymentId} (the method's internal key, e.g. "invoice", "seoshoppayments") and {@code paymentTitle}
 * ("PSP - Method", e.g. "SEOshop Payments - iDeal"). Lightspeed has no "is this a PSP" flag on the order.
 */
final class LightspeedPaymentMethods {
    /** Processors and methods a processor confirms; matched on whole words. */
    private static final Pattern ONLINE =
            Pattern.compile("\\b(ideal|mollie|paypal|credit ?card|creditcard|card|stripe|adyen"
                    + "|bancontact|mister ?cash|mistercash|sofort|klarna|afterpay|giropay|eps"
                    + "|visa|mastercard|maestro|amex"
                    + "|apple ?pay|google ?pay|lightspeed ?payments|lightspeedpayments"
                    + "|seoshop ?payments|seoshoppayments"
                    + "|buckaroo|multisafepay|pay\\.nl|paynl|przelewy24|ogone|worldline|sisow|targetpay)\\b");

    /** Methods nobody confirms until the merchant does: the balance stays unpaid (ORD-6). */
    private static final Pattern OFFLINE = Pattern.compile("\\b(invoice|factuur|rechnung|cash|contant|bank ?transfer"
            + "|banktransfer|transfer|overboeking|overschrijving|cheque|check|cod|cash on delivery|rembours|nachnahme"
            + "|manual|pickup|pick ?up|pick-up|in ?store|afhalen|at the store|pay at pickup)\\b");

    private LightspeedPaymentMethods() {}

    /**
     * Whether the payment is integrated. Order of the checks, and why: cash on delivery is offline whatever the
     * method is called; a processor's own key in {@code paymentId} wins over words in the title ("Mollie - Bank
     * transfer" is confirmed by Mollie); then offline words; then processor words in the title; anything else is
     * treated as offline, so an unknown method never records money nobody confirmed.
     */
    static boolean integrated(String paymentId, String paymentTitle, boolean cashOnDelivery) {
        if (cashOnDelivery) {
            return false;
        }
        String id = paymentId.toLowerCase(Locale.ROOT);
        String title = paymentTitle.toLowerCase(Locale.ROOT);
        if (ONLINE.matcher(id).find()) {
            return true;
        }
        if (OFFLINE.matcher(id).find() || OFFLINE.matcher(title).find()) {
            return false;
        }
        return ONLINE.matcher(title).find();
    }
}
