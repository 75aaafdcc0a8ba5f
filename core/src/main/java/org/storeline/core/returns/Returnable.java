package org.storeline.core.returns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;

/**
 * The remaining-quantity rule (RET-1): a line gives back at most the units it sold minus those returned already.
 * The caller counts what was returned with the original sale locked, so two returns of one line at the same time
 * queue on the sale and the second sees the first.
 */
public final class Returnable {
    /** The most lines one return may name (as many as an in-store sale may hold). */
    public static final int MAX_LINES = 1_000;

    /** {@code quantity} units of the sale's line {@code lineId}, asked back. */
    public record Requested(UUID lineId, long quantity) {}

    /** A line to give back: {@code quantity} of its units, after {@code before} returned already. */
    public record Taking(SaleLine line, long before, long quantity) {
        /** The return's line: the original's amounts shared pro rata, negative. */
        public SaleLine returnLine() {
            return ProRata.returnLine(line, before, quantity);
        }
    }

    private Returnable() {}

    /** Refuses a return that names no line, a line twice, or a quantity below one unit, before anything is read. */
    public static void checkShape(List<Requested> requested) {
        if (requested.isEmpty()) {
            throw StorelineException.invalid("lines must hold at least one line to return.");
        }
        if (requested.size() > MAX_LINES) {
            throw StorelineException.invalid(
                    "A return names at most " + MAX_LINES + " lines; this one names " + requested.size() + ".");
        }
        Map<UUID, Integer> seen = new HashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            Requested line = requested.get(i);
            if (line.quantity() < 1 || line.quantity() > SaleLine.MAX_QUANTITY) {
                throw StorelineException.invalid("lines[" + i + "].quantity must be between 1 and "
                        + SaleLine.MAX_QUANTITY + ": the number of units given back.");
            }
            Integer first = seen.putIfAbsent(line.lineId(), i);
            if (first != null) {
                throw StorelineException.invalid(
                        "lines[" + i + "].line_id repeats lines[" + first + "]: name each line once.");
            }
        }
    }

    /**
     * What each requested line gives back, given the units of each of the sale's lines returned already
     * ({@code returned}, by line id). Refused, naming the line and what is left, when a quantity is more than
     * that line has left to return.
     */
    public static List<Taking> check(Sale sale, Map<UUID, Long> returned, List<Requested> requested) {
        checkShape(requested);
        Map<UUID, SaleLine> lines = new HashMap<>();
        sale.lines().forEach(line -> lines.put(line.id(), line));
        List<Taking> takings = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            Requested asked = requested.get(i);
            SaleLine line = lines.get(asked.lineId());
            if (line == null) {
                throw StorelineException.invalid("lines[" + i + "].line_id " + asked.lineId()
                        + " is not a line of sale " + sale.receiptNumber() + ".");
            }
            long before = returned.getOrDefault(line.id(), 0L);
            long left = left(line, before);
            if (asked.quantity() > left) {
                throw new StorelineException(ErrorCode.RETURN_EXCEEDS_SOLD, exceeds(line, before, left, asked));
            }
            takings.add(new Taking(line, before, asked.quantity()));
        }
        return takings;
    }

    /** Every unit of every line not yet returned (a cancellation gives back all that is left). */
    public static List<Taking> everythingLeft(Sale sale, Map<UUID, Long> returned) {
        List<Taking> takings = new ArrayList<>();
        for (SaleLine line : sale.lines()) {
            long before = returned.getOrDefault(line.id(), 0L);
            long left = left(line, before);
            if (left > 0) {
                takings.add(new Taking(line, before, left));
            }
        }
        return takings;
    }

    /** Sold minus returned; a line sold in no unit (an online line kept as the platform sent it) has none. */
    public static long left(SaleLine line, long returnedBefore) {
        return Math.max(0, line.quantity() - returnedBefore);
    }

    private static String exceeds(SaleLine line, long before, long left, Requested asked) {
        String named = "Line '" + line.name() + "'" + (line.sku().isBlank() ? "" : " (SKU " + line.sku() + ")");
        String units = asked.quantity() == 1 ? "1 unit" : asked.quantity() + " units";
        if (left == 0) {
            return named + ": " + units + " asked back, but all " + Math.max(line.quantity(), 0)
                    + " sold are returned already; nothing is left to return.";
        }
        return named + ": " + units + " asked back, but only " + left + " of the " + line.quantity() + " sold "
                + (left == 1 ? "is" : "are") + " left to return (" + before + " returned already).";
    }
}
