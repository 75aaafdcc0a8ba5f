package org.storeline.web.app.fulfillment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.storeline.core.fulfillment.FulfillmentBoard;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.view.Formats;

/**
 * The live part of the Fulfillments page, re-rendered alone when an event says a fulfillment changed: the tabs with
 * their counts, the rows, and the empty state that says what to do.
 */
public record BoardView(
        Messages t,
        String refreshUrl,
        List<Tab> tabs,
        List<RowView> rows,
        String empty,
        Optional<String> moreUrl,
        String updated) {

    public record Tab(String label, long count, String url, boolean selected) {}

    public static BoardView of(FulfillmentBoard.Board board, BoardFilters filters, Messages t, Instant now) {
        List<Tab> tabs = BoardFilters.TABS.stream()
                .map(status -> new Tab(
                        t.get("status." + status.wireName()),
                        board.count(status),
                        filters.withStatus(status).url(),
                        status == filters.status()))
                .toList();
        List<RowView> rows = board.rows().items().stream()
                .map(row -> RowView.of(row, t, board.outlet().timeZone(), now))
                .toList();
        return new BoardView(
                t,
                filters.url(),
                tabs,
                rows,
                empty(filters, board.outlet().name(), t),
                board.rows().next().map(cursor -> filters.after(cursor).url()),
                t.format("board.updated", Formats.time(now, board.outlet().timeZone(), t)));
    }

    private static String empty(BoardFilters filters, String outlet, Messages t) {
        if (filters.narrowed()) {
            return t.get("empty.filtered");
        }
        FulfillmentStatus status = filters.status();
        return t.format("empty." + status.wireName(), outlet);
    }
}
