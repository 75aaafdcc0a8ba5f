package org.storeline.core.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.storeline.core.error.StorelineException;

class StockReasonByHandTest {

    @Test
    void aPersonMaySetALevelForACountOrAnAdjustment() {
        assertThat(StockService.reasonByHand("count")).isEqualTo(StockReason.COUNT);
        assertThat(StockService.reasonByHand("adjustment")).isEqualTo(StockReason.ADJUSTMENT);
    }

    @Test
    void theReasonsOfSalesReturnsAndCancellationsAreNotAPersonsToGive() {
        for (String reason : new String[] {"in_store_sale", "online_order", "return", "cancellation", "", "COUNT"}) {
            assertThatThrownBy(() -> StockService.reasonByHand(reason))
                    .isInstanceOf(StorelineException.class)
                    .hasMessageContaining("count or adjustment");
        }
    }
}
