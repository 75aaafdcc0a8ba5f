package org.storeline.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.Platform;
import org.storeline.core.channel.WebhookInbox;
import org.storeline.core.stock.StockLedger;
import org.storeline.core.stock.StockLevel;
import org.storeline.core.transaction.Transactions;

/**
 * The decision on a stock level a platform reports (SOR-3): our own echo schedules nothing, a hand change is set back
 * and logged, an unknown listing is ignored, a webhook without a level has the level read; with every port in memory.
 */
class StockReportsTest {
    private static final Instant NOW = Instant.parse("2026-12-09T10:00:00Z");
    private static final UUID OUTLET_A = UUID.randomUUID();
    private static final UUID OUTLET_B = UUID.randomUUID();
    private static final Channel CHANNEL = channel();
    private static final UUID TEE = UUID.randomUUID();
    private static final UUID MUG = UUID.randomUUID();
    private static final Listing TEE_LISTING = new Listing("TEE", Map.of("product_id", "10"));
    private static final Listing MUG_RED = new Listing("MUG-RED", Map.of("product_id", "20", "variation_id", "21"));

    private final List<ChannelListings.Known> known = new ArrayList<>();
    private final Map<UUID, Long> onHandAtA = new HashMap<>();
    private final Map<Listing, Long> platformLevels = new HashMap<>();
    private final List<List<UUID>> scheduled = new ArrayList<>();
    private final List<UUID> setBackRecords = new ArrayList<>();
    private final Set<UUID> waiting = new HashSet<>();
    private final List<WebhookInbox.Finished> finished = new ArrayList<>();
    private final List<ActivityEntry> logged = new ArrayList<>();
    private int reads;
    private boolean platformFails;
    private int earlierSetBacks;

    @Test
    void thePlatformShowingOurLevelIsOurOwnEchoAndNothingIsScheduled() {
        assertThat(StockReports.judge(Optional.of(7L), 7, false, 0)).isEqualTo(StockReports.Verdict.AGREES);
        assertThat(StockReports.judge(Optional.of(7L), 7, true, 99)).isEqualTo(StockReports.Verdict.AGREES);
    }

    @Test
    void anotherLevelIsAHandChangeSetBackUnlessOursIsOnItsWayOrItWasFoughtTooOften() {
        assertThat(StockReports.judge(Optional.of(3L), 7, false, 0)).isEqualTo(StockReports.Verdict.SET_BACK);
        assertThat(StockReports.judge(Optional.of(-2L), 0, false, 9)).isEqualTo(StockReports.Verdict.SET_BACK);
        assertThat(StockReports.judge(Optional.of(3L), 7, true, 0)).isEqualTo(StockReports.Verdict.ON_ITS_WAY);
        assertThat(StockReports.judge(Optional.of(3L), 7, false, StockReports.MAX_SET_BACKS))
                .isEqualTo(StockReports.Verdict.GIVEN_UP);
        assertThat(StockReports.judge(Optional.empty(), 7, false, 0)).isEqualTo(StockReports.Verdict.NOT_COUNTED);
    }

    @Test
    void theLevelIsReadFromThePlatformWhenTheWebhookDoesNotSayItOrNamesSeveralListings() {
        assertThat(StockReports.mustRead(1, OptionalLong.of(4))).isFalse();
        assertThat(StockReports.mustRead(1, OptionalLong.empty())).isTrue();
        assertThat(StockReports.mustRead(2, OptionalLong.of(4))).isTrue();
    }

