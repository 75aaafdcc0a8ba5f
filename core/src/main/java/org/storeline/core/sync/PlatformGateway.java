package org.storeline.core.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.storeline.core.channel.Channel;

/**
 * Port: a channel's platform as the {@link SyncSender} calls it (implemented where the platform modules are wired, with
 * the channel's decrypted credentials). Each call waits its turn in the channel's rate budget first; a failure is
 * thrown as {@link SyncCallFailed}. Nothing here retries: the sync outbox does.
 */
public interface PlatformGateway {
    /** Whether Storeline sends anything to this channel's platform yet (its module has an outbound side). */
    boolean sends(Channel channel);

    /** The platform's listings of these SKUs (a SKU the platform does not sell is left out). */
    Map<String, Listing> findListings(Channel channel, Collection<String> skus);

    /**
     * The level each listing shows on the platform now (a listing it keeps no count for is left out); read where a
     * stock webhook does not say it.
     */
    Map<Listing, Long> readStockLevels(Channel channel, List<Listing> listings);

    List<PlatformCall> setStockLevels(Channel channel, List<StockLevel> levels);

    List<PlatformCall> setPrices(Channel channel, List<PriceChange> prices);

    List<PlatformCall> sendStatus(Channel channel, StatusChange change);

    /**
     * Makes {@code calls} (calls of this gateway, on this thread) with none of their requests started unless its answer
     * is due by {@code deadline} (its time to wait for the budget and its timeout): a request that could not be is not
     * sent, and its call fails as {@link SendFailure.Kind#OUT_OF_TIME}. A sync round's claim runs out at its deadline:
     * what is left then is released, not sent by one worker while another may claim it.
     */
    <T> T within(Instant deadline, Supplier<T> calls);

    /**
     * A call that failed, and how; with the calls of the same operation made before it, which took effect and belong
     * in the activity log as much as the failure (a fulfillment order read, then the fulfillment refused).
     */
    final class SyncCallFailed extends RuntimeException {
        private final SendFailure failure;
        private final List<PlatformCall> madeBefore;

        public SyncCallFailed(SendFailure failure, Throwable cause) {
            this(failure, List.of(), cause);
        }

        public SyncCallFailed(SendFailure failure, List<PlatformCall> madeBefore, Throwable cause) {
            super(failure.message(), cause);
            this.failure = failure;
            this.madeBefore = List.copyOf(madeBefore);
        }

        public SendFailure failure() {
            return failure;
        }

        /** The requests the operation made before the one that failed, in the order made. */
        public List<PlatformCall> madeBefore() {
            return madeBefore;
        }
    }
}
