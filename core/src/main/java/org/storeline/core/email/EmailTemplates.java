package org.storeline.core.email;

import java.util.ArrayList;
import java.util.List;
import org.storeline.core.outlet.Language;

/**
 * The customer emails' words in English, French and Dutch, with the words of the staff app and the help-center
 * articles (Ready for pickup: Prêt pour le ramassage, Klaar voor ophalen; Out for delivery: En cours de livraison,
 * Onderweg voor levering; Outlet: Établissement, Vestiging). Pure: an {@link Occasion} in, a {@link Letter} out.
 */
public final class EmailTemplates {
    private EmailTemplates() {}

    /** One language's sentences; {@code %s} is the order number, the customer's name, the outlet or a value. */
    private record Words(
            String hello,
            String helloNoName,
            String shippedSubject,
            String shippedLead,
            String readySubject,
            String readyLead,
            String readyBring,
            String items,
            String trackingNumber,
            String carrier,
            String trackAt,
            String thanks) {}

    private static final Words ENGLISH = new Words(
            "Hello %s,",
            "Hello,",
            "Your order %s has been shipped",
            "Your order %s has been shipped: it is out for delivery.",
            "Your order %s is ready for pickup",
            "Your order %s is ready for pickup at %s.",
            "Please give your order number %s when you pick it up.",
            "Items:",
            "Tracking number: %s",
            "Carrier: %s",
            "Track your parcel: %s",
            "Thank you for your order.");

    private static final Words FRENCH = new Words(
            "Bonjour %s,",
            "Bonjour,",
            "Votre commande %s a été expédiée",
            "Votre commande %s a été expédiée : elle est en cours de livraison.",
            "Votre commande %s est prête pour le ramassage",
            "Votre commande %s est prête pour le ramassage à l’établissement %s.",
            "Merci d’indiquer votre numéro de commande %s lors du ramassage.",
            "Articles :",
            "Numéro de suivi : %s",
            "Transporteur : %s",
            "Suivre votre colis : %s",
            "Merci pour votre commande.");

    private static final Words DUTCH = new Words(
            "Hallo %s,",
            "Hallo,",
            "Je bestelling %s is verzonden",
            "Je bestelling %s is verzonden en is onderweg voor levering.",
            "Je bestelling %s is klaar voor ophalen",
            "Je bestelling %s is klaar voor ophalen bij vestiging %s.",
            "Noem je bestelnummer %s wanneer je de bestelling komt afhalen.",
            "Artikelen:",
            "Trackingnummer: %s",
            "Vervoerder: %s",
            "Volg je pakket: %s",
            "Bedankt voor je bestelling.");

    public static Letter write(Occasion occasion) {
        Words words = words(occasion.language());
        List<String> lines = new ArrayList<>();
        lines.add(occasion.customerName()
                .map(name -> words.hello().formatted(name))
                .orElse(words.helloNoName()));
        lines.add("");
        String subject;
        switch (occasion.kind()) {
            case SHIPPED -> {
                subject = words.shippedSubject().formatted(occasion.orderNumber());
                lines.add(words.shippedLead().formatted(occasion.orderNumber()));
                items(words, occasion, lines);
                tracking(words, occasion.tracking(), lines);
            }
            case READY_FOR_PICKUP -> {
                subject = words.readySubject().formatted(occasion.orderNumber());
                lines.add(words.readyLead().formatted(occasion.orderNumber(), occasion.outletName()));
                items(words, occasion, lines);
                lines.add("");
                lines.add(words.readyBring().formatted(occasion.orderNumber()));
            }
            default -> throw new IllegalStateException("No template for " + occasion.kind());
        }
        lines.add("");
        lines.add(words.thanks());
        lines.add(occasion.outletName());
        return new Letter(subject, String.join("\n", lines) + "\n");
    }

    private static void items(Words words, Occasion occasion, List<String> lines) {
        if (occasion.items().isEmpty()) {
            return;
        }
        lines.add("");
        lines.add(words.items());
        for (Occasion.Item item : occasion.items()) {
            lines.add("- " + item.quantity() + " × " + item.name());
        }
    }

    private static void tracking(Words words, Tracking tracking, List<String> lines) {
        if (tracking.isEmpty()) {
            return;
        }
        lines.add("");
        tracking.number().ifPresent(n -> lines.add(words.trackingNumber().formatted(n)));
        tracking.company().ifPresent(c -> lines.add(words.carrier().formatted(c)));
        tracking.url().ifPresent(u -> lines.add(words.trackAt().formatted(u)));
    }

    private static Words words(Language language) {
        return switch (language) {
            case EN -> ENGLISH;
            case FR -> FRENCH;
            case NL -> DUTCH;
        };
    }
}
