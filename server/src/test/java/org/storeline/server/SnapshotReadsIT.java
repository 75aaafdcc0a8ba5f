package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.storeline.core.outlet.Language;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * Reads composed into one answer see one snapshot: what another request commits between them shows in the next
 * answer, never in half of this one (a refund already done beside a payment not yet given back).
 */
class SnapshotReadsIT {
    private final Wiring wiring = TestStoreline.instance().wiring();
    private final Shop shop = new Shop(TestStoreline.admin());

    @Test
    void aWriteCommittedBetweenTwoReadsOfOneSnapshotIsSeenByNeitherButByTheNextSnapshot() {
        shop.outlet("Before");
        int[] counts = wiring.tx.inSnapshot(() -> {
            int first = wiring.outletRepository.findAll().size();
            CompletableFuture.runAsync(() -> shop.outlet("Meanwhile")).join();
            int second = wiring.outletRepository.findAll().size();
            return new int[] {first, second};
        });

        assertThat(counts[1]).as("the same snapshot").isEqualTo(counts[0]);
        assertThat(wiring.tx.inSnapshot(() -> wiring.outletRepository.findAll().size()))
                .as("the next snapshot")
                .isEqualTo(counts[0] + 1);
    }

    @Test
    void aSnapshotRefusesToWrite() {
        assertThatThrownBy(() -> wiring.tx.inSnapshot(() -> wiring.outletRepository.insert(
                        UUID.randomUUID(), Shop.unique("Refused"), ZoneOffset.UTC, Language.EN, Instant.now())))
                .hasMessageContaining("read-only transaction");
    }
}
