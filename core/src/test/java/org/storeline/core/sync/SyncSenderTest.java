package org.storeline.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.storeline.core.catalog.Product;
import org.storeline.core.catalog.ProductRepository;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelRepository;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.Platform;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.settings.SettingsRepository;
import org.storeline.core.settings.StoreSettings;
import org.storeline.core.stock.StockLedger;
import org.storeline.core.transaction.Transactions;

/** What one claim of a channel's tasks sends, and how each task ends, with every port faked in memory. */
class SyncSenderTest {
    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private static final UUID OUTLET_A = UUID.randomUUID();
    private static final UUID OUTLET_B = UUID.randomUUID();
    private static final UUID ELSEWHERE = UUID.randomUUID();
    private static final Channel CHANNEL = channel();

    private final Map<UUID, Product> catalog = new HashMap<>();
    private final LedgerLevels levels = new LedgerLevels();
    private final List<SyncTask> claimable = new ArrayList<>();
    private final List<SyncTasks.Finished> finished = new ArrayList<>();
    private final List<Integer> limits = new ArrayList<>();
    private final List<ActivityEntry> logged = new ArrayList<>();
    private final Gateway gateway = new Gateway();
    private final Listings listings = new Listings();

    @Test
    void stockOfTheClaimGoesAsOneBatchOfLevelsSummedOverTheChannelsOutletsNeverBelowZero() {
        UUID tee = product("TEE");
        UUID mug = product("MUG");
        UUID local = product("LOCAL");
        gateway.sells("TEE", "MUG");
        levels.set(tee, OUTLET_A, 4);
        levels.set(tee, OUTLET_B, 3);
        levels.set(tee, ELSEWHERE, 50);
        levels.set(mug, OUTLET_A, -2);
        // Two tasks of the tee: an earlier claim's whose lease ran out, and the newer one.
        SyncTask teeOld = stock(tee);
        SyncTask teeNew = stock(tee);
        SyncTask mugTask = stock(mug);
        claimable.addAll(List.of(teeOld, mugTask, teeNew, stock(local)));

        sender(Duration.ofSeconds(60)).sendDue(CHANNEL.id(), "worker-1");

        assertThat(gateway.stockCalls).containsExactly(List.of("TEE=7", "MUG=0"));
        assertThat(finished).hasSize(4).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(new SyncOutcome.Done()));
        assertThat(listings.remembered).containsKeys(tee, mug, local);
        assertThat(listings.remembered.get(local).listing()).isEmpty();
        assertThat(logged)
                .extracting(ActivityEntry::kind, ActivityEntry::outcome)
                .containsExactly(
                        tuple(ActivityEntry.Kind.LISTING, ActivityEntry.Outcome.SUCCEEDED),
                        tuple(ActivityEntry.Kind.STOCK, ActivityEntry.Outcome.SUCCEEDED));
        assertThat(logged.get(1).syncTaskIds()).containsExactly(teeOld.id(), teeNew.id(), mugTask.id());
    }

    @Test
    void aProductKnownToTheChannelIsNotLookedUpAgain() {
        UUID tee = product("TEE");
        listings.known.put(
                tee, new ChannelListings.Known(tee, "TEE", Optional.of(listing("TEE")), NOW.minusSeconds(86_400)));
        claimable.add(stock(tee));

        sender(Duration.ofSeconds(60)).sendDue(CHANNEL.id(), "worker-1");

        assertThat(gateway.lookUps).isZero();
        assertThat(gateway.stockCalls).containsExactly(List.of("TEE=0"));
    }

    @Test
    void aListingKnownByAnotherSkuThanTheProductsIsLookedUpAgainByItsSku() {
        // Found under the SKU the product had then (say by the store's previous channel, carried over by a relink).
        UUID tee = product("TEE-2");
        listings.known.put(
                tee, new ChannelListings.Known(tee, "TEE", Optional.of(listing("TEE")), NOW.minusSeconds(60)));
        gateway.sells("TEE", "TEE-2");
        claimable.add(stock(tee));

        sender(Duration.ofSeconds(60)).sendDue(CHANNEL.id(), "worker-1");

        assertThat(gateway.lookUps).isOne();
        assertThat(gateway.stockCalls).containsExactly(List.of("TEE-2=0"));
        assertThat(listings.remembered.get(tee).sku()).isEqualTo("TEE-2");
    }

    @Test
    void aPlatformThatAsksForAPauseGetsTheTasksBackWhenItSaid() {
        UUID tee = product("TEE");
        gateway.sells("TEE");
        gateway.failure = Optional.of(new SendFailure(
                SendFailure.Kind.UNAVAILABLE, "too many requests", 429, Optional.of(Duration.ofSeconds(30))));
        claimable.add(stock(tee));

        sender(Duration.ofSeconds(60)).sendDue(CHANNEL.id(), "worker-1");

        assertThat(finished)
                .singleElement()
                .satisfies(f -> assertThat(f.outcome())
                        .isEqualTo(new SyncOutcome.Later(NOW.plusSeconds(30), "too many requests")));
        ActivityEntry entry = logged.getLast();
        assertThat(entry.outcome()).isEqualTo(ActivityEntry.Outcome.RETRYING);
        assertThat(entry.call().orElseThrow().status()).isEqualTo(429);
        assertThat(entry.reason()).contains("sent again at 10:00:30");
        assertThat(entry.canBeRetried()).isFalse();
    }

    @Test
    void aStatusChangeWithoutAnAnswerIsUnknownAndARefusalIsRetryableByHand() {
        gateway.failure = Optional.of(new SendFailure(SendFailure.Kind.TIMED_OUT, "no answer", 0, Optional.empty()));
        claimable.add(status("1001"));
        sender(Duration.ofSeconds(60)).sendDue(CHANNEL.id(), "worker-1");
        gateway.failure = Optional.of(
                new SendFailure(SendFailure.Kind.REFUSED, "order 1002 is cancelled", 200, Optional.empty()));
        claimable.add(status("1002"));
        sender(Duration.ofSeconds(60)).sendDue(CHANNEL.id(), "worker-1");

        assertThat(finished.get(0).outcome()).isInstanceOf(SyncOutcome.Unknown.class);
        assertThat(finished.get(1).outcome()).isEqualTo(new SyncOutcome.Refused("order 1002 is cancelled"));
        assertThat(logged.get(1).externalOrderId()).contains("1002");
        assertThat(logged.get(1).canBeRetried()).isTrue();
    }

    @Test
    void aStatusEntrySaysWhichStatusOfWhichOrderWentOrFailed() {
        claimable.add(status("1001"));
        sender(Duration.ofSeconds(60)).sendDue(CHANNEL.id(), "worker-1");
        gateway.failure = Optional.of(
                new SendFailure(SendFailure.Kind.REFUSED, "order 1002 is cancelled", 200, Optional.empty()));
        claimable.add(status("1002"));
        sender(Duration.ofSeconds(60)).sendDue(CHANNEL.id(), "worker-1");

        assertThat(logged.get(0).reason()).isEqualTo("Status 'fulfilled' of order 1001 sent.");
        assertThat(logged.get(1).reason())
                .startsWith("Status 'fulfilled' of order 1002 failed: order 1002 is cancelled");
    }

    @Test
    void theCallsAnOperationMadeBeforeOneFailedAreLoggedAsMadeBeforeTheFailure() {
        gateway.madeBeforeFailing = List.of(new PlatformCall("GET", "/orders/1003/fulfillment_orders.json", 200, "{}"));
        gateway.failure =
                Optional.of(new SendFailure(SendFailure.Kind.REFUSED, "fulfillment refused", 422, Optional.empty()));
        claimable.add(status("1003"));

        sender(Duration.ofSeconds(60)).sendDue(CHANNEL.id(), "worker-1");

        assertThat(logged).hasSize(2);
        assertThat(logged.get(0).outcome()).isEqualTo(ActivityEntry.Outcome.SUCCEEDED);
        assertThat(logged.get(0).call().orElseThrow().request()).contains("GET /orders/1003/fulfillment_orders.json");
        assertThat(logged.get(0).externalOrderId()).contains("1003");
        assertThat(logged.get(1).outcome()).isEqualTo(ActivityEntry.Outcome.REFUSED);
        assertThat(logged.get(1).call().orElseThrow().status()).isEqualTo(422);
        assertThat(finished)
                .singleElement()
                .satisfies(f -> assertThat(f.outcome()).isEqualTo(new SyncOutcome.Refused("fulfillment refused")));
    }

    @Test
    void noCallStartsThatWouldOutlastTheClaimsLease() {
        claimable.addAll(List.of(stock(product("TEE")), status("1001")));

        sender(Duration.ofSeconds(3)).sendDue(CHANNEL.id(), "worker-1");

        assertThat(gateway.lookUps + gateway.stockCalls.size() + gateway.statusCalls)
                .isZero();
        assertThat(finished).hasSize(2).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(new SyncOutcome.Released()));
        assertThat(logged).isEmpty();
    }

    @Test
    void theRoundsCallsEndByTheClaimsLeaseOrTheChannelsHoldWhicheverEndsFirst() {
        UUID tee = product("TEE");
        gateway.sells("TEE");
        claimable.add(stock(tee));
        sender(Duration.ofSeconds(60)).sendDue(CHANNEL.id(), "worker-1", NOW.plusSeconds(45));
        claimable.add(stock(tee));
        sender(Duration.ofSeconds(60)).sendDue(CHANNEL.id(), "worker-1", NOW.plusSeconds(90));

        assertThat(gateway.deadlines).containsExactly(NOW.plusSeconds(45), NOW.plusSeconds(60));
    }

    @Test
    void whatTheRoundHadNoTimeLeftForIsReleasedDueAgainAtOnceNotFailed() {
        UUID tee = product("TEE");
        gateway.sells("TEE");
        gateway.failure = Optional.of(
                new SendFailure(SendFailure.Kind.OUT_OF_TIME, "not sent: the round's claim ends", 0, Optional.empty()));
        claimable.addAll(List.of(stock(tee), status("1004")));

        sender(Duration.ofSeconds(60)).sendDue(CHANNEL.id(), "worker-1");

        assertThat(finished).hasSize(2).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(new SyncOutcome.Released()));
        assertThat(logged).extracting(ActivityEntry::outcome).doesNotContain(ActivityEntry.Outcome.REFUSED);
    }

    @Test
    void aRoundThatRanOutOfTimeIsFollowedBySmallerClaimsUntilOneFitsThenTheyGrowBack() {
        UUID tee = product("TEE");
        gateway.sells("TEE");
        SyncSender sender = sender(Duration.ofSeconds(60));
        gateway.failure = Optional.of(
                new SendFailure(SendFailure.Kind.OUT_OF_TIME, "not sent: the round's claim ends", 0, Optional.empty()));
        for (int i = 0; i < 8; i++) {
            claimable.add(stock(tee));
        }
        sender.sendDue(CHANNEL.id(), "worker-1");
        claimable.clear();
        for (int i = 0; i < 8; i++) {
            claimable.add(stock(tee));
        }
        sender.sendDue(CHANNEL.id(), "worker-1");
        gateway.failure = Optional.empty();
        sender.sendDue(CHANNEL.id(), "worker-1");
        sender.sendDue(CHANNEL.id(), "worker-1");

        assertThat(limits).containsExactly(SyncSender.CLAIM_LIMIT, 4, 2, 4);
    }

    @Test
    void aPlatformStorelineSendsNothingToRefusesEveryTaskSayingSo() {
        gateway.sends = false;
        claimable.addAll(List.of(stock(product("TEE")), status("1001")));

        sender(Duration.ofSeconds(60)).sendDue(CHANNEL.id(), "worker-1");

        assertThat(finished).allSatisfy(f -> assertThat(f.outcome()).isInstanceOf(SyncOutcome.Refused.class));
        assertThat(logged).singleElement().satisfies(e -> {
            assertThat(e.reason()).contains("does not send").contains("woocommerce");
            assertThat(e.syncTaskIds()).hasSize(2);
        });
    }

    @SuppressWarnings("unchecked")
    private SyncSender sender(Duration lease) {
        return new SyncSender(
                new Tasks(),
                fake(ChannelRepository.class, "findById", args -> Optional.of(CHANNEL)),
                listings,
                fake(
                        ProductRepository.class,
                        "findByIds",
                        args -> ((Collection<?>) args[0])
                                .stream().map(catalog::get).toList()),
                fake(
                        StockLedger.class,
                        "levelsAt",
                        args -> levels.at((Collection<?>) args[0], (Collection<?>) args[1])),
                fake(SettingsRepository.class, "get", args -> new StoreSettings(true, Currency.getInstance("EUR"))),
                fake(ActivityLog.class, "record", args -> {
                    logged.addAll((List<ActivityEntry>) args[0]);
                    return null;
                }),
                gateway,
                new Transactions() {
                    @Override
                    public <T> T inTransaction(Supplier<T> work) {
                        return work.get();
                    }
                },
                Clock.fixed(NOW, ZoneOffset.UTC),
                lease,
                Duration.ofSeconds(2));
    }

    /** A port answering the one method a test needs; any other call fails the test. */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> port, String method, Function<Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, m, args) -> {
            if (m.getName().equals(method)) {
                return answer.apply(args);
            }
            throw new AssertionError("unexpected call of " + port.getSimpleName() + "." + m.getName());
        });
    }

    private UUID product(String sku) {
        UUID id = UUID.randomUUID();
        catalog.put(id, new Product(id, sku, sku, Money.of("10.00", "EUR"), TaxRate.of("0.21"), List.of(), false, NOW));
        return id;
    }

    private static SyncTask stock(UUID product) {
        return new SyncTask(
                UUID.randomUUID(),
                CHANNEL.id(),
                SyncKind.STOCK,
                Optional.of(product),
                Optional.empty(),
                Optional.empty(),
                SyncTaskState.IN_FLIGHT,
                1,
                NOW);
    }

    private static SyncTask status(String order) {
        return new SyncTask(
                UUID.randomUUID(),
                CHANNEL.id(),
                SyncKind.STATUS,
                Optional.empty(),
                Optional.of(UUID.randomUUID()),
                Optional.of(new StatusChange(
                        order,
                        StatusChange.Kind.FULFILLED,
                        FulfillmentType.DELIVERY,
                        List.of(),
                        Optional.empty(),
                        false)),
                SyncTaskState.IN_FLIGHT,
                1,
                NOW);
    }

    private static Listing listing(String sku) {
        return new Listing(sku, Map.of("product_id", "id-" + sku));
    }

    private static Channel channel() {
        return new Channel(
                UUID.randomUUID(),
                Platform.WOOCOMMERCE,
                "Web shop",
                URI.create("https://shop.example"),
                Map.of(),
                "secret",
                List.of(OUTLET_A, OUTLET_B),
                UUID.randomUUID(),
                Map.of(),
                true,
                Channel.Connection.pending(),
                Optional.empty(),
                NOW);
    }

    private final class Tasks implements SyncTasks {
        @Override
        public List<DueWork> channelsWithDueWork(Instant now, String sender, int limit) {
            return List.of(new DueWork(CHANNEL.id(), now, now));
        }

        @Override
        public List<SyncTask> claim(UUID channelId, String owner, Instant now, Duration lease, int limit) {
            limits.add(limit);
            List<SyncTask> claimed = List.copyOf(claimable.subList(0, Math.min(limit, claimable.size())));
            claimable.removeAll(claimed);
            return claimed;
        }

        @Override
        public void finish(String owner, List<Finished> done, Instant now) {
            finished.addAll(done);
        }

        @Override
        public int retryByHand(UUID channelId, Collection<UUID> taskIds, Instant now) {
            return 0;
        }

        @Override
        public Backlog backlog(UUID channelId) {
            return new Backlog(0, Optional.empty());
        }

        @Override
        public int deleteDone(Instant before, int limit) {
            return 0;
        }
    }

    private static final class Listings implements ChannelListings {
        final Map<UUID, Known> known = new HashMap<>();
        final Map<UUID, Known> remembered = new HashMap<>();

        @Override
        public Map<UUID, Known> find(UUID channelId, Collection<UUID> productIds) {
            return known;
        }

        @Override
        public List<Known> findByPlatformIds(UUID channelId, Map<String, String> platformIds) {
            return List.of();
        }

        @Override
        public void remember(UUID channelId, Collection<Known> looked) {
            looked.forEach(k -> remembered.put(k.productId(), k));
        }

        @Override
        public void carryOver(UUID fromChannel, UUID toChannel) {
            throw new UnsupportedOperationException("no channel is linked here");
        }
    }

    /** A platform that sells some SKUs and records what it was sent. */
    private static final class Gateway implements PlatformGateway {
        boolean sends = true;
        Optional<SendFailure> failure = Optional.empty();
        List<PlatformCall> madeBeforeFailing = List.of();
        final List<String> skus = new ArrayList<>();
        int lookUps;
        int statusCalls;
        final List<List<String>> stockCalls = new ArrayList<>();
        final List<Instant> deadlines = new ArrayList<>();

        void sells(String... sold) {
            skus.addAll(List.of(sold));
        }

        @Override
        public boolean sends(Channel channel) {
            return sends;
        }

        @Override
        public Map<String, Listing> findListings(Channel channel, Collection<String> wanted) {
            lookUps++;
            Map<String, Listing> found = new HashMap<>();
            wanted.stream().filter(skus::contains).forEach(sku -> found.put(sku, listing(sku)));
            return found;
        }

        @Override
        public Map<Listing, Long> readStockLevels(Channel channel, List<Listing> listings) {
            return Map.of();
        }

        @Override
        public List<PlatformCall> setStockLevels(Channel channel, List<StockLevel> levels) {
            failIfAsked();
            stockCalls.add(levels.stream()
                    .map(l -> l.listing().sku() + "=" + l.level())
                    .toList());
            return List.of(new PlatformCall("POST", "/products/batch", 200, "{}"));
        }

        @Override
        public List<PlatformCall> setPrices(Channel channel, List<PriceChange> prices) {
            return List.of();
        }

        @Override
        public List<PlatformCall> sendStatus(Channel channel, StatusChange change) {
            statusCalls++;
            failIfAsked();
            return List.of(new PlatformCall("PUT", "/orders/" + change.externalOrderId(), 200, "{}"));
        }

        @Override
        public <T> T within(Instant deadline, Supplier<T> calls) {
            deadlines.add(deadline);
            return calls.get();
        }

        private void failIfAsked() {
            if (failure.isPresent()) {
                throw new SyncCallFailed(failure.get(), madeBeforeFailing, null);
            }
        }
    }
}
