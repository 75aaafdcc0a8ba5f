package org.storeline.core.report;

import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.StorelineException;

/**
 * What a report covers: one outlet or every outlet the caller may see, and a range of time (either end open).
 * A range whose start lies after its end is refused when both ends are of one kind; a day and an instant are
 * compared per outlet, where such a range is simply empty.
 */
public record ReportFilter(Optional<UUID> outletId, Optional<ReportTime> from, Optional<ReportTime> to) {
    public ReportFilter {
        if (from.isPresent() && to.isPresent() && startsAfterEnd(from.get(), to.get())) {
            throw StorelineException.invalid(
                    "from (" + from.get() + ") lies after to (" + to.get() + "): the range would hold nothing.");
        }
    }

    public static ReportFilter everything() {
        return new ReportFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static boolean startsAfterEnd(ReportTime from, ReportTime to) {
        if (from instanceof ReportTime.Day start && to instanceof ReportTime.Day end) {
            return start.date().isAfter(end.date());
        }
        if (from instanceof ReportTime.Exact start && to instanceof ReportTime.Exact end) {
            return start.instant().isAfter(end.instant());
        }
        return false;
    }
}
