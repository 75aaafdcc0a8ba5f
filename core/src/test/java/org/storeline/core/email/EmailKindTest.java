package org.storeline.core.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.FulfillmentStatus;

class EmailKindTest {
    @ParameterizedTest
    @EnumSource(FulfillmentStatus.class)
    void aDeliveryIsEmailedWhenShippedAndAPickupWhenPacked(FulfillmentStatus status) {
        assertThat(EmailKind.forStatus(FulfillmentType.DELIVERY, status))
                .isEqualTo(status == FulfillmentStatus.SHIPPED ? Optional.of(EmailKind.SHIPPED) : Optional.empty());
        assertThat(EmailKind.forStatus(FulfillmentType.PICKUP, status))
                .isEqualTo(
                        status == FulfillmentStatus.PACKED
                                ? Optional.of(EmailKind.READY_FOR_PICKUP)
                                : Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(FulfillmentStatus.class)
    void onlyShippedAndPackedMayCallForAnEmail(FulfillmentStatus status) {
        assertThat(EmailKind.mayFollow(status))
                .isEqualTo(status == FulfillmentStatus.SHIPPED || status == FulfillmentStatus.PACKED);
    }
}
