package org.storeline.core.report;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.money.Money;

/**
 * One line of the sales by channel and day report: the sales of one channel (or of the outlets' own counters, no
 * channel) on one day of their outlet's calendar, in one currency. Returns count against the sales as they do in the
 * product sales report (their totals are negative), so {@code total} is net; cancelled sales are left out.
 */
public record ChannelSalesRow(
        Optional<UUID> channelId, String channelName, LocalDate day, long sales, long returns, Money total) {}
