package org.storeline.web.app.sale;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.sale.PaymentStatus;
import org.storeline.core.sale.SaleFilter;
import org.storeline.core.sale.SaleStatus;

/**
 * What Sales history shows, all of it in the URL (a link, a reload or the back button shows the same): the search, the
 * date range (days in the outlet's time zone), outlet, channel, status, payment status, and where the page starts.
 */
public record SalesFilters(
        Optional<String> search,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        Optional<UUID> outlet,
        Optional<UUID> channel,
        Optional<SaleStatus> status,
        Optional<PaymentStatus> payment,
        Optional<UUID> after) {

    /** Reads the query; a value that is not one of ours is refused with what is expected. */
    public static SalesFilters read(Context ctx) {
        return new SalesFilters(
                param(ctx, "q").map(SalesFilters::scanned),
                param(ctx, "from").map(v -> date("from", v)),
                param(ctx, "to").map(v -> date("to", v)),
                param(ctx, "outlet").map(v -> Ids.parse("outlet", v)),
                param(ctx, "channel").map(v -> Ids.parse("channel", v)),
                param(ctx, "status").map(SaleStatus::fromWire),
                param(ctx, "payment").map(SalesFilters::payment),
                param(ctx, "after").map(v -> Ids.parse("after", v)));
    }

    static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** A scanner's own characters (control and format characters around the code) are not part of what it read. */
    private static String scanned(String value) {
        return value.replaceAll("^[\\p{Cc}\\p{Cf}\\s]+|[\\p{Cc}\\p{Cf}\\s]+$", "");
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw StorelineException.invalid(name + " must be a date such as 2026-12-06; got '" + value + "'.");
        }
    }

    private static PaymentStatus payment(String value) {
        for (PaymentStatus s : PaymentStatus.values()) {
            if (s.wireName().equals(value)) {
                return s;
            }
        }
        throw StorelineException.invalid("payment must be paid, unpaid or partially_paid; got '" + value + "'.");
    }

    /** The core filter; the dates are whole days in {@code zone}, the end day included. */
    public SaleFilter toFilter(ZoneId zone) {
        return new SaleFilter(
                outlet,
                channel,
                Optional.empty(),
                Optional.empty(),
                status,
                search,
                from.map(d -> d.atStartOfDay(zone).toInstant()),
                to.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()),
                payment);
    }

    public boolean narrowed() {
        return search.isPresent()
                || from.isPresent()
                || to.isPresent()
                || outlet.isPresent()
                || channel.isPresent()
                || status.isPresent()
                || payment.isPresent();
    }

    /** This view from another place in the list. */
    public String url(Optional<UUID> start) {
        List<String> query = new ArrayList<>();
        search.ifPresent(v -> query.add("q=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        from.ifPresent(v -> query.add("from=" + v));
        to.ifPresent(v -> query.add("to=" + v));
        outlet.ifPresent(v -> query.add("outlet=" + v));
        channel.ifPresent(v -> query.add("channel=" + v));
        status.ifPresent(v -> query.add("status=" + v.wireName()));
        payment.ifPresent(v -> query.add("payment=" + v.wireName()));
        start.ifPresent(v -> query.add("after=" + v));
        return "/sales" + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    public String searchValue() {
        return search.orElse("");
    }

    public String fromValue() {
        return from.map(LocalDate::toString).orElse("");
    }

    public String toValue() {
        return to.map(LocalDate::toString).orElse("");
    }

    public String outletValue() {
        return outlet.map(UUID::toString).orElse("");
    }

    public String channelValue() {
        return channel.map(UUID::toString).orElse("");
    }

    public String statusValue() {
        return status.map(SaleStatus::wireName).orElse("");
    }

    public String paymentValue() {
        return payment.map(PaymentStatus::wireName).orElse("");
    }
}
