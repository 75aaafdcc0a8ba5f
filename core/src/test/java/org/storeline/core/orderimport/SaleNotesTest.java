package org.storeline.core.orderimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.Platform;

class SaleNotesTest {
    private static final Channel CHANNEL = new Channel(
            UUID.randomUUID(),
            Platform.WOOCOMMERCE,
            "Boutique en ligne",
            URI.create("http://127.0.0.1:9"),
            Map.of(),
            "secret",
            List.of(UUID.randomUUID()),
            UUID.randomUUID(),
            Map.of(),
            false,
            Channel.Connection.pending(),
            Optional.empty(),
            Instant.EPOCH);

    private static ChannelOrder order(
            Optional<String> method, Optional<String> address, Optional<String> phone, Optional<String> note) {
        ChannelOrder base = TestOrders.order("77")
                .customer("zoe@example.com", "Zoé Dubois")
                .line("TEE", 1, "10.00", "10.00", "0.00")
                .build();
        return new ChannelOrder(
                base.externalId(),
                base.number(),
                base.platformStatus(),
                base.disposition(),
                base.placedAt(),
                base.updatedAt(),
                base.currency(),
                base.customer(),
                base.lines(),
                base.shipping(),
                base.totalTax(),
                base.total(),
                base.payment(),
                base.amountPaid(),
                base.fulfillmentType(),
                method,
                address,
                phone,
                note);
    }

    @Test
    void whatTheImportWritesReadsBackPartByPart() {
        String note = SaleNotes.of(
                order(
                        Optional.of("Colissimo by plane"),
                        Optional.of("Zoé Dubois\n12 rue de la Paix\n75002 Paris"),
                        Optional.of("+33 1 23 45 67 89"),
                        Optional.of("Sonnez deux fois.\nMerci !")),
                CHANNEL);

        SaleNotes.Details details = SaleNotes.read(note);

        assertThat(details.customer()).contains("Zoé Dubois <zoe@example.com>, +33 1 23 45 67 89");
        assertThat(details.shippingMethod()).contains("Colissimo by plane");
        assertThat(details.address()).containsExactly("Zoé Dubois", "12 rue de la Paix", "75002 Paris");
        assertThat(details.customerNote()).contains("Sonnez deux fois.\nMerci !");
        assertThat(details.other()).isEmpty();
    }

    @Test
    void anOrderWithoutMethodAddressOrNoteReadsBackEmpty() {
        SaleNotes.Details details = SaleNotes.read(
                SaleNotes.of(order(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), CHANNEL));

        assertThat(details.customer()).contains("Zoé Dubois <zoe@example.com>");
        assertThat(details.shippingMethod()).isEmpty();
        assertThat(details.address()).isEmpty();
        assertThat(details.customerNote()).isEmpty();
        assertThat(details.other()).isEmpty();
    }

    @Test
    void linesStaffWroteAreKeptInOrderAsOther() {
        SaleNotes.Details details = SaleNotes.read("Order shipped by hand\nDelivery: tomorrow\r\n\nCall first");

        assertThat(details.customer()).isEmpty();
        assertThat(details.shippingMethod()).isEmpty();
        assertThat(details.other()).containsExactly("Order shipped by hand", "Delivery: tomorrow", "Call first");
    }

    @Test
    void anEmptyOrMissingNoteHasNothing() {
        assertThat(SaleNotes.read("").other()).isEmpty();
        assertThat(SaleNotes.read(null).customer()).isEmpty();
    }
}
