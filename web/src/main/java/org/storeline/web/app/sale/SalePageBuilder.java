package org.storeline.web.app.sale;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.Email;
import org.storeline.core.error.StorelineException;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.refund.Refund;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterStatus;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;
import org.storeline.core.sale.SalePayment;
import org.storeline.core.salehistory.SaleHistory;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.sale.SalesListPage.Choice;
import org.storeline.web.app.view.Formats;
import org.storeline.web.app.view.Shell;

/** Writes a sale's page from what core read: every text in the reader's words, times in the outlet's zone. */
final class SalePageBuilder {
    private static final List<String> DONE = List.of("paid", "returned", "cancelled");

    private final OutletService outlets;
    private final Clock clock;

    SalePageBuilder(OutletService outlets, Clock clock) {
        this.outlets = outlets;
        this.clock = clock;
    }

    /** What the request asks the page to show beyond the sale: a dialog to open, a form sent back, an outcome. */
    record Request(
            Optional<String> open,
            Optional<String> done,
            Optional<UUID> returnId,
            Map<String, String> sent,
            Optional<String> payError,
            Optional<String> returnError,
            Optional<String> cancelError) {

        static Request of(Context ctx) {
            Optional<String> open =
                    SalesFilters.param(ctx, "open").filter(List.of("pay", "return", "cancel")::contains);
            Optional<String> done = SalesFilters.param(ctx, "done").filter(DONE::contains);
            Optional<UUID> returnId = SalesFilters.param(ctx, "return").flatMap(SalePageBuilder::id);
            return new Request(open, done, returnId, Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        static Request refusedPayment(Context ctx, String message) {
            return new Request(
                    Optional.of("pay"),
                    Optional.empty(),
                    Optional.empty(),
                    ctx.formParamMap().entrySet().stream()
                            .collect(
                                    HashMap::new,
                                    (m, e) -> m.put(e.getKey(), e.getValue().get(0)),
                                    Map::putAll),
                    Optional.of(message),
                    Optional.empty(),
                    Optional.empty());
        }

        static Request refusedReturn(Context ctx, String message) {
            return new Request(
                    Optional.of("return"),
                    Optional.empty(),
                    Optional.empty(),
                    ctx.formParamMap().entrySet().stream()
                            .collect(
                                    HashMap::new,
                                    (m, e) -> m.put(e.getKey(), e.getValue().get(0)),
                                    Map::putAll),
                    Optional.empty(),
                    Optional.of(message),
                    Optional.empty());
        }

        static Request refusedCancel(String message) {
            return new Request(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Map.of(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(message));
        }

        String value(String name, String otherwise) {
            return sent.getOrDefault(name, otherwise);
        }
    }

    private static Optional<UUID> id(String value) {
        try {
            return Optional.of(Ids.parse("return", value));
        } catch (StorelineException e) {
            return Optional.empty();
        }
    }

    /** The instant a payment form names: a date and a time of day in the register's outlet's zone. */
    static Instant paidAt(String date, String time, ZoneId zone) {
        try {
            return ZonedDateTime.of(LocalDate.parse(date), LocalTime.parse(time), zone)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw StorelineException.invalid("Give the date and time the payment was taken, such as 2026-12-06 and"
                    + " 14:30; got '" + date + "' and '" + time + "'.");
        }
    }

    /** The time zone of the register's outlet (the sale's own when the register is not one of the actor's). */
    ZoneId zoneOfRegister(SaleHistory.Details details, UUID registerId) {
        return details.registers().stream()
                .filter(r -> r.id().equals(registerId))
                .findFirst()
                .map(r -> outlets.require(r.outletId()).timeZone())
                .orElse(details.row().outlet().timeZone());
    }

    SalePageView build(SaleHistory.Details details, Request request, Messages t, Shell shell) {
        Sale sale = details.sale();
        ZoneId zone = details.row().outlet().timeZone();
        Map<UUID, Outlet> outletOf = new HashMap<>();
        details.restockAt().forEach(o -> outletOf.put(o.id(), o));
        Map<UUID, String> typeNames = new HashMap<>();
        details.paymentTypes().forEach(p -> typeNames.put(p.id(), typeName(p)));
        Map<UUID, String> registerNames = new HashMap<>();
        details.registers().forEach(r -> registerNames.put(r.id(), r.name()));
        return new SalePageView(
                shell,
                summary(details, t, zone),
                sale.lines().stream().map(line -> line(line, t)).toList(),
                sale.payments().stream()
                        .map(p -> new SalePageView.Payment(
                                typeNames.getOrDefault(
                                        p.paymentTypeId(),
                                        p.processor()
                                                .orElse(t.get("payment.kind."
                                                        + p.kind().wireName()))),
                                SaleFormats.money(p.amount(), t),
                                p.paidAt().toString(),
                                Formats.dateTime(p.paidAt(), zone, t),
                                registerNames.getOrDefault(p.registerId(), t.get("none"))))
                        .toList(),
                details.fulfillments().stream()
                        .map(f -> fulfillment(f, details.restockAt(), t))
                        .toList(),
                activity(details, typeNames, t, zone),
                details.takesPayment() ? Optional.of(payForm(details, request, t, outletOf)) : Optional.empty(),
                details.takesReturn() ? Optional.of(returnForm(details, request, t, outletOf)) : Optional.empty(),
                details.cancellable(),
                request.open().filter(o -> switch (o) {
                    case "pay" -> details.takesPayment();
                    case "return" -> details.takesReturn();
                    default -> details.cancellable();
                }),
                outcome(details, request, t),
                request.cancelError(),
                "/sales");
    }

    private SalePageView.Summary summary(SaleHistory.Details details, Messages t, ZoneId zone) {
        Sale sale = details.sale();
        SaleHistory.Row row = details.row();
        return new SalePageView.Summary(
                sale.id().toString(),
                sale.receiptNumber(),
                sale.channelOrder().map(ChannelOrderRef::externalOrderNumber).orElse(""),
                sale.createdAt().toString(),
                Formats.dateTime(sale.createdAt(), zone, t),
                row.outlet().name(),
                row.channelName().orElse(t.get("sales.inStore")),
                row.customer().map(Customer::name).filter(n -> !n.isBlank()).orElse(t.get("none")),
                row.customer().flatMap(Customer::email).map(Email::value).orElse(""),
                sale.status().wireName(),
                t.get("sales.status." + sale.status().wireName()),
                sale.paymentStatus().wireName(),
                t.get("payment." + sale.paymentStatus().wireName()),
                sale.note(),
                SaleFormats.money(sale.total(), t),
                SaleFormats.money(sale.totalTax(), t),
                SaleFormats.money(sale.paid(), t),
                SaleFormats.money(sale.balance(), t),
                sale.returnOfSaleId().map(UUID::toString));
    }

    private static SalePageView.Line line(SaleLine line, Messages t) {
        String kind = line.shippingFee()
                ? t.get("sale.line.shipping")
                : line.adjustment()
                        ? t.get("sale.line.adjustment")
                        : line.unmatched() ? t.get("sale.line.unmatched") : "";
        return new SalePageView.Line(
                line.sku(),
                line.name(),
                line.quantity(),
                SaleFormats.money(line.unitPrice(), t),
                SaleFormats.money(line.total(), t),
                kind);
    }

    /** {@code visible}: the user's outlets, so that a part at an outlet they cannot open is named, not linked. */
    private SalePageView.FulfillmentLink fulfillment(Fulfillment f, List<Outlet> visible, Messages t) {
        return new SalePageView.FulfillmentLink(
                f.id().toString(),
                outlets.require(f.outletId()).name(),
                t.get("type." + f.type().wireName()),
                f.status().wireName(),
                t.get("status." + f.status().wireName()),
                visible.stream().anyMatch(o -> o.id().equals(f.outletId())));
    }

    /** What happened to the sale, newest first: made or imported, each payment, each return with its refund. */
    private static List<SalePageView.Activity> activity(
            SaleHistory.Details details, Map<UUID, String> typeNames, Messages t, ZoneId zone) {
        Sale sale = details.sale();
        record Entry(Instant at, String text, Optional<String> detail) {}
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(
                sale.createdAt(),
                sale.channelOrder().isPresent()
                        ? t.format(
                                "sale.activity.imported",
                                details.row().channelName().orElse(t.get("none")))
                        : t.get("sale.activity.recorded"),
                Optional.empty()));
        for (SalePayment p : sale.payments()) {
            entries.add(new Entry(
                    p.paidAt(),
                    t.format(
                            "sale.activity.payment",
                            SaleFormats.money(p.amount(), t),
                            typeNames.getOrDefault(
                                    p.paymentTypeId(), p.processor().orElse(""))),
                    Optional.empty()));
        }
        for (SaleHistory.Return r : details.returns()) {
            entries.add(new Entry(
                    r.refund().map(Refund::createdAt).orElse(sale.createdAt()),
                    t.format("sale.activity.return", r.summary().receiptNumber()),
                    r.refund().map(Refund::message)));
        }
        return entries.stream()
                .sorted(Comparator.comparing(Entry::at).reversed())
                .map(e -> new SalePageView.Activity(
                        e.at().toString(), Formats.dateTime(e.at(), zone, t), e.text(), e.detail()))
                .toList();
    }

    private SalePageView.PaymentForm payForm(
            SaleHistory.Details details, Request request, Messages t, Map<UUID, Outlet> outletOf) {
        Sale sale = details.sale();
        Optional<Register> preferred = preferredRegister(details);
        String register =
                request.value("register", preferred.map(r -> r.id().toString()).orElse(""));
        ZoneId zone = preferred
                .flatMap(r -> Optional.ofNullable(outletOf.get(r.outletId())))
                .map(Outlet::timeZone)
                .orElse(details.row().outlet().timeZone());
        ZonedDateTime now = clock.instant().atZone(zone).truncatedTo(ChronoUnit.MINUTES);
        // Money taken elsewhere is mostly cash, a card terminal or a bank transfer: a processor's own type comes last.
        List<PaymentType> types = details.paymentTypes().stream()
                .sorted(Comparator.comparing((PaymentType p) -> p.kind() == PaymentKind.INTEGRATED)
                        .thenComparing(PaymentType::name))
                .toList();
        String type = request.value(
                "payment_type", types.isEmpty() ? "" : types.get(0).id().toString());
        return new SalePageView.PaymentForm(
                types.stream()
                        .map(p -> new Choice(
                                p.id().toString(),
                                typeName(p),
                                p.id().toString().equals(type)))
                        .toList(),
                request.value("amount", sale.balance().toDecimalString()),
                registers(details, register, t, outletOf),
                request.value("date", now.toLocalDate().toString()),
                request.value("time", now.toLocalTime().toString()),
                request.value("shown", now.toLocalDate() + "T" + now.toLocalTime()),
                request.payError());
    }

    /** An open register of the sale's outlet, else any open one, else the first: the one a cashier most likely uses. */
    private static Optional<Register> preferredRegister(SaleHistory.Details details) {
        List<Register> all = details.registers();
        return all.stream()
                .filter(r -> r.status() == RegisterStatus.OPEN
                        && r.outletId().equals(details.sale().outletId()))
                .findFirst()
                .or(() -> all.stream()
                        .filter(r -> r.status() == RegisterStatus.OPEN)
                        .findFirst())
                .or(() -> all.stream().findFirst());
    }

    private static List<Choice> registers(
            SaleHistory.Details details, String selected, Messages t, Map<UUID, Outlet> outletOf) {
        return details.registers().stream()
                .map(r -> new Choice(
                        r.id().toString(),
                        r.name() + " · "
                                + Optional.ofNullable(outletOf.get(r.outletId()))
                                        .map(Outlet::name)
                                        .orElse("")
                                + " ("
                                + t.get("sale.register." + r.status().name().toLowerCase(Locale.ROOT))
                                + ")",
                        r.id().toString().equals(selected)))
                .toList();
    }

    private static SalePageView.ReturnForm returnForm(
            SaleHistory.Details details, Request request, Messages t, Map<UUID, Outlet> outletOf) {
        List<SalePageView.ReturnLine> lines = details.sale().lines().stream()
                .filter(line -> details.left(line) > 0)
                .map(line -> new SalePageView.ReturnLine(
                        line.id().toString(),
                        line.sku(),
                        line.name(),
                        line.quantity(),
                        details.left(line),
                        parse(request.value("qty." + line.id(), "0"))))
                .toList();
        String outlet = request.value("outlet", "");
        String type = request.value("payment_type", "");
        String register = request.value("register", "");
        List<Choice> outlets = new ArrayList<>();
        outlets.add(new Choice("", t.get("sale.return.restockOrigin"), outlet.isEmpty()));
        outletOf.values().stream()
                .sorted(Comparator.comparing(Outlet::name))
                .forEach(o -> outlets.add(new Choice(
                        o.id().toString(), o.name(), o.id().toString().equals(outlet))));
        List<Choice> types = new ArrayList<>();
        types.add(new Choice("", t.get("sale.return.refundOriginal"), type.isEmpty()));
        details.paymentTypes()
                .forEach(p -> types.add(new Choice(
                        p.id().toString(), typeName(p), p.id().toString().equals(type))));
        List<Choice> registers = new ArrayList<>();
        registers.add(new Choice("", t.get("sale.return.registerDefault"), register.isEmpty()));
        registers.addAll(registers(details, register, t, outletOf));
        return new SalePageView.ReturnForm(
                lines,
                request.value("reason", ""),
                outlets,
                types,
                registers,
                request.value("key", UUID.randomUUID().toString()),
                request.returnError());
    }

    private static long parse(String value) {
        try {
            return Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String typeName(PaymentType type) {
        return type.processor()
                .filter(p -> !p.equalsIgnoreCase(type.name()))
                .map(p -> type.name() + " (" + p + ")")
                .orElse(type.name());
    }

    /** What the last action did; a return says where its money went (RET-2, RET-3) in words and the server's. */
    private static Optional<SalePageView.Outcome> outcome(SaleHistory.Details details, Request request, Messages t) {
        if (request.done().isEmpty()) {
            return Optional.empty();
        }
        String done = request.done().get();
        if (!done.equals("returned")) {
            Money balance = details.sale().balance();
            return Optional.of(new SalePageView.Outcome(
                    "notice",
                    t.get("sale.done." + done),
                    done.equals("paid")
                            ? Optional.of(t.format("sale.done.balance", SaleFormats.money(balance, t)))
                            : Optional.empty()));
        }
        Optional<SaleHistory.Return> made = details.returns().stream()
                .filter(r -> request.returnId().equals(Optional.of(r.summary().returnSaleId())))
                .findFirst();
        if (made.isEmpty() || made.get().refund().isEmpty()) {
            return Optional.of(new SalePageView.Outcome("notice", t.get("sale.done.returned"), Optional.empty()));
        }
        Refund refund = made.get().refund().get();
        String status = refund.status().wireName();
        String kind = switch (refund.status()) {
            case DONE -> "notice";
            case REFUSED -> "error";
            default -> "warning";
        };
        return Optional.of(new SalePageView.Outcome(
                kind,
                t.format("sale.done.returned.heading", made.get().summary().receiptNumber()) + " "
                        + t.get("sale.refund." + status),
                Optional.of(refund.message())));
    }
}
