package org.storeline.web.app.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.register.ClosureReport;
import org.storeline.core.register.Register;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.view.Amounts;
import org.storeline.web.app.view.Formats;
import org.storeline.web.app.view.Shell;

/**
 * A register closure report (PAY-1), on screen and on paper: what each payment type took (expected), and the cash in
 * the drawer, expected (the float and cash payments) beside counted with the difference. Card and other non-cash
 * totals are expected only: only the drawer's cash is counted at closing.
 */
public record ClosureReportPage(
        Shell shell,
        String registerName,
        String outletName,
        String opened,
        String closed,
        List<Line> lines,
        Line drawer,
        long payments,
        long carriedOver,
        Optional<String> done,
        String backUrl) {

    /** One row of the table; {@code counted} and {@code difference} are empty where nothing is counted. */
    public record Line(String name, String count, String expected, String counted, Optional<Difference> difference) {}

    static ClosureReportPage of(
            Shell shell, Register register, Outlet outlet, ClosureReport report, Optional<String> done, Messages t) {
        var zone = outlet.timeZone();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(
                t.get("closure.float"), "", Amounts.of(report.period().openingFloat(), t), "", Optional.empty()));
        for (ClosureReport.PaymentTotal total : report.payments()) {
            String name = total.name() + total.processor().map(p -> " · " + p).orElse("");
            String counted = total.kind() == PaymentKind.CASH ? t.get("closure.inDrawer") : t.get("closure.notCounted");
            lines.add(new Line(
                    name, Long.toString(total.count()), Amounts.of(total.total(), t), counted, Optional.empty()));
        }
        Line drawer = new Line(
                t.get("closure.drawer"),
                "",
                Amounts.of(report.expectedCash(), t),
                report.countedCash().map(c -> Amounts.of(c, t)).orElse(t.get("register.notCounted")),
                Optional.of(Difference.of(report.cashDifference(), t)));
        return new ClosureReportPage(
                shell,
                register.name(),
                outlet.name(),
                Formats.dateTime(report.period().openedAt(), zone, t),
                report.period()
                        .closedAt()
                        .map(at -> Formats.dateTime(at, zone, t))
                        .orElse(""),
                lines,
                drawer,
                report.paymentsCount(),
                report.carriedOver(),
                done,
                "/registers/" + register.id());
    }

    static String url(UUID registerId, UUID periodId) {
        return "/registers/" + registerId + "/closures/" + periodId;
    }
}
