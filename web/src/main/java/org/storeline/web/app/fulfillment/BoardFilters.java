package org.storeline.web.app.fulfillment;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.error.StorelineException;
import org.storeline.core.fulfillment.FulfillmentRepository;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.fulfillment.ScannedCode;
import org.storeline.core.ids.Ids;

/**
 * What the Fulfillments page shows, all of it in the URL (so a link, a reload or the back button shows the same):
 * the outlet, the tab (an open status), the type, a receipt number, and where the page starts.
 */
public record BoardFilters(
        UUID outlet,
        FulfillmentStatus status,
        Optional<FulfillmentType> type,
        Optional<String> receipt,
        Optional<UUID> after) {
    /** The tabs, in the order work goes. */
    public static final List<FulfillmentStatus> TABS =
            List.of(FulfillmentStatus.NEW, FulfillmentStatus.IN_PROGRESS, FulfillmentStatus.PACKED);

    /** Reads the query; {@code defaultOutlet} when it names none. A value that is not one of ours is refused. */
    public static BoardFilters read(Context ctx, UUID defaultOutlet) {
        UUID outlet = param(ctx, "outlet").map(v -> Ids.parse("outlet", v)).orElse(defaultOutlet);
        FulfillmentStatus status = param(ctx, "status").map(BoardFilters::tab).orElse(FulfillmentStatus.NEW);
        Optional<FulfillmentType> type = param(ctx, "type").map(BoardFilters::type);
        Optional<String> receipt =
                param(ctx, "receipt").map(v -> ScannedCode.of("receipt", v).value());
        Optional<UUID> after = param(ctx, "after").map(v -> Ids.parse("after", v));
        return new BoardFilters(outlet, status, type, receipt, after);
    }

    public static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static FulfillmentStatus tab(String value) {
        FulfillmentStatus status = FulfillmentStatus.fromWire(value);
        if (!TABS.contains(status)) {
            throw StorelineException.invalid("status must be new, in_progress or packed; got '" + value + "'.");
        }
        return status;
    }

    private static FulfillmentType type(String value) {
        return switch (value) {
            case "delivery" -> FulfillmentType.DELIVERY;
            case "pickup" -> FulfillmentType.PICKUP;
            default -> throw StorelineException.invalid("type must be delivery or pickup; got '" + value + "'.");
        };
    }

    /** The core filter for one tab (the counts of the others ask the same filter with every open status). */
    public FulfillmentRepository.Filter toFilter() {
        return new FulfillmentRepository.Filter(
                Optional.of(outlet),
                Optional.empty(),
                type,
                EnumSet.of(status),
                Optional.empty(),
                Optional.empty(),
                receipt);
    }

    public boolean narrowed() {
        return type.isPresent() || receipt.isPresent();
    }

    public BoardFilters withStatus(FulfillmentStatus newStatus) {
        return new BoardFilters(outlet, newStatus, type, receipt, Optional.empty());
    }

    public BoardFilters after(UUID cursor) {
        return new BoardFilters(outlet, status, type, receipt, Optional.of(cursor));
    }

    public BoardFilters cleared() {
        return new BoardFilters(outlet, status, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public String typeValue() {
        return type.map(FulfillmentType::wireName).orElse("");
    }

    public String receiptValue() {
        return receipt.orElse("");
    }

    /** This view's URL: {@code /fulfillments?outlet=...&status=...} and the filters that are set. */
    public String url() {
        StringBuilder url = new StringBuilder("/fulfillments?outlet=").append(outlet);
        url.append("&status=").append(status.wireName());
        type.ifPresent(t -> url.append("&type=").append(t.wireName()));
        receipt.ifPresent(r -> url.append("&receipt=").append(URLEncoder.encode(r, StandardCharsets.UTF_8)));
        after.ifPresent(a -> url.append("&after=").append(a));
        return url.toString();
    }
}
