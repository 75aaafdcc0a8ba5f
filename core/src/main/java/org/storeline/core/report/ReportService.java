package org.storeline.core.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.register.ClosureReport;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;

/**
 * The reports (PAY-4, ORD-4, PAY-1): payments by type and processor, product sales, register closures. Every role
 * may read them, over the outlets it may see: an admin every outlet, others their own; naming another outlet is
 * {@code outlet_forbidden}. A day in the filter is read in each outlet's own time zone.
 */
public final class ReportService {
    private static final Comparator<ClosureReport> NEWEST_FIRST = Comparator.<ClosureReport, Instant>comparing(
                    r -> r.period().closedAt().orElseThrow())
            .thenComparing(r -> r.period().id())
            .reversed();

    private final ReportQueries queries;
    private final ClosureSource closures;
    private final OutletService outlets;
    private final Transactions tx;

    public ReportService(ReportQueries queries, ClosureSource closures, OutletService outlets, Transactions tx) {
        this.queries = queries;
        this.closures = closures;
        this.outlets = outlets;
        this.tx = tx;
    }

    /** Payments by payment type (and its processor) and currency, refunds counted against them: PAY-4. */
    public List<PaymentRow> payments(Actor actor, ReportFilter filter) {
        List<OutletRange> ranges = ranges(actor, filter);
        return ranges.isEmpty() ? List.of() : tx.inTransaction(() -> queries.payments(ranges));
    }

    /** Quantities and amounts by product, the shipping fee product included (ORD-4); cancelled sales left out. */
    public List<ProductSalesRow> productSales(Actor actor, ReportFilter filter) {
        List<OutletRange> ranges = ranges(actor, filter);
        return ranges.isEmpty() ? List.of() : tx.inTransaction(() -> queries.productSales(ranges));
    }

    /** Sales (their totals, returns netted) by channel and by day of the outlet's calendar; in-store sales apart. */
    public List<ChannelSalesRow> salesByChannel(Actor actor, ReportFilter filter) {
        List<OutletRange> ranges = ranges(actor, filter);
        return ranges.isEmpty() ? List.of() : tx.inTransaction(() -> queries.salesByChannel(ranges));
    }

    /** The closure reports of the periods closed in the range, newest first. */
    public List<ClosureReport> registerClosures(Actor actor, ReportFilter filter) {
        List<OutletRange> ranges = ranges(actor, filter);
        if (ranges.isEmpty()) {
            return List.of();
        }
        return tx.inTransaction(() -> {
            List<ClosureReport> reports = new ArrayList<>();
            for (OutletRange range : ranges) {
                reports.addAll(closures.closedBetween(range.outletIds(), range.from(), range.to()));
            }
            reports.sort(NEWEST_FIRST);
            return reports;
        });
    }

    /**
     * The outlets the report covers, grouped by the span of time the filter means for them: outlets in one time zone
     * share a span, so a report over many outlets asks for a few spans, not one per outlet.
     */
    List<OutletRange> ranges(Actor actor, ReportFilter filter) {
        List<Outlet> covered = filter.outletId()
                .map(id -> {
                    actor.requireOutlet(id);
                    return List.of(outlets.require(id));
                })
                .orElseGet(() -> outlets.list(actor));
        Map<Span, Set<UUID>> bySpan = new LinkedHashMap<>();
        for (Outlet outlet : covered) {
            ZoneId zone = outlet.timeZone();
            Span span = new Span(
                    filter.from().map(f -> f.startIn(zone)), filter.to().map(t -> t.endIn(zone)));
            bySpan.computeIfAbsent(span, s -> new LinkedHashSet<>()).add(outlet.id());
        }
        return bySpan.entrySet().stream()
                .map(e -> new OutletRange(
                        e.getValue(), e.getKey().from(), e.getKey().to()))
                .toList();
    }

    private record Span(Optional<Instant> from, Optional<Instant> to) {}
}