    @Test
    void anEchoOfOurPushIsFinishedWithNothingScheduled() {
        sells(TEE, TEE_LISTING, 7);

        reports().handle(CHANNEL, delivery(), "product.updated", Map.of("product_id", "10"), OptionalLong.of(7));

        assertThat(scheduled).isEmpty();
        assertThat(setBackRecords).isEmpty();
        assertThat(reads).isZero();
        assertThat(finished)
                .singleElement()
                .satisfies(f -> assertThat(f.ignored()).isFalse());
        assertThat(logged).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ActivityEntry.Kind.STOCK);
            assertThat(e.outcome()).isEqualTo(ActivityEntry.Outcome.SKIPPED);
            assertThat(e.reason()).contains("TEE shows 7 on the platform, 7 here");
        });
    }

    @Test
    void aHandChangeSchedulesOurLevelForThatChannelAndSaysBothLevels() {
        sells(TEE, TEE_LISTING, 7);

        reports().handle(CHANNEL, delivery(), "product.updated", Map.of("product_id", "10"), OptionalLong.of(3));

        assertThat(scheduled).containsExactly(List.of(TEE));
        assertThat(setBackRecords).containsExactly(TEE);
        assertThat(logged).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(ActivityEntry.Outcome.NOT_APPLIED);
            assertThat(e.reason()).contains("changed on the platform to 3").contains("set back to ours, 7");
        });
    }

    @Test
    void aHandChangeWhileOurPushWaitsSchedulesNothingMore() {
        sells(TEE, TEE_LISTING, 7);
        waiting.add(TEE);

        reports().handle(CHANNEL, delivery(), "product.updated", Map.of("product_id", "10"), OptionalLong.of(3));

        assertThat(scheduled).isEmpty();
        assertThat(logged).singleElement().satisfies(e -> assertThat(e.reason()).contains("already on its way"));
    }

    @Test
    void aLevelSetBackTooOftenInTheHourIsLoggedAsAFailureAndNotPushedAgain() {
        sells(TEE, TEE_LISTING, 7);
        earlierSetBacks = StockReports.MAX_SET_BACKS;

        reports().handle(CHANNEL, delivery(), "product.updated", Map.of("product_id", "10"), OptionalLong.of(3));

        assertThat(scheduled).isEmpty();
        assertThat(logged)
                .singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(ActivityEntry.Outcome.FAILED));
    }

    @Test
    void anUnknownListingIsKeptAndMarkedIgnoredWithTheReason() {
        sells(TEE, TEE_LISTING, 7);

        reports().handle(CHANNEL, delivery(), "product.updated", Map.of("product_id", "999"), OptionalLong.of(3));

        assertThat(scheduled).isEmpty();
        assertThat(finished)
                .singleElement()
                .satisfies(f -> assertThat(f.ignored()).isTrue());
        assertThat(logged).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(ActivityEntry.Outcome.IGNORED);
            assertThat(e.reason()).contains("product_id=999");
        });
    }

    @Test
    void withoutALevelThePlatformsLevelIsReadAndOnlyADifferenceIsSetBack() {
        sells(TEE, TEE_LISTING, 7);
        sells(MUG, MUG_RED, 2);
        platformLevels.put(TEE_LISTING, 7L);
        platformLevels.put(MUG_RED, 5L);

        reports().handle(CHANNEL, delivery(), "product.updated", Map.of(), OptionalLong.empty());

        assertThat(reads).isEqualTo(1);
        assertThat(scheduled).containsExactly(List.of(MUG));
        assertThat(logged)
                .extracting(ActivityEntry::outcome)
                .containsExactlyInAnyOrder(ActivityEntry.Outcome.SKIPPED, ActivityEntry.Outcome.NOT_APPLIED);
    }

    @Test
    void aListingThePlatformKeepsNoCountForIsNotPushed() {
        sells(TEE, TEE_LISTING, 7);

        reports().handle(CHANNEL, delivery(), "product.updated", Map.of("product_id", "10"), OptionalLong.empty());

        assertThat(scheduled).isEmpty();
        assertThat(logged).singleElement().satisfies(e -> assertThat(e.reason()).contains("keeps no count"));
    }

    @Test
    void aFailedReadLeavesTheDeliveryUnfinishedForItsCallerToRetry() {
        sells(TEE, TEE_LISTING, 7);
        platformFails = true;

        assertThatThrownBy(() -> reports()
                        .handle(
                                CHANNEL,
                                delivery(),
                                "product.updated",
                                Map.of("product_id", "10"),
                                OptionalLong.empty()))
                .isInstanceOf(PlatformGateway.SyncCallFailed.class);
        assertThat(finished).isEmpty();
        assertThat(scheduled).isEmpty();
    }

    private void sells(UUID product, Listing listing, long onHand) {
        known.add(new ChannelListings.Known(product, listing.sku(), Optional.of(listing), NOW));
        onHandAtA.put(product, onHand);
    }

    private static UUID delivery() {
        return UUID.randomUUID();
    }

    @SuppressWarnings("unchecked")
    private StockReports reports() {
        ChannelListings listings = fake(ChannelListings.class, Map.of("findByPlatformIds", args -> {
            Map<String, String> ids = (Map<String, String>) args[1];
            return known.stream()
                    .filter(k -> k.listing().orElseThrow().ids().entrySet().containsAll(ids.entrySet()))
                    .toList();
        }));
        StockLedger ledger = fake(StockLedger.class, Map.of("levelsAt", args -> {
            Collection<UUID> products = (Collection<UUID>) args[0];
            Collection<UUID> outlets = (Collection<UUID>) args[1];
            assertThat(outlets).containsExactly(OUTLET_A, OUTLET_B);
            return products.stream()
                    .flatMap(p -> List.of(
                            new StockLevel(p, OUTLET_A, onHandAtA.getOrDefault(p, 0L)), new StockLevel(p, OUTLET_B, 0))
                            .stream())
                    .toList();
        }));
        SyncOutbox outbox = fake(SyncOutbox.class, Map.of("stockChangedOn", args -> {
            assertThat(args[0]).isEqualTo(CHANNEL.id());
            scheduled.add(List.copyOf((Collection<UUID>) args[1]));
            return null;
        }));
        SetBacks setBacks = fake(
                SetBacks.class,
                Map.of(
                        "countSince", args -> earlierSetBacks,
                        "record",
                                args -> {
                                    setBackRecords.add((UUID) args[1]);
                                    return null;
                                },
                        "pushesOnTheirWay", args -> Set.copyOf(waiting)));
        PlatformGateway gateway = fake(PlatformGateway.class, Map.of("readStockLevels", args -> {
            reads++;
            if (platformFails) {
                throw new PlatformGateway.SyncCallFailed(
                        new SendFailure(SendFailure.Kind.UNAVAILABLE, "503", 503, Optional.empty()), null);
            }
            return Map.copyOf(platformLevels);
        }));
        WebhookInbox inbox = fake(WebhookInbox.class, Map.of("finish", args -> {
            finished.addAll((List<WebhookInbox.Finished>) args[0]);
            return null;
        }));
        ActivityLog activity = fake(ActivityLog.class, Map.of("record", args -> {
            logged.addAll((List<ActivityEntry>) args[0]);
            return null;
        }));
        Transactions tx = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
        return new StockReports(
                listings, ledger, outbox, setBacks, gateway, inbox, activity, tx, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A port answering the methods a test needs; any other call fails the test. */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> port, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, m, args) -> {
            Function<Object[], Object> answer = answers.get(m.getName());
            if (answer == null) {
                throw new AssertionError("unexpected call of " + port.getSimpleName() + "." + m.getName());
            }
            return answer.apply(args);
        });
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
}
