package org.storeline.core.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.Email;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.outlet.Language;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleSource;
import org.storeline.core.sale.SaleStatus;

/** The customer emails' words: each kind in each language, with the glossary's words, tracking and the items. */
class EmailTemplatesTest {
    private static final Tracking TRACKED = new Tracking(
            Optional.of("1Z999AA10123456784"), Optional.of("UPS"), Optional.of("https://track.example/1Z999"));
    private static final List<Occasion.Item> ITEMS =
            List.of(new Occasion.Item("Mug, large", 2), new Occasion.Item("Tea tin", 1));

    private static Occasion occasion(EmailKind kind, Language language, Tracking tracking) {
        return new Occasion(kind, language, "#727", Optional.of("Anne Dupont"), "Gent Centrum", ITEMS, tracking);
    }

    @Test
    void theShippedEmailInEnglishSaysShippedAndGivesTheTracking() {
        Letter letter = EmailTemplates.write(occasion(EmailKind.SHIPPED, Language.EN, TRACKED));

        assertThat(letter.subject()).isEqualTo("Your order #727 has been shipped");
        assertThat(letter.body())
                .startsWith("Hello Anne Dupont,\n")
                .contains("Your order #727 has been shipped: it is out for delivery.")
                .contains("Items:\n- 2 × Mug, large\n- 1 × Tea tin")
                .contains("Tracking number: 1Z999AA10123456784")
                .contains("Carrier: UPS")
                .contains("Track your parcel: https://track.example/1Z999")
                .endsWith("Thank you for your order.\nGent Centrum\n");
    }

    @Test
    void theShippedEmailInFrenchSaysExpedieeAndEnCoursDeLivraison() {
        Letter letter = EmailTemplates.write(occasion(EmailKind.SHIPPED, Language.FR, TRACKED));

        assertThat(letter.subject()).isEqualTo("Votre commande #727 a été expédiée");
        assertThat(letter.body())
                .startsWith("Bonjour Anne Dupont,")
                .contains("en cours de livraison")
                .contains("Articles :")
                .contains("Numéro de suivi : 1Z999AA10123456784")
                .contains("Transporteur : UPS")
                .contains("Suivre votre colis : https://track.example/1Z999")
                .contains("Merci pour votre commande.");
    }

    @Test
    void theShippedEmailInDutchSaysVerzondenAndOnderwegVoorLevering() {
        Letter letter = EmailTemplates.write(occasion(EmailKind.SHIPPED, Language.NL, TRACKED));

        assertThat(letter.subject()).isEqualTo("Je bestelling #727 is verzonden");
        assertThat(letter.body())
                .startsWith("Hallo Anne Dupont,")
                .contains("onderweg voor levering")
                .contains("Artikelen:")
                .contains("Trackingnummer: 1Z999AA10123456784")
                .contains("Vervoerder: UPS")
                .contains("Volg je pakket: https://track.example/1Z999")
                .contains("Bedankt voor je bestelling.");
    }

    @Test
    void theReadyForPickupEmailNamesTheOutletInEachLanguage() {
        assertThat(EmailTemplates.write(occasion(EmailKind.READY_FOR_PICKUP, Language.EN, Tracking.NONE)))
                .satisfies(l -> assertThat(l.subject()).isEqualTo("Your order #727 is ready for pickup"))
                .satisfies(l -> assertThat(l.body()).contains("ready for pickup at Gent Centrum."));
        assertThat(EmailTemplates.write(occasion(EmailKind.READY_FOR_PICKUP, Language.FR, Tracking.NONE)))
                .satisfies(l -> assertThat(l.subject()).isEqualTo("Votre commande #727 est prête pour le ramassage"))
                .satisfies(l -> assertThat(l.body()).contains("à l’établissement Gent Centrum."));
        assertThat(EmailTemplates.write(occasion(EmailKind.READY_FOR_PICKUP, Language.NL, Tracking.NONE)))
                .satisfies(l -> assertThat(l.subject()).isEqualTo("Je bestelling #727 is klaar voor ophalen"))
                .satisfies(l -> assertThat(l.body()).contains("bij vestiging Gent Centrum."));
    }

    @Test
    void aShipmentWithoutTrackingSaysNothingOfTrackingAndGivesOnlyWhatItHas() {
        String none = EmailTemplates.write(occasion(EmailKind.SHIPPED, Language.EN, Tracking.NONE))
                .body();
        String numberOnly = EmailTemplates.write(occasion(
                        EmailKind.SHIPPED,
                        Language.EN,
                        new Tracking(Optional.of("ABC123"), Optional.empty(), Optional.empty())))
                .body();

        assertThat(none).doesNotContain("Tracking").doesNotContain("Carrier").doesNotContain("Track your");
        assertThat(numberOnly)
                .contains("Tracking number: ABC123")
                .doesNotContain("Carrier")
                .doesNotContain("Track ");
    }

    @Test
    void aCustomerKnownOnlyByTheirEmailIsGreetedPlainlyAndTheOrderIsTheirPlatformNumber() {
        UUID outletId = UUID.randomUUID();
        Outlet outlet =
                new Outlet(outletId, 3, "Brussel Zuid", ZoneId.of("Europe/Brussels"), Language.NL, Instant.now());
        Sale sale = new Sale(
                UUID.randomUUID(),
                "3-000042",
                Instant.now(),
                outletId,
                UUID.randomUUID(),
                SaleSource.ONLINE,
                Optional.of(new ChannelOrderRef(UUID.randomUUID(), "9001", "WEB-1001", Instant.now())),
                SaleStatus.OPEN,
                Currency.getInstance("EUR"),
                Optional.empty(),
                List.of(),
                List.of(),
                "",
                Optional.empty());
        Fulfillment fulfillment = new Fulfillment(
                UUID.randomUUID(),
                sale.id(),
                outletId,
                FulfillmentType.PICKUP,
                FulfillmentStatus.PACKED,
                List.of(new Fulfillment.Item(UUID.randomUUID(), "MUG", "Mok\ngroot", 1, 1)),
                Instant.now(),
                Optional.empty());
        Customer customer =
                new Customer(UUID.randomUUID(), "jan@example.com", Optional.of(Email.of("jan@example.com")), null);

        Letter letter = EmailTemplates.write(Occasion.of(
                EmailKind.READY_FOR_PICKUP, sale, fulfillment, outlet, Optional.of(customer), Tracking.NONE));

        assertThat(letter.subject()).isEqualTo("Je bestelling WEB-1001 is klaar voor ophalen");
        assertThat(letter.body())
                .startsWith("Hallo,\n")
                .contains("- 1 × Mok groot")
                .contains("bij vestiging Brussel Zuid.");
    }
}
