package org.storeline.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.outlet.InMemoryOutlets;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.transaction.InlineTransactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Role;

/** Which outlets a report covers, and the span of time a filter means for each of them. */
class ReportServiceTest {
    private final InMemoryOutlets outletRepository = new InMemoryOutlets();
    private final Outlet brussels = outletRepository.add("Brussels", "Europe/Brussels");
    private final Outlet antwerp = outletRepository.add("Antwerp", "Europe/Brussels");
    private final Outlet newYork = outletRepository.add("New York", "America/New_York");
    private final List<List<OutletRange>> asked = new ArrayList<>();
    private final ReportService reports = new ReportService(
            new ReportQueries() {
                @Override
                public List<PaymentRow> payments(List<OutletRange> ranges) {
                    asked.add(ranges);
                    return List.of();
                }

                @Override
                public List<ProductSalesRow> productSales(List<OutletRange> ranges) {
                    asked.add(ranges);
                    return List.of();
                }

                @Override
                public List<ChannelSalesRow> salesByChannel(List<OutletRange> ranges) {
                    asked.add(ranges);
                    return List.of();
                }
            },
            (outlets, from, to) -> List.of(),
            new OutletService(outletRepository, new InlineTransactions(), null),
            new InlineTransactions());

    private static final Actor ADMIN = new Actor(UUID.randomUUID(), "Admin", Role.ADMIN, Set.of());

    @Test
    void outletsInOneZoneShareASpanAndADayMeansEachZonesOwnDay() {
        ReportFilter filter = filter(null, "2026-12-05", "2026-12-05");

        reports.payments(ADMIN, filter);

        assertThat(asked.get(0))
                .containsExactlyInAnyOrder(
                        new OutletRange(
                                Set.of(brussels.id(), antwerp.id()),
                                Optional.of(Instant.parse("2026-12-04T23:00:00Z")),
                                Optional.of(Instant.parse("2026-12-05T23:00:00Z"))),
                        new OutletRange(
                                Set.of(newYork.id()),
                                Optional.of(Instant.parse("2026-12-05T05:00:00Z")),
                                Optional.of(Instant.parse("2026-12-06T05:00:00Z"))));
    }

    @Test
    void anExactTimeIsOneSpanForEveryZoneAndAnOpenEndStaysOpen() {
        reports.productSales(ADMIN, filter(null, "2026-12-05T10:00:00Z", null));

        assertThat(asked.get(0))
                .containsExactly(new OutletRange(
                        Set.of(brussels.id(), antwerp.id(), newYork.id()),
                        Optional.of(Instant.parse("2026-12-05T10:00:00Z")),
                        Optional.empty()));
    }

    @Test
    void aManagerSeesOnlyTheirOutletsAndIsRefusedAnother() {
        Actor manager = new Actor(UUID.randomUUID(), "Manager", Role.MANAGER, Set.of(newYork.id()));

        reports.payments(manager, ReportFilter.everything());

        assertThat(asked.get(0)).extracting(OutletRange::outletIds).containsExactly(Set.of(newYork.id()));
        assertThatThrownBy(() -> reports.payments(manager, filter(brussels.id(), null, null)))
                .isInstanceOfSatisfying(
                        StorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTLET_FORBIDDEN));
        assertThat(asked).hasSize(1);
    }

    @Test
    void anUnknownOutletIsNotFoundForAnAdminAndForbiddenForOthers() {
        UUID unknown = UUID.randomUUID();
        Actor staff = new Actor(UUID.randomUUID(), "Staff", Role.STAFF, Set.of(brussels.id()));

        assertThatThrownBy(() -> reports.registerClosures(ADMIN, filter(unknown, null, null)))
                .isInstanceOfSatisfying(
                        StorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTLET_NOT_FOUND));
        assertThatThrownBy(() -> reports.registerClosures(staff, filter(unknown, null, null)))
                .isInstanceOfSatisfying(
                        StorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTLET_FORBIDDEN));
    }

    @Test
    void aUserWithoutOutletsGetsEmptyReportsWithoutAQuery() {
        Actor nobody = new Actor(UUID.randomUUID(), "Nobody", Role.STAFF, Set.of());

        assertThat(reports.payments(nobody, ReportFilter.everything())).isEmpty();
        assertThat(reports.productSales(nobody, ReportFilter.everything())).isEmpty();
        assertThat(reports.registerClosures(nobody, ReportFilter.everything())).isEmpty();
        assertThat(asked).isEmpty();
    }

    private static ReportFilter filter(UUID outletId, String from, String to) {
        return new ReportFilter(
                Optional.ofNullable(outletId),
                Optional.ofNullable(from).map(f -> ReportTime.parse("from", f)),
                Optional.ofNullable(to).map(t -> ReportTime.parse("to", t)));
    }
}
